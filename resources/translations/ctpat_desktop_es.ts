<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AgendaModel</name>
        <message>
            <source>Where</source>
            <translation>Dónde</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Previsto</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>Dedicado</translation>
        </message>
        <message>
            <source>▶ now</source>
            <translation>▶ ahora</translation>
        </message>
        <message>
            <source>● here</source>
            <translation>● aquí</translation>
        </message>
        <message>
            <source>Category {category} {name}: {count} criteria, {minutes} min planned</source>
            <translation>Categoría {category} {name}: {count} criterios, {minutes} min previstos</translation>
        </message>
    </context>
    <context>
        <name>AuditTrailModel</name>
        <message>
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Old {arrow} New</source>
            <translation>Anterior {arrow} Nuevo</translation>
        </message>
        <message>
            <source>The chain breaks here: {problem}</source>
            <translation>La cadena se rompe aquí: {problem}</translation>
        </message>
    </context>
    <context>
        <name>AuditWindow</name>
        <message>
            <source>Audit trail intact: no events recorded yet</source>
            <translation>Registro de auditoría íntegro: aún no hay eventos</translation>
        </message>
        <message>
            <source>Audit trail intact: 1 event, each chained to the one before</source>
            <translation>Registro de auditoría íntegro: 1 evento, encadenado al anterior</translation>
        </message>
        <message>
            <source>Audit trail intact: {count} events, each chained to the one before</source>
            <translation>Registro de auditoría íntegro: {count} eventos, cada uno encadenado al anterior</translation>
        </message>
        <message>
            <source>; none missing since {where}</source>
            <translation>; no falta ninguno desde {where}</translation>
        </message>
        <message>
            <source>Broken at event {seq}: {problem}.</source>
            <translation>Roto en el evento {seq}: {problem}.</translation>
        </message>
        <message>
            <source>Events 1 to {last} check out; do not trust the trail from {seq} on.</source>
            <translation>Los eventos 1 a {last} son correctos; no confíe en el registro a partir del {seq}.</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>Read the audit trail again and check it</source>
            <translation>Leer de nuevo el registro de auditoría y verificarlo</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Buscar</translation>
        </message>
        <message>
            <source>Search the changes (Ctrl+F)</source>
            <translation>Buscar en los cambios (Ctrl+F)</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>&amp;Exportar CSV…</translation>
        </message>
        <message>
            <source>Write the rows shown to a CSV file</source>
            <translation>Escribir las filas mostradas en un archivo CSV</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Cerrar</translation>
        </message>
        <message>
            <source>Close this window</source>
            <translation>Cerrar esta ventana</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Registro de auditoría</translation>
        </message>
        <message>
            <source>Reading the audit trail…</source>
            <translation>Leyendo el registro de auditoría…</translation>
        </message>
        <message>
            <source>Audit trail check</source>
            <translation>Verificación del registro de auditoría</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validación</translation>
        </message>
        <message>
            <source>All validations</source>
            <translation>Todas las validaciones</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>Todos</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>Todas las acciones</translation>
        </message>
        <message>
            <source>Search changes, criteria, values…</source>
            <translation>Buscar cambios, criterios, valores…</translation>
        </message>
        <message>
            <source>Search changes</source>
            <translation>Buscar cambios</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Fecha desde</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>Fecha hasta</translation>
        </message>
        <message>
            <source>Event details</source>
            <translation>Detalles del evento</translation>
        </message>
        <message>
            <source>Select an event to see every change it made.</source>
            <translation>Seleccione un evento para ver todos los cambios que hizo.</translation>
        </message>
        <message>
            <source>Audit events</source>
            <translation>Eventos de auditoría</translation>
        </message>
        <message>
            <source>Validatio&amp;n:</source>
            <translation>Validació&amp;n:</translation>
        </message>
        <message>
            <source>&amp;Who:</source>
            <translation>&amp;Quién:</translation>
        </message>
        <message>
            <source>&amp;Action:</source>
            <translation>A&amp;cción:</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Fro&amp;m:</source>
            <translation>&amp;Desde:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Hasta:</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>{total} events</source>
            <translation>{total} eventos</translation>
        </message>
        <message>
            <source>Showing {shown} of {total} events</source>
            <translation>Se muestran {shown} de {total} eventos</translation>
        </message>
        <message>
            <source>Cannot read the audit trail</source>
            <translation>No se puede leer el registro de auditoría</translation>
        </message>
        <message>
            <source>Validation: {name}</source>
            <translation>Validación: {name}</translation>
        </message>
        <message>
            <source>Event {seq}, {when} local time ({at} UTC)
Who: {actor}    Action: {action}    What: {what} (record {record})</source>
            <translation>Evento {seq}, {when} hora local ({at} UTC)
Quién: {actor}    Acción: {action}    Qué: {what} (registro {record})</translation>
        </message>
        <message>
            <source>Export audit trail</source>
            <translation>Exportar el registro de auditoría</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Escribiendo {file}…</translation>
        </message>
        <message>
            <source>{count} events written to {path}</source>
            <translation>{count} eventos escritos en {path}</translation>
        </message>
        <message>
            <source>Cannot export the audit trail</source>
            <translation>No se puede exportar el registro de auditoría</translation>
        </message>
    </context>
    <context>
        <name>AuditWords</name>
        <message>
            <source>account</source>
            <translation>cuenta</translation>
        </message>
        <message>
            <source>action</source>
            <translation>acción requerida</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>archivada</translation>
        </message>
        <message>
            <source>caption</source>
            <translation>leyenda</translation>
        </message>
        <message>
            <source>category</source>
            <translation>categoría</translation>
        </message>
        <message>
            <source>started</source>
            <translation>inicio</translation>
        </message>
        <message>
            <source>ended</source>
            <translation>fin</translation>
        </message>
        <message>
            <source>recorded by</source>
            <translation>registrado por</translation>
        </message>
        <message>
            <source>captured at</source>
            <translation>capturada el</translation>
        </message>
        <message>
            <source>captured by</source>
            <translation>capturada por</translation>
        </message>
        <message>
            <source>catalog version</source>
            <translation>versión del catálogo</translation>
        </message>
        <message>
            <source>created at</source>
            <translation>creada el</translation>
        </message>
        <message>
            <source>criterion</source>
            <translation>criterio</translation>
        </message>
        <message>
            <source>date</source>
            <translation>fecha</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>eliminado</translation>
        </message>
        <message>
            <source>document</source>
            <translation>documento</translation>
        </message>
        <message>
            <source>due</source>
            <translation>fecha límite</translation>
        </message>
        <message>
            <source>entity</source>
            <translation>tipo de entidad</translation>
        </message>
        <message>
            <source>extension days</source>
            <translation>días de prórroga</translation>
        </message>
        <message>
            <source>extension reason</source>
            <translation>motivo de la prórroga</translation>
        </message>
        <message>
            <source>fields</source>
            <translation>campos</translation>
        </message>
        <message>
            <source>file name</source>
            <translation>nombre del archivo</translation>
        </message>
        <message>
            <source>filename</source>
            <translation>nombre del archivo</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>conservado</translation>
        </message>
        <message>
            <source>language</source>
            <translation>idioma</translation>
        </message>
        <message>
            <source>media type</source>
            <translation>tipo de archivo</translation>
        </message>
        <message>
            <source>member id</source>
            <translation>ID del socio</translation>
        </message>
        <message>
            <source>mode</source>
            <translation>modalidad</translation>
        </message>
        <message>
            <source>name</source>
            <translation>nombre</translation>
        </message>
        <message>
            <source>note</source>
            <translation>nota</translation>
        </message>
        <message>
            <source>office</source>
            <translation>oficina de campo</translation>
        </message>
        <message>
            <source>participants</source>
            <translation>participantes</translation>
        </message>
        <message>
            <source>planned minutes</source>
            <translation>minutos previstos</translation>
        </message>
        <message>
            <source>profile answer</source>
            <translation>respuesta del perfil</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>motivo</translation>
        </message>
        <message>
            <source>reasons</source>
            <translation>motivos</translation>
        </message>
        <message>
            <source>parts not met</source>
            <translation>partes no cumplidas</translation>
        </message>
        <message>
            <source>report text</source>
            <translation>texto del informe</translation>
        </message>
        <message>
            <source>report version</source>
            <translation>versión del informe</translation>
        </message>
        <message>
            <source>response accepted</source>
            <translation>respuesta aceptada</translation>
        </message>
        <message>
            <source>response implemented</source>
            <translation>respuesta implementada</translation>
        </message>
        <message>
            <source>response note</source>
            <translation>nota de la respuesta del socio</translation>
        </message>
        <message>
            <source>scss</source>
            <translation>SCSS</translation>
        </message>
        <message>
            <source>sha256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>signed at</source>
            <translation>firmado el</translation>
        </message>
        <message>
            <source>signer</source>
            <translation>firmante</translation>
        </message>
        <message>
            <source>status</source>
            <translation>estado</translation>
        </message>
        <message>
            <source>updated at</source>
            <translation>modificado el</translation>
        </message>
        <message>
            <source>updated by</source>
            <translation>modificado por</translation>
        </message>
        <message>
            <source>validation id</source>
            <translation>ID de la validación</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>verificación</translation>
        </message>
        <message>
            <source>version</source>
            <translation>versión</translation>
        </message>
        <message>
            <source>webex url</source>
            <translation>URL de WebEx</translation>
        </message>
        <message>
            <source>why</source>
            <translation>por qué</translation>
        </message>
        <message>
            <source>address</source>
            <translation>dirección</translation>
        </message>
        <message>
            <source>area</source>
            <translation>área</translation>
        </message>
        <message>
            <source>time</source>
            <translation>hora</translation>
        </message>
        <message>
            <source>country</source>
            <translation>país</translation>
        </message>
        <message>
            <source>days present</source>
            <translation>días de presencia</translation>
        </message>
        <message>
            <source>decided on</source>
            <translation>decidida el</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>decisión</translation>
        </message>
        <message>
            <source>held at</source>
            <translation>realizada el</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>notas</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>organización</translation>
        </message>
        <message>
            <source>participant</source>
            <translation>participante</translation>
        </message>
        <message>
            <source>received on</source>
            <translation>recibido el</translation>
        </message>
        <message>
            <source>requested on</source>
            <translation>solicitado el</translation>
        </message>
        <message>
            <source>result</source>
            <translation>resultado</translation>
        </message>
        <message>
            <source>role</source>
            <translation>función</translation>
        </message>
        <message>
            <source>site</source>
            <translation>sitio</translation>
        </message>
        <message>
            <source>topic</source>
            <translation>tema</translation>
        </message>
        <message>
            <source>type</source>
            <translation>tipo</translation>
        </message>
        <message>
            <source>document asked for</source>
            <translation>documento solicitado</translation>
        </message>
        <message>
            <source>letter type</source>
            <translation>tipo de carta</translation>
        </message>
        <message>
            <source>open required actions</source>
            <translation>acciones requeridas abiertas</translation>
        </message>
        <message>
            <source>original language</source>
            <translation>idioma original</translation>
        </message>
        <message>
            <source>original SHA-256</source>
            <translation>SHA-256 del original</translation>
        </message>
        <message>
            <source>report SHA-256</source>
            <translation>SHA-256 del informe</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>seguimiento</translation>
        </message>
        <message>
            <source>feedback</source>
            <translation>opinión</translation>
        </message>
        <message>
            <source>catalog</source>
            <translation>catálogo</translation>
        </message>
        <message>
            <source>evidence</source>
            <translation>evidencia</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>aceptada</translation>
        </message>
        <message>
            <source>comments</source>
            <translation>comentarios</translation>
        </message>
        <message>
            <source>event</source>
            <translation>suceso</translation>
        </message>
        <message>
            <source>implemented</source>
            <translation>implementado</translation>
        </message>
        <message>
            <source>minutes lost</source>
            <translation>minutos perdidos</translation>
        </message>
        <message>
            <source>not verifiable remotely</source>
            <translation>no verificable a distancia</translation>
        </message>
        <message>
            <source>what else could not be verified</source>
            <translation>qué más no pudo verificarse</translation>
        </message>
        <message>
            <source>number</source>
            <translation>número</translation>
        </message>
        <message>
            <source>recorded at</source>
            <translation>registrado el</translation>
        </message>
        <message>
            <source>whose</source>
            <translation>de quién</translation>
        </message>
        <message>
            <source>technology quality</source>
            <translation>calidad de la tecnología</translation>
        </message>
        <message>
            <source>finding</source>
            <translation>hallazgo</translation>
        </message>
        <message>
            <source>session time</source>
            <translation>tiempo de sesión</translation>
        </message>
        <message>
            <source>member</source>
            <translation>socio</translation>
        </message>
        <message>
            <source>report</source>
            <translation>informe</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>validación</translation>
        </message>
        <message>
            <source>team member</source>
            <translation>miembro del equipo</translation>
        </message>
        <message>
            <source>document request</source>
            <translation>solicitud de documento</translation>
        </message>
        <message>
            <source>interview</source>
            <translation>entrevista</translation>
        </message>
        <message>
            <source>tour stop</source>
            <translation>parada del recorrido</translation>
        </message>
        <message>
            <source>finding site</source>
            <translation>sitio del hallazgo</translation>
        </message>
        <message>
            <source>outcome</source>
            <translation>resultado</translation>
        </message>
        <message>
            <source>report rendition</source>
            <translation>versión traducida del informe</translation>
        </message>
        <message>
            <source>follow-up letter</source>
            <translation>carta de seguimiento</translation>
        </message>
        <message>
            <source>mine</source>
            <translation>el de este equipo</translation>
        </message>
        <message>
            <source>theirs</source>
            <translation>el del servidor central</translation>
        </message>
        <message>
            <source>English</source>
            <translation>inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>español</translation>
        </message>
        <message>
            <source>changed after approval; a supervisor must approve it again</source>
            <translation>modificada después de la aprobación; un supervisor debe aprobarla de nuevo</translation>
        </message>
        <message>
            <source>pinned catalog received from the hub</source>
            <translation>catálogo fijado recibido del servidor central</translation>
        </message>
        <message>
            <source>its participant records</source>
            <translation>sus registros de participantes</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <source>When (local)</source>
            <translation>Cuándo (hora local)</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>Cuándo (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validación</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Old {arrow} New</source>
            <translation>Anterior {arrow} Nuevo</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>finding {criterion}</source>
            <translation>hallazgo {criterion}</translation>
        </message>
        <message>
            <source>{field}: {mine} {arrow} {theirs} (took the hub's, by {by})</source>
            <translation>{field}: {mine} {arrow} {theirs} (se tomó el del servidor central, por {by})</translation>
        </message>
        <message>
            <source>{field}: kept {mine}; set aside {theirs} (by {by})</source>
            <translation>{field}: se conservó {mine}; se descartó {theirs} (por {by})</translation>
        </message>
        <message>
            <source>the hub</source>
            <translation>el servidor central</translation>
        </message>
        <message>
            <source>no visible change</source>
            <translation>sin cambios visibles</translation>
        </message>
        <message>
            <source>Validation {id} (no longer listed)</source>
            <translation>Validación {id} (ya no figura en la lista)</translation>
        </message>
    </context>
    <context>
        <name>BacklogWindow</name>
        <message>
            <source>Validation backlog</source>
            <translation>Validaciones pendientes</translation>
        </message>
        <message>
            <source>every office</source>
            <translation>todas las oficinas</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Oficina</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <source>Export E&amp;xcel…</source>
            <translation>Exportar a E&amp;xcel…</translation>
        </message>
        <message>
            <source>Ask the hub with Show.</source>
            <translation>Consulte al servidor central con Mostrar.</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Riesgo</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Socio</translation>
        </message>
        <message>
            <source>Entity type</source>
            <translation>Tipo de entidad</translation>
        </message>
        <message>
            <source>Standing</source>
            <translation>Situación</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>Last validated</source>
            <translation>Última validación</translation>
        </message>
        <message>
            <source>Virtual</source>
            <translation>Virtual</translation>
        </message>
        <message>
            <source>Members due for validation</source>
            <translation>Socios con validación pendiente</translation>
        </message>
        <message>
            <source>Why this member is listed</source>
            <translation>Por qué aparece este socio</translation>
        </message>
        <message>
            <source>Office:</source>
            <translation>Oficina:</translation>
        </message>
        <message>
            <source>Asking the hub…</source>
            <translation>Consultando al servidor central…</translation>
        </message>
        <message>
            <source>No backlog from the hub: {reason}</source>
            <translation>Sin pendientes del servidor central: {reason}</translation>
        </message>
        <message>
            <source>{members} members due by {until} ({overdue} overdue, {never} never validated); {virtual} eligible for a virtual validation. Revalidation every {years} years.</source>
            <translation>{members} socios con validación pendiente hasta el {until} ({overdue} vencidos, {never} nunca validados); {virtual} pueden validarse virtualmente. Revalidación cada {years} años.</translation>
        </message>
        <message>
            <source>eligible</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>in person</source>
            <translation>presencial</translation>
        </message>
        <message>
            <source>{member} ({account}): risk {score}</source>
            <translation>{member} ({account}): riesgo {score}</translation>
        </message>
        <message>
            <source>Eligible for a virtual validation under the office's rules.</source>
            <translation>Puede validarse virtualmente según las reglas de la oficina.</translation>
        </message>
        <message>
            <source>Validate in person:</source>
            <translation>Validar en persona:</translation>
        </message>
        <message>
            <source>Planned for {date}.</source>
            <translation>Planificada para el {date}.</translation>
        </message>
        <message>
            <source>Export backlog</source>
            <translation>Exportar los pendientes</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Escribiendo {file}…</translation>
        </message>
        <message>
            <source>Backlog written to {path}</source>
            <translation>Pendientes escritos en {path}</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Record</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <source>Mine (this laptop)</source>
            <translation>Mío (esta computadora)</translation>
        </message>
        <message>
            <source>Theirs (hub)</source>
            <translation>Del servidor central</translation>
        </message>
        <message>
            <source>Changed by</source>
            <translation>Cambiado por</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Catálogo</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Socio</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validación</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidencia</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Hallazgo</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Informe</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(vacío)</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Sync conflicts</source>
            <translation>Conflictos de sincronización</translation>
        </message>
        <message>
            <source>These fields were changed on this laptop and on the hub to different values. Both are kept until you choose; the value not kept stays in the audit trail.</source>
            <translation>Estos campos se cambiaron en esta computadora y en el servidor central con valores distintos. Ambos se conservan hasta que usted elija; el valor que no se conserve queda en el registro de auditoría.</translation>
        </message>
        <message>
            <source>Open conflicts</source>
            <translation>Conflictos abiertos</translation>
        </message>
        <message>
            <source>Keep &amp;mine</source>
            <translation>Conservar el &amp;mío</translation>
        </message>
        <message>
            <source>Keep &amp;theirs</source>
            <translation>Conservar el del &amp;servidor central</translation>
        </message>
        <message>
            <source>Conflict status</source>
            <translation>Estado de los conflictos</translation>
        </message>
        <message>
            <source>Criterion {criterion}</source>
            <translation>Criterio {criterion}</translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s) open</source>
            <translation>
                <numerusform>%n conflicto abierto</numerusform>
                <numerusform>%n conflictos abiertos</numerusform>
            </translation>
        </message>
        <message>
            <source>No conflicts left.</source>
            <translation>No quedan conflictos.</translation>
        </message>
        <message>
            <source>Not resolved: {error}</source>
            <translation>No resuelto: {error}</translation>
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <source>'{0}' is not a valid {1}; use one of: {2}</source>
            <translation>'{0}' no es un valor válido de {1}; use uno de: {2}</translation>
        </message>
        <message>
            <source>'{0}' is not a validation ID; give at least its first 4 characters</source>
            <translation>'{0}' no es un ID de validación; indique al menos sus 4 primeros caracteres</translation>
        </message>
        <message>
            <source>'{0}' is not an evidence ID; give at least its first 4 characters</source>
            <translation>'{0}' no es un ID de evidencia; indique al menos sus 4 primeros caracteres</translation>
        </message>
        <message>
            <source>'{0}' is not {1} ID; give at least its first 4 characters</source>
            <translation>'{0}' no es un ID válido ({1}); indique al menos sus 4 primeros caracteres</translation>
        </message>
        <message>
            <source>--since must be a change number &gt;= 0</source>
            <translation>--since debe ser un número de cambio &gt;= 0</translation>
        </message>
        <message>
            <source>A push carries at most {0} mutations, not {1}.</source>
            <translation>Un envío lleva como máximo {0} mutaciones, no {1}.</translation>
        </message>
        <message>
            <source>A push must be a JSON object with protocol and a mutations list.</source>
            <translation>Un envío debe ser un objeto JSON con protocol y una lista mutations.</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Acerca de</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Cuenta</translation>
        </message>
        <message>
            <source>Anomaly flags</source>
            <translation>Alertas de anomalía</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>A fecha de</translation>
        </message>
        <message>
            <source>Backlog</source>
            <translation>Pendientes</translation>
        </message>
        <message>
            <source>Content-Length is not a number.</source>
            <translation>Content-Length no es un número.</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>Días de retraso</translation>
        </message>
        <message>
            <source>Deficiencies</source>
            <translation>Deficiencias</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>Vencen antes del</translation>
        </message>
        <message>
            <source>Eligible for a virtual validation</source>
            <translation>Aptos para una validación virtual</translation>
        </message>
        <message>
            <source>Entity type</source>
            <translation>Tipo de entidad</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Factor</translation>
        </message>
        <message>
            <source>Last mode</source>
            <translation>Última modalidad</translation>
        </message>
        <message>
            <source>Last validated</source>
            <translation>Última validación</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Miembro</translation>
        </message>
        <message>
            <source>Members listed</source>
            <translation>Miembros listados</translation>
        </message>
        <message>
            <source>Mutation {0} is not valid: {1}.</source>
            <translation>La mutación {0} no es válida: {1}.</translation>
        </message>
        <message>
            <source>Never validated</source>
            <translation>Nunca validados</translation>
        </message>
        <message>
            <source>No anchor from this laptop yet.</source>
            <translation>Aún no hay ningún ancla de auditoría de esta computadora.</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Oficina</translation>
        </message>
        <message>
            <source>Open required actions</source>
            <translation>Acciones requeridas abiertas</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Vencidos</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planificada</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Puntos</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Revalidation cycle (years)</source>
            <translation>Ciclo de revalidación (años)</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Riesgo</translation>
        </message>
        <message>
            <source>Risk explained</source>
            <translation>Riesgo explicado</translation>
        </message>
        <message>
            <source>Risk factors</source>
            <translation>Factores de riesgo</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Reglas</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Alcance</translation>
        </message>
        <message>
            <source>Send the hub token as 'Authorization: Bearer TOKEN'.</source>
            <translation>Envíe el token del servidor central como 'Authorization: Bearer TOKEN'.</translation>
        </message>
        <message>
            <source>Standing</source>
            <translation>Situación</translation>
        </message>
        <message>
            <source>The anchor must be JSON with install, events and hash.</source>
            <translation>El ancla debe ser JSON con install, events y hash.</translation>
        </message>
        <message>
            <source>The anchor's install, events or hash is not valid.</source>
            <translation>Los campos install, events o hash del ancla no son válidos.</translation>
        </message>
        <message>
            <source>The content does not match its SHA-256.</source>
            <translation>El contenido no coincide con su SHA-256.</translation>
        </message>
        <message>
            <source>The hub token is not valid (wrong, or its user is disabled).</source>
            <translation>El token del servidor central no es válido (es incorrecto o su usuario está deshabilitado).</translation>
        </message>
        <message>
            <source>The path must end in a SHA-256: 64 lowercase hex digits.</source>
            <translation>La ruta debe terminar en un SHA-256: 64 dígitos hexadecimales en minúsculas.</translation>
        </message>
        <message>
            <source>The request body is nested too deeply to be a push.</source>
            <translation>El cuerpo de la solicitud está anidado a demasiada profundidad para ser un envío.</translation>
        </message>
        <message>
            <source>The request body is not valid JSON.</source>
            <translation>El cuerpo de la solicitud no es JSON válido.</translation>
        </message>
        <message>
            <source>This hub speaks protocol {0}; the request uses protocol {1}.</source>
            <translation>Este servidor central usa el protocolo {0}; la solicitud usa el protocolo {1}.</translation>
        </message>
        <message>
            <source>Unknown filter {0}; filters: {1}.</source>
            <translation>Filtro desconocido {0}; filtros: {1}.</translation>
        </message>
        <message>
            <source>Unknown parameter {0}; use office, as_of, horizon_days.</source>
            <translation>Parámetro desconocido {0}; use office, as_of, horizon_days.</translation>
        </message>
        <message>
            <source>Validation backlog</source>
            <translation>Validaciones pendientes</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <source>Virtual eligible</source>
            <translation>Apto para virtual</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Why not virtual</source>
            <translation>Por qué no virtual</translation>
        </message>
        <message>
            <source>a WebEx link must start with https://</source>
            <translation>un enlace de WebEx debe comenzar con https://</translation>
        </message>
        <message>
            <source>a caption is at most {0} characters (this one has {1})</source>
            <translation>una leyenda tiene como máximo {0} caracteres (esta tiene {1})</translation>
        </message>
        <message>
            <source>a caption is one line, without line breaks or control characters</source>
            <translation>una leyenda es de una sola línea, sin saltos de línea ni caracteres de control</translation>
        </message>
        <message>
            <source>a change must be an object</source>
            <translation>un cambio debe ser un objeto</translation>
        </message>
        <message>
            <source>a changed decision names another result than the one proposed</source>
            <translation>una decisión 'changed' indica un resultado distinto del propuesto</translation>
        </message>
        <message>
            <source>a changed outcome needs the result decided</source>
            <translation>un resultado modificado ('changed') necesita el resultado decidido</translation>
        </message>
        <message>
            <source>a closure letter has no open required action; a status letter has some</source>
            <translation>una carta de cierre no tiene acciones requeridas abiertas; una carta de estado sí las tiene</translation>
        </message>
        <message>
            <source>a criterion is named twice as not verifiable remotely</source>
            <translation>un criterio figura dos veces como no verificable a distancia</translation>
        </message>
        <message>
            <source>a document received on {0} was requested later ({1})</source>
            <translation>un documento recibido el {0} se solicitó después ({1})</translation>
        </message>
        <message>
            <source>a finding has no field {0}</source>
            <translation>un hallazgo no tiene el campo {0}</translation>
        </message>
        <message>
            <source>a first validation is done in person</source>
            <translation>una primera validación se hace en persona</translation>
        </message>
        <message>
            <source>a follow-up letter is a closure or a status letter, not {0}</source>
            <translation>una carta de seguimiento es de cierre o de estado, no {0}</translation>
        </message>
        <message>
            <source>a follow-up note must be text</source>
            <translation>una nota de seguimiento debe ser texto</translation>
        </message>
        <message>
            <source>a follow-up record is numbered 1 to {0}</source>
            <translation>un registro de seguimiento se numera del 1 al {0}</translation>
        </message>
        <message>
            <source>a follow-up record names the signed report version it follows (1 on)</source>
            <translation>un registro de seguimiento indica la versión firmada del informe a la que sigue (de 1 en adelante)</translation>
        </message>
        <message>
            <source>a follow-up record names who recorded it</source>
            <translation>un registro de seguimiento indica quién lo registró</translation>
        </message>
        <message>
            <source>a mutation must be an object</source>
            <translation>una mutación debe ser un objeto</translation>
        </message>
        <message>
            <source>a planned validation takes feedback once its work has started</source>
            <translation>una validación programada admite opiniones solo una vez iniciado su trabajo</translation>
        </message>
        <message>
            <source>a record is listed more than once</source>
            <translation>un registro aparece más de una vez</translation>
        </message>
        <message>
            <source>a rendition is in another language than its original ({0})</source>
            <translation>una versión traducida está en otro idioma que su original ({0})</translation>
        </message>
        <message>
            <source>a rendition's ID is derived from its report's and its language</source>
            <translation>el ID de una versión traducida se deriva del de su informe y de su idioma</translation>
        </message>
        <message>
            <source>a report version is a whole number from 1</source>
            <translation>una versión del informe es un número entero a partir de 1</translation>
        </message>
        <message>
            <source>a session time cannot end before it starts</source>
            <translation>un tiempo de sesión no puede terminar antes de empezar</translation>
        </message>
        <message>
            <source>a session time longer than {0} hours is no session</source>
            <translation>un tiempo de sesión de más de {0} horas no es una sesión</translation>
        </message>
        <message>
            <source>a session time needs timestamps, not {0} and {1}</source>
            <translation>un tiempo de sesión necesita marcas de tiempo, no {0} y {1}</translation>
        </message>
        <message>
            <source>a tier is proposed for an importer; this validation's is {0}</source>
            <translation>un nivel (tier) solo se propone para un importador; el tipo de entidad de esta validación es {0}</translation>
        </message>
        <message>
            <source>a user name must be 1 to {0} characters, no outer spaces</source>
            <translation>un nombre de usuario debe tener de 1 a {0} caracteres, sin espacios al principio ni al final</translation>
        </message>
        <message>
            <source>a validation has many {0}s: add one, or edit one by its ID</source>
            <translation>una validación tiene varios registros {0}: agregue uno o edite uno por su ID</translation>
        </message>
        <message>
            <source>a {0} change must carry all of its fields</source>
            <translation>un cambio de {0} debe llevar todos sus campos</translation>
        </message>
        <message>
            <source>a {0} sees the figures of their own office ({1}), not of {2}</source>
            <translation>un usuario {0} ve las cifras de su propia oficina ({1}), no las de {2}</translation>
        </message>
        <message>
            <source>a {0} user needs an office (--office NAME)</source>
            <translation>un usuario {0} necesita una oficina (--office NAME)</translation>
        </message>
        <message>
            <source>account number '{0}' is not valid; use 3 to 32 letters, digits or dashes</source>
            <translation>el número de cuenta '{0}' no es válido; use de 3 a 32 letras, dígitos o guiones</translation>
        </message>
        <message>
            <source>an agreed decision keeps the proposed result; say 'changed'</source>
            <translation>una decisión 'agreed' mantiene el resultado propuesto; indique 'changed'</translation>
        </message>
        <message>
            <source>an extension's days must be a whole number</source>
            <translation>los días de una prórroga deben ser un número entero</translation>
        </message>
        <message>
            <source>an office name must be at most {0} characters</source>
            <translation>un nombre de oficina debe tener como máximo {0} caracteres</translation>
        </message>
        <message>
            <source>anomalies</source>
            <translation>anomalías</translation>
        </message>
        <message>
            <source>at most {0} criteria can be named as not verifiable</source>
            <translation>como máximo {0} criterios pueden indicarse como no verificables</translation>
        </message>
        <message>
            <source>backup {0} cannot be read ({1})</source>
            <translation>la copia de seguridad {0} no se puede leer ({1})</translation>
        </message>
        <message>
            <source>backup {0} is damaged ({1})</source>
            <translation>la copia de seguridad {0} está dañada ({1})</translation>
        </message>
        <message>
            <source>backup {0} is damaged or does not open with this data folder's key ({1})</source>
            <translation>la copia de seguridad {0} está dañada o no se abre con la clave de esta carpeta de datos ({1})</translation>
        </message>
        <message>
            <source>backup {0} is not a ctpat-desktop database</source>
            <translation>la copia de seguridad {0} no es una base de datos de ctpat-desktop</translation>
        </message>
        <message>
            <source>backup {0} was written by a newer ctpat-desktop (schema {1}); update the app to restore it. Nothing was changed.</source>
            <translation>la copia de seguridad {0} fue escrita por una versión más reciente de ctpat-desktop (esquema {1}); actualice la aplicación para restaurarla. No se cambió nada.</translation>
        </message>
        <message>
            <source>base_rev must be a whole number &gt;= 0</source>
            <translation>base_rev debe ser un número entero &gt;= 0</translation>
        </message>
        <message>
            <source>cannot clear {0}</source>
            <translation>no se puede borrar {0}</translation>
        </message>
        <message>
            <source>cannot open token '{0}' with {1}: {2} {3}</source>
            <translation>no se puede abrir el token '{0}' con {1}: {2} {3}</translation>
        </message>
        <message>
            <source>cannot use PostgreSQL: {0}</source>
            <translation>no se puede usar PostgreSQL: {0}</translation>
        </message>
        <message>
            <source>catalog {0} differs from the one this release ships (its SHA-256); it is refused</source>
            <translation>el catálogo {0} difiere del que incluye esta versión de la aplicación (por su SHA-256); se rechaza</translation>
        </message>
        <message>
            <source>catalog {0} does not match its SHA-256</source>
            <translation>el catálogo {0} no coincide con su SHA-256</translation>
        </message>
        <message>
            <source>catalog {0} is not on the hub</source>
            <translation>el catálogo {0} no está en el servidor central</translation>
        </message>
        <message>
            <source>catalog {0} is not one this release ships; only an admin publishes another</source>
            <translation>el catálogo {0} no es uno de los que incluye esta versión de la aplicación; solo un administrador publica otro</translation>
        </message>
        <message>
            <source>catalog {0} names itself {1}</source>
            <translation>el catálogo {0} se identifica como {1}</translation>
        </message>
        <message>
            <source>catalog {0} {1} differs from the copy already pinned in this database; a changed catalog needs a new version</source>
            <translation>el catálogo {0} {1} difiere de la copia ya fijada en esta base de datos; un catálogo modificado necesita una versión nueva</translation>
        </message>
        <message>
            <source>catalog {0} {1} has no criterion for the findings on {2}; move what they say to the right criterion and set them to not-reviewed first, so that no finding is lost</source>
            <translation>el catálogo {0} {1} no tiene ningún criterio para los hallazgos de {2}; primero traslade lo que dicen al criterio correcto y márquelos como «Sin revisar», para que no se pierda ningún hallazgo</translation>
        </message>
        <message>
            <source>catalog {0} {1} is missing from the database</source>
            <translation>el catálogo {0} {1} no está en la base de datos</translation>
        </message>
        <message>
            <source>category {0} is not in the {1} catalog</source>
            <translation>la categoría {0} no está en el catálogo {1}</translation>
        </message>
        <message>
            <source>changes must be a list, since and next whole numbers</source>
            <translation>changes debe ser una lista, y since y next, números enteros</translation>
        </message>
        <message>
            <source>content does not match its SHA-256</source>
            <translation>el contenido no coincide con su SHA-256</translation>
        </message>
        <message>
            <source>criterion '{0}' is not in the {1} catalog</source>
            <translation>el criterio '{0}' no está en el catálogo {1}</translation>
        </message>
        <message>
            <source>criterion '{0}' is not in the {1} catalog {2}</source>
            <translation>el criterio '{0}' no está en el catálogo {1} {2}</translation>
        </message>
        <message>
            <source>criterion {0} is not in catalog {1}</source>
            <translation>el criterio {0} no está en el catálogo {1}</translation>
        </message>
        <message>
            <source>criterion {0} is not in the validation's catalog</source>
            <translation>el criterio {0} no está en el catálogo de la validación</translation>
        </message>
        <message>
            <source>criterion {0} is not valid</source>
            <translation>el criterio {0} no es válido</translation>
        </message>
        <message>
            <source>criterion {0} was changed elsewhere (by {1}) since it was shown; nothing was saved: look at it again</source>
            <translation>el criterio {0} se cambió en otro lugar (por {1}) desde que se mostró; no se guardó nada: revíselo de nuevo</translation>
        </message>
        <message>
            <source>criterion {0}: a not-met finding needs at least one reason</source>
            <translation>criterio {0}: un hallazgo «No cumple» necesita al menos un motivo</translation>
        </message>
        <message>
            <source>criterion {0}: only a due date can be extended</source>
            <translation>criterio {0}: solo se puede prorrogar una fecha límite</translation>
        </message>
        <message>
            <source>criterion {0}: {1} belongs only to a not-met finding</source>
            <translation>criterio {0}: {1} solo corresponde a un hallazgo «No cumple»</translation>
        </message>
        <message>
            <source>decision {0}: only a supervisor decides the outcome; {1} is {2}</source>
            <translation>decisión {0}: solo un supervisor decide el resultado; {1} tiene el rol {2}</translation>
        </message>
        <message>
            <source>deficiencies</source>
            <translation>deficiencias</translation>
        </message>
        <message>
            <source>deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far above the median of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})</source>
            <translation>la tasa de deficiencias del {rate:.1%} ({deficient} de {reviewed} revisados) está muy por encima de la mediana de {peers} validaciones de {entity_name} ({median:.1%}; puntuación z robusta {z:+.1f})</translation>
        </message>
        <message>
            <source>deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far below the median of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})</source>
            <translation>la tasa de deficiencias del {rate:.1%} ({deficient} de {reviewed} revisados) está muy por debajo de la mediana de {peers} validaciones de {entity_name} ({median:.1%}; puntuación z robusta {z:+.1f})</translation>
        </message>
        <message>
            <source>deleted must be true or false</source>
            <translation>deleted debe ser true o false</translation>
        </message>
        <message>
            <source>due</source>
            <translation>vence</translation>
        </message>
        <message>
            <source>entity</source>
            <translation>entidad</translation>
        </message>
        <message>
            <source>epoch must be a short printable string</source>
            <translation>epoch debe ser una cadena breve de caracteres imprimibles</translation>
        </message>
        <message>
            <source>every office</source>
            <translation>todas las oficinas</translation>
        </message>
        <message>
            <source>evidence ID '{0}' is ambiguous; give more characters</source>
            <translation>el ID de evidencia '{0}' es ambiguo; indique más caracteres</translation>
        </message>
        <message>
            <source>evidence content does not match its SHA-256 {0}</source>
            <translation>el contenido de la evidencia no coincide con su SHA-256 {0}</translation>
        </message>
        <message>
            <source>evidence content {0} is not in the blob store</source>
            <translation>el contenido de evidencia {0} no está en el almacén de blobs</translation>
        </message>
        <message>
            <source>evidence content {0} not uploaded; PUT it to /v1/blobs first</source>
            <translation>el contenido de evidencia {0} no se ha cargado; primero envíelo con PUT a /v1/blobs</translation>
        </message>
        <message>
            <source>evidence content {0} was not uploaded from office {1}; PUT the file itself to /v1/blobs first</source>
            <translation>el contenido de evidencia {0} no se cargó desde la oficina {1}; primero envíe el archivo mismo con PUT a /v1/blobs</translation>
        </message>
        <message>
            <source>evidence content {0}… not downloaded yet</source>
            <translation>el contenido de evidencia {0}… aún no se ha descargado</translation>
        </message>
        <message>
            <source>evidence {0} is damaged on disk ({1})</source>
            <translation>la evidencia {0} está dañada en el disco ({1})</translation>
        </message>
        <message>
            <source>evidence {0} is missing from {1}</source>
            <translation>la evidencia {0} no está en {1}</translation>
        </message>
        <message>
            <source>evidence {0} is sealed and no key was given to open it</source>
            <translation>la evidencia {0} está sellada y no se proporcionó ninguna clave para abrirla</translation>
        </message>
        <message>
            <source>evidence {0} was changed or damaged on disk (it fails its seal)</source>
            <translation>la evidencia {0} se modificó o se dañó en el disco (no supera la verificación de su sello)</translation>
        </message>
        <message>
            <source>evidence {0}… does not match its hash</source>
            <translation>la evidencia {0}… no coincide con su hash</translation>
        </message>
        <message>
            <source>feedback names who recorded it</source>
            <translation>una opinión indica quién la registró</translation>
        </message>
        <message>
            <source>feedback source {0} is not scss or member</source>
            <translation>el origen de la opinión {0} no es scss ni member</translation>
        </message>
        <message>
            <source>feedback source {0}: use scss or member</source>
            <translation>origen de la opinión {0}: use scss o member</translation>
        </message>
        <message>
            <source>fields must be an object</source>
            <translation>fields debe ser un objeto</translation>
        </message>
        <message>
            <source>file name must be a name, not a path</source>
            <translation>el nombre de archivo debe ser un nombre, no una ruta</translation>
        </message>
        <message>
            <source>follow-up {0} is not one of: {1}</source>
            <translation>el evento de seguimiento {0} no es uno de: {1}</translation>
        </message>
        <message>
            <source>followup {0}: validation {1} is not signed on the hub; follow-up is appended after its report is signed</source>
            <translation>seguimiento {0}: la validación {1} no está firmada en el servidor central; el seguimiento se agrega después de firmar su informe</translation>
        </message>
        <message>
            <source>followup {0}: {1}</source>
            <translation>seguimiento {0}: {1}</translation>
        </message>
        <message>
            <source>install must be the laptop's installation id.</source>
            <translation>install debe ser el ID de instalación de la computadora.</translation>
        </message>
        <message>
            <source>it names the signed report version it follows (1 on)</source>
            <translation>indica la versión del informe firmado a la que sigue (desde 1)</translation>
        </message>
        <message>
            <source>its pinned catalog cannot be read ({0})</source>
            <translation>su catálogo fijado no se puede leer ({0})</translation>
        </message>
        <message>
            <source>keep must be 'mine' or 'theirs', not {0}</source>
            <translation>keep debe ser 'mine' o 'theirs', no {0}</translation>
        </message>
        <message>
            <source>last validated {last} ({years} years ago); revalidation was due {due}, {days} days ago</source>
            <translation>última validación el {last} (hace {years} años); la revalidación vencía el {due}, hace {days} días</translation>
        </message>
        <message>
            <source>last validated {last}; revalidation is due {due}, in {days} days</source>
            <translation>última validación el {last}; la revalidación vence el {due}, dentro de {days} días</translation>
        </message>
        <message>
            <source>member {0} has no validation in office {1}; only an office that validates a member changes it</source>
            <translation>el socio {0} no tiene ninguna validación en la oficina {1}; solo una oficina que valida a un socio puede modificarlo</translation>
        </message>
        <message>
            <source>mutations must be a list and blobs an object</source>
            <translation>mutations debe ser una lista y blobs un objeto</translation>
        </message>
        <message>
            <source>never validated</source>
            <translation>nunca validado</translation>
        </message>
        <message>
            <source>never validated: no validation of this member is on the hub</source>
            <translation>nunca validado: el concentrador no tiene ninguna validación de este miembro</translation>
        </message>
        <message>
            <source>new {0} {1} must carry all of its fields; missing {2}</source>
            <translation>el nuevo registro {0} {1} debe llevar todos sus campos; falta: {2}</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>no backup named '{0}' (see: ctpat-desktop backup list)</source>
            <translation>no hay ninguna copia de seguridad llamada '{0}' (consulte: ctpat-desktop backup list)</translation>
        </message>
        <message>
            <source>no catalog version '{0}' of {1}; known: {2}</source>
            <translation>no hay ninguna versión de catálogo '{0}' de {1}; conocidas: {2}</translation>
        </message>
        <message>
            <source>no copy of {0} is kept in this data folder: it was signed before signed documents were kept, or on another computer</source>
            <translation>no se guarda ninguna copia de {0} en esta carpeta de datos: se firmó antes de que se guardaran los documentos firmados, o en otro equipo</translation>
        </message>
        <message>
            <source>no deficiencies at the last validation ({reviewed} criteria reviewed)</source>
            <translation>ninguna deficiencia en la última validación ({reviewed} criterios revisados)</translation>
        </message>
        <message>
            <source>no detached evidence {0} on this validation</source>
            <translation>no hay ninguna evidencia desvinculada {0} en esta validación</translation>
        </message>
        <message>
            <source>no evidence with ID '{0}'</source>
            <translation>no hay ninguna evidencia con el ID '{0}'</translation>
        </message>
        <message>
            <source>no evidence {0} on this validation</source>
            <translation>no hay ninguna evidencia {0} en esta validación</translation>
        </message>
        <message>
            <source>no follow-up letter of this validation has been signed yet</source>
            <translation>todavía no se ha firmado ninguna carta de seguimiento de esta validación</translation>
        </message>
        <message>
            <source>no hub is set: pass --server URL (or set hub_url in the settings)</source>
            <translation>no hay ningún servidor central configurado: indique --server URL (o defina hub_url en la configuración)</translation>
        </message>
        <message>
            <source>no keyring works here, so the data needs a passphrase: run in a terminal to choose one, or set {0}</source>
            <translation>aquí no funciona ningún llavero del sistema, así que los datos necesitan una frase de contraseña: ejecute la aplicación en una terminal para elegir una, o defina {0}</translation>
        </message>
        <message>
            <source>no letter in {0}: choose one of {1}</source>
            <translation>no hay carta en {0}: elija una de {1}</translation>
        </message>
        <message>
            <source>no open conflict {0}</source>
            <translation>no hay ningún conflicto abierto {0}</translation>
        </message>
        <message>
            <source>no rendition in {0}: choose one of {1}</source>
            <translation>no hay versión traducida en {0}: elija una de {1}</translation>
        </message>
        <message>
            <source>no report of this validation has been signed yet: nothing to copy</source>
            <translation>todavía no se ha firmado ningún informe de esta validación: no hay nada que copiar</translation>
        </message>
        <message>
            <source>no report texts in language '{0}'; use one of: {1}</source>
            <translation>no hay textos de informe en el idioma '{0}'; use uno de: {1}</translation>
        </message>
        <message>
            <source>no session time {0}</source>
            <translation>no hay ningún tiempo de sesión {0}</translation>
        </message>
        <message>
            <source>no signed report of this validation is recorded in this data folder: sync first</source>
            <translation>en esta carpeta de datos no consta ningún informe firmado de esta validación: sincronice primero</translation>
        </message>
        <message>
            <source>no signed report version {0} of this validation is known</source>
            <translation>no se conoce ninguna versión {0} firmada del informe de esta validación</translation>
        </message>
        <message>
            <source>no token for the hub at {0}: log in (the GUI asks for one), or set {1}</source>
            <translation>no hay ningún token para el servidor central en {0}: inicie sesión (la interfaz gráfica lo solicita) o defina {1}</translation>
        </message>
        <message>
            <source>no translations in language '{0}'; use one of: {1}</source>
            <translation>no hay traducciones en el idioma '{0}'; use uno de: {1}</translation>
        </message>
        <message>
            <source>no user named {0}</source>
            <translation>no hay ningún usuario llamado {0}</translation>
        </message>
        <message>
            <source>no validation with ID '{0}'</source>
            <translation>no hay ninguna validación con el ID '{0}'</translation>
        </message>
        <message>
            <source>no worksheet texts in language '{0}'; use one of: {1}</source>
            <translation>no hay textos de hoja de trabajo en el idioma '{0}'; use uno de: {1}</translation>
        </message>
        <message>
            <source>no {0} '{1}' in this validation</source>
            <translation>no hay ningún registro {0} '{1}' en esta validación</translation>
        </message>
        <message>
            <source>only an admin of the hub sees the national figures</source>
            <translation>solo un administrador del servidor central ve las cifras nacionales</translation>
        </message>
        <message>
            <source>open actions is a count from 0 to {0}</source>
            <translation>las acciones abiertas son un número de 0 a {0}</translation>
        </message>
        <message>
            <source>open_actions</source>
            <translation>acciones abiertas</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>vencido</translation>
        </message>
        <message>
            <source>participants must be a JSON list of names</source>
            <translation>los participantes deben ser una lista JSON de nombres</translation>
        </message>
        <message>
            <source>protocol {0} is not {1}</source>
            <translation>el protocolo {0} no es {1}</translation>
        </message>
        <message>
            <source>recorded_at {0} is not a UTC timestamp</source>
            <translation>recorded_at {0} no es una marca de tiempo UTC</translation>
        </message>
        <message>
            <source>report version {0} already has a rendition in {1} (SHA-256 {2})</source>
            <translation>la versión {0} del informe ya tiene una versión traducida en {1} (SHA-256 {2})</translation>
        </message>
        <message>
            <source>report version {0} has another SHA-256 than the letter names</source>
            <translation>la versión {0} del informe tiene otro SHA-256 que el que indica la carta</translation>
        </message>
        <message>
            <source>report version {0} has another SHA-256 than the one rendered</source>
            <translation>la versión {0} del informe tiene otro SHA-256 que el de la versión traducida</translation>
        </message>
        <message>
            <source>report version {0} is in {1} already: a rendition is in the other language</source>
            <translation>la versión {0} del informe ya está en {1}: una versión traducida va en el otro idioma</translation>
        </message>
        <message>
            <source>report version {0} is no longer the one in force</source>
            <translation>la versión {0} del informe ya no es la vigente</translation>
        </message>
        <message>
            <source>report version {0} is out of turn; the next is {1}</source>
            <translation>la versión {0} del informe está fuera de orden; la siguiente es la {1}</translation>
        </message>
        <message>
            <source>report version {0} was signed in {1} and has no signed rendition in {2}</source>
            <translation>la versión {0} del informe se firmó en {1} y no tiene una versión traducida firmada en {2}</translation>
        </message>
        <message>
            <source>report version {0} was superseded by version {1}: only the version in force has a rendition</source>
            <translation>la versión {0} del informe fue reemplazada por la versión {1}: solo la versión vigente tiene versión traducida</translation>
        </message>
        <message>
            <source>required actions are not closed; they are checked on site</source>
            <translation>hay acciones requeridas sin cerrar; se comprueban en las instalaciones</translation>
        </message>
        <message>
            <source>rev and seq must be whole numbers &gt;= 1</source>
            <translation>rev y seq deben ser números enteros &gt;= 1</translation>
        </message>
        <message>
            <source>risk {risk} is above the limit of {limit} for a virtual one (office {office}'s rules)</source>
            <translation>el riesgo {risk} supera el límite de {limit} para una validación virtual (reglas de la oficina {office})</translation>
        </message>
        <message>
            <source>risk {risk} is above the limit of {limit} for a virtual one (the default rules)</source>
            <translation>el riesgo {risk} supera el límite de {limit} para una validación virtual (reglas predeterminadas)</translation>
        </message>
        <message>
            <source>say what must change (--reason)</source>
            <translation>indique qué debe cambiar (--reason)</translation>
        </message>
        <message>
            <source>say why the validation is reopened (--reason)</source>
            <translation>indique por qué se reabre la validación (--reason)</translation>
        </message>
        <message>
            <source>scope {0}: use office or national</source>
            <translation>alcance {0}: use office o national</translation>
        </message>
        <message>
            <source>sheet {0} has more than {1} rows; refused</source>
            <translation>la hoja {0} tiene más de {1} filas; se rechaza</translation>
        </message>
        <message>
            <source>signed_at {0} is not a UTC timestamp</source>
            <translation>signed_at {0} no es una marca de tiempo UTC</translation>
        </message>
        <message>
            <source>signing failed: the timestamp server {0} did not answer ({1})</source>
            <translation>la firma falló: el servidor de sellos de tiempo {0} no respondió ({1})</translation>
        </message>
        <message>
            <source>signing failed: {0}: {1}</source>
            <translation>la firma falló: {0}: {1}</translation>
        </message>
        <message>
            <source>signing refused: the signer's certificate has been revoked</source>
            <translation>firma rechazada: el certificado del firmante fue revocado</translation>
        </message>
        <message>
            <source>status {0}: use one of {1} (planned validations have no findings to count)</source>
            <translation>estado {0}: use uno de {1} (las validaciones programadas no tienen hallazgos que contar)</translation>
        </message>
        <message>
            <source>technology quality is rated 1 to 5, not {0}</source>
            <translation>la calidad de la tecnología se califica del 1 al 5, no {0}</translation>
        </message>
        <message>
            <source>that is not a recovery code: it has {0} letters and digits in groups of four; nothing was changed</source>
            <translation>eso no es un código de recuperación: tiene {0} letras y dígitos en grupos de cuatro; no se cambió nada</translation>
        </message>
        <message>
            <source>that passphrase is too easy to guess ({0}); choose a few words only you would put together, e.g. 'dock seven blue lantern'</source>
            <translation>esa frase de contraseña es demasiado fácil de adivinar ({0}); elija unas cuantas palabras que solo usted combinaría, p. ej. 'muelle siete linterna azul'</translation>
        </message>
        <message>
            <source>that recovery code has a mistyped character (its check does not add up); nothing was changed</source>
            <translation>ese código de recuperación tiene un carácter mal escrito (su dígito de control no cuadra); no se cambió nada</translation>
        </message>
        <message>
            <source>that recovery code is not the one of {0} (an older code, or another folder's); nothing was changed</source>
            <translation>ese código de recuperación no es el de {0} (es un código anterior o el de otra carpeta); no se cambió nada</translation>
        </message>
        <message>
            <source>the PDF could not be typeset: {0}</source>
            <translation>no se pudo componer el PDF: {0}</translation>
        </message>
        <message>
            <source>the WebEx link '{0}' must start with https://</source>
            <translation>el enlace de WebEx '{0}' debe empezar por https://</translation>
        </message>
        <message>
            <source>the audit anchor of laptop {0} belongs to another user; an admin can look at it</source>
            <translation>el ancla de auditoría de la computadora {0} pertenece a otro usuario; un administrador puede consultarla</translation>
        </message>
        <message>
            <source>the bundle key of {0} does not open with this hub's key ({1}): the database was copied without its key file, or the key file was replaced</source>
            <translation>la clave de paquetes de {0} no se abre con la clave de este servidor central ({1}): la base de datos se copió sin su archivo de clave, o el archivo de clave se reemplazó</translation>
        </message>
        <message>
            <source>the bundle key of {0} in the database is damaged</source>
            <translation>la clave de paquetes de {0} en la base de datos está dañada</translation>
        </message>
        <message>
            <source>the caption of {0} was changed elsewhere since it was shown; nothing was saved: look at it again</source>
            <translation>la leyenda de {0} se cambió en otro lugar desde que se mostró; no se guardó nada: revísela de nuevo</translation>
        </message>
        <message>
            <source>the certificate is issued to '{0}', but the settings say the validation's SCSS '{1}' signs as '{2}': sign with that certificate</source>
            <translation>el certificado está emitido a nombre de '{0}', pero la configuración indica que el SCSS de la validación, '{1}', firma como '{2}': firme con ese certificado</translation>
        </message>
        <message>
            <source>the certificate is issued to '{0}', not to the validation's SCSS '{1}': sign with the SCSS's own certificate, or name it for the SCSS in the settings (signers)</source>
            <translation>el certificado está emitido a nombre de '{0}', no del SCSS de la validación, '{1}': firme con el certificado propio del SCSS o asígnelo al SCSS en la configuración (signers)</translation>
        </message>
        <message>
            <source>the change conflicts with what is stored ({0}); nothing was saved</source>
            <translation>el cambio entra en conflicto con lo almacenado ({0}); no se guardó nada</translation>
        </message>
        <message>
            <source>the criteria not verifiable remotely must be a JSON list of criteria</source>
            <translation>los criterios no verificables a distancia deben ser una lista JSON de criterios</translation>
        </message>
        <message>
            <source>the data folder has been closed</source>
            <translation>la carpeta de datos se ha cerrado</translation>
        </message>
        <message>
            <source>the database could not be re-encrypted ({0})</source>
            <translation>no se pudo volver a cifrar la base de datos ({0})</translation>
        </message>
        <message>
            <source>the database could not be read ({0})</source>
            <translation>no se pudo leer la base de datos ({0})</translation>
        </message>
        <message>
            <source>the database could not be written ({0})</source>
            <translation>no se pudo escribir en la base de datos ({0})</translation>
        </message>
        <message>
            <source>the database is busy or cannot be written ({0})</source>
            <translation>la base de datos está ocupada o no se puede escribir en ella ({0})</translation>
        </message>
        <message>
            <source>the defaults</source>
            <translation>las predeterminadas</translation>
        </message>
        <message>
            <source>the entity type cannot change once findings are recorded ({0} so far); set them back to not reviewed first</source>
            <translation>el tipo de entidad no puede cambiar una vez registrados hallazgos ({0} hasta ahora); primero vuelva a ponerlos como «Sin revisar»</translation>
        </message>
        <message>
            <source>the entity type cannot change: the validation is {0}; it changes only while planned or in progress</source>
            <translation>el tipo de entidad no puede cambiar: la validación está en estado {0}; solo cambia mientras está planificada o en curso</translation>
        </message>
        <message>
            <source>the evidence is empty</source>
            <translation>la evidencia está vacía</translation>
        </message>
        <message>
            <source>the feedback is empty: rate the technology or say something</source>
            <translation>la opinión está vacía: califique la tecnología o escriba algo</translation>
        </message>
        <message>
            <source>the hub answered {0} of {1} changes pushed</source>
            <translation>el servidor central respondió a {0} de {1} cambios enviados</translation>
        </message>
        <message>
            <source>the hub at {0} cannot be reached; choose This laptop to see this laptop's figures offline</source>
            <translation>no se puede acceder al servidor central en {0}; elija Esta computadora para ver sin conexión las cifras de esta computadora</translation>
        </message>
        <message>
            <source>the hub at {0} cannot be reached; the backlog is computed by the hub</source>
            <translation>no se puede acceder al servidor central en {0}; los pendientes los calcula el servidor central</translation>
        </message>
        <message>
            <source>the hub at {0} refused the token: log in to the hub again</source>
            <translation>el servidor central en {0} rechazó el token: vuelva a iniciar sesión en el servidor central</translation>
        </message>
        <message>
            <source>the hub has not recorded a supervisor's approval of this validation yet: sync, then sign</source>
            <translation>el servidor central aún no ha registrado la aprobación de un supervisor para esta validación: sincronice y luego firme</translation>
        </message>
        <message>
            <source>the hub holds no signed report version {0}</source>
            <translation>el servidor central no tiene ninguna versión firmada {0} del informe</translation>
        </message>
        <message>
            <source>the hub needs a database file, not an in-memory SQLite database</source>
            <translation>el servidor central necesita un archivo de base de datos, no una base de datos SQLite en memoria</translation>
        </message>
        <message>
            <source>the hub's answer lacks the revision of an applied change</source>
            <translation>a la respuesta del servidor central le falta la revisión de un cambio aplicado</translation>
        </message>
        <message>
            <source>the hub's answers do not match the changes pushed</source>
            <translation>las respuestas del servidor central no coinciden con los cambios enviados</translation>
        </message>
        <message>
            <source>the hub's stale answer names another record</source>
            <translation>la respuesta del servidor central sobre un cambio desactualizado se refiere a otro registro</translation>
        </message>
        <message>
            <source>the kept copy of {0} is damaged (it fails its SHA-256 check); {1} was not written</source>
            <translation>la copia guardada de {0} está dañada (no supera su comprobación SHA-256); no se escribió {1}</translation>
        </message>
        <message>
            <source>the keyring lost the new key; it is still kept aside</source>
            <translation>el llavero perdió la clave nueva; sigue guardada aparte</translation>
        </message>
        <message>
            <source>the keyring refused the key; nothing was set</source>
            <translation>el llavero rechazó la clave; no se configuró nada</translation>
        </message>
        <message>
            <source>the keyring refused the new key; nothing was changed</source>
            <translation>el llavero rechazó la clave nueva; no se cambió nada</translation>
        </message>
        <message>
            <source>the last validation was flagged as unusual</source>
            <translation>la última validación se marcó como inusual</translation>
        </message>
        <message>
            <source>the last validation was flagged: {flags}</source>
            <translation>la última validación tiene alertas: {flags}</translation>
        </message>
        <message>
            <source>the last validation was virtual; the next one is in person</source>
            <translation>la última validación fue virtual; la siguiente es en persona</translation>
        </message>
        <message>
            <source>the member name is empty</source>
            <translation>el nombre del socio está vacío</translation>
        </message>
        <message>
            <source>the passphrase must have at least {0} characters</source>
            <translation>la frase de contraseña debe tener al menos {0} caracteres</translation>
        </message>
        <message>
            <source>the payload is not a JSON object</source>
            <translation>la carga útil (payload) no es un objeto JSON</translation>
        </message>
        <message>
            <source>the planned session time must be between 15 minutes and 24 hours</source>
            <translation>la duración prevista de la sesión debe estar entre 15 minutos y 24 horas</translation>
        </message>
        <message>
            <source>the record of conflict {0} is gone</source>
            <translation>el registro del conflicto {0} ya no existe</translation>
        </message>
        <message>
            <source>the restored database fails its integrity check ({0}); the previous one is kept as {1}</source>
            <translation>la base de datos restaurada no supera su verificación de integridad ({0}); la anterior se conserva como {1}</translation>
        </message>
        <message>
            <source>the signed file could not be kept in {0} ({1}); nothing was recorded</source>
            <translation>el archivo firmado no se pudo guardar en {0} ({1}); no se registró nada</translation>
        </message>
        <message>
            <source>the supervisor has decided on the proposed outcome; it stays as decided</source>
            <translation>el supervisor ya decidió sobre el resultado propuesto; se mantiene tal como se decidió</translation>
        </message>
        <message>
            <source>the token needs its PIN: set CTPAT_TOKEN_PIN or enter it when asked</source>
            <translation>el token necesita su PIN: defina CTPAT_TOKEN_PIN o escríbalo cuando se le solicite</translation>
        </message>
        <message>
            <source>the two passphrases differ; nothing was set</source>
            <translation>las dos frases de contraseña no coinciden; no se configuró nada</translation>
        </message>
        <message>
            <source>the validation already uses catalog {0} {1}</source>
            <translation>la validación ya usa el catálogo {0} {1}</translation>
        </message>
        <message>
            <source>the validation changed meanwhile; look at it again</source>
            <translation>la validación cambió mientras tanto; revísela de nuevo</translation>
        </message>
        <message>
            <source>the validation has no follow-up letter {0}</source>
            <translation>la validación no tiene la carta de seguimiento {0}</translation>
        </message>
        <message>
            <source>the validation has no follow-up letter {0} (it has {1}: 1 to {2})</source>
            <translation>la validación no tiene la carta de seguimiento {0} (tiene {1}: de la 1 a la {2})</translation>
        </message>
        <message>
            <source>the validation has no signed report version {0}</source>
            <translation>la validación no tiene ninguna versión {0} firmada del informe</translation>
        </message>
        <message>
            <source>the validation has no signed report version {0} (signed: {1})</source>
            <translation>la validación no tiene una versión {0} firmada del informe (firmadas: {1})</translation>
        </message>
        <message>
            <source>the validation is already signed; reopen it to issue a new version</source>
            <translation>la validación ya está firmada; reábrala para emitir una versión nueva</translation>
        </message>
        <message>
            <source>the validation is signed and locked; its catalog stays pinned</source>
            <translation>la validación está firmada y bloqueada; su catálogo sigue fijado</translation>
        </message>
        <message>
            <source>the validation is signed and locked; reopen it (with a reason) to issue a new version</source>
            <translation>la validación está firmada y bloqueada; reábrala (indicando un motivo) para emitir una versión nueva</translation>
        </message>
        <message>
            <source>the validation is signed and locked; reopen it before changing it</source>
            <translation>la validación está firmada y bloqueada; reábrala antes de cambiarla</translation>
        </message>
        <message>
            <source>the validation is signed and locked; reopen it before changing its evidence</source>
            <translation>la validación está firmada y bloqueada; reábrala antes de cambiar su evidencia</translation>
        </message>
        <message>
            <source>the validation is signed and locked; reopen it before changing its {0} records</source>
            <translation>la validación está firmada y bloqueada; reábrala antes de cambiar sus registros {0}</translation>
        </message>
        <message>
            <source>the validation is signed and locked; reopen it before editing</source>
            <translation>la validación está firmada y bloqueada; reábrala antes de editarla</translation>
        </message>
        <message>
            <source>the validation is signed; its report cites the catalog it was pinned to (reopen it first to change findings)</source>
            <translation>la validación está firmada; su informe cita el catálogo al que estaba fijada (reábrala primero para cambiar los hallazgos)</translation>
        </message>
        <message>
            <source>the validation is {0}, not signed: nothing to reopen</source>
            <translation>la validación está en estado {0}, no firmada: no hay nada que reabrir</translation>
        </message>
        <message>
            <source>the validation is {0}: a supervisor must approve it before its report is signed</source>
            <translation>la validación está en estado {0}: un supervisor debe aprobarla antes de que se firme su informe</translation>
        </message>
        <message>
            <source>the validation is {0}: follow-up is appended after its report is signed (until then the finding itself holds the member's response)</source>
            <translation>la validación está en estado {0}: el seguimiento se agrega después de firmar su informe (hasta entonces, el propio hallazgo guarda la respuesta del socio)</translation>
        </message>
        <message>
            <source>the validation is {0}: no report of it has been signed yet</source>
            <translation>la validación está en estado {0}: todavía no se ha firmado ningún informe suyo</translation>
        </message>
        <message>
            <source>the validation is {0}; it can become {1} only from {2}</source>
            <translation>la validación está en estado {0}; solo puede pasar a {1} desde {2}</translation>
        </message>
        <message>
            <source>the validation is {status} but categories {categories} were never reviewed</source>
            <translation>la validación está {status} pero las categorías {categories} nunca se revisaron</translation>
        </message>
        <message>
            <source>the validation is {status} but category {categories} was never reviewed</source>
            <translation>la validación está {status} pero la categoría {categories} nunca se revisó</translation>
        </message>
        <message>
            <source>the validation names no Supply Chain Security Specialist: set its SCSS before signing</source>
            <translation>la validación no indica ningún especialista en seguridad de la cadena de suministro: indique su SCSS antes de firmar</translation>
        </message>
        <message>
            <source>the validation was reopened after version {0} was signed (it is {1}): its findings may differ from the signed ones</source>
            <translation>la validación se reabrió después de firmar la versión {0} (está en estado {1}): sus hallazgos pueden diferir de los firmados</translation>
        </message>
        <message>
            <source>the {0} has changed since that edit</source>
            <translation>el registro «{0}» ha cambiado desde esa edición</translation>
        </message>
        <message>
            <source>the {0} of {1} stays; remove it and add another</source>
            <translation>el campo {0} de {1} no se puede cambiar; quite el registro y agregue otro</translation>
        </message>
        <message>
            <source>there is no proposed outcome to decide on (outcome set)</source>
            <translation>no hay ningún resultado propuesto sobre el que decidir (outcome set)</translation>
        </message>
        <message>
            <source>this laptop's audit trail has {0} events, but it left {1} here on {2}: events were removed or rewritten</source>
            <translation>el registro de auditoría de esta computadora tiene {0} eventos, pero dejó {1} aquí el {2}: se eliminaron o reescribieron eventos</translation>
        </message>
        <message>
            <source>this validation has no {0}</source>
            <translation>esta validación no tiene ningún registro {0}</translation>
        </message>
        <message>
            <source>time</source>
            <translation>tiempo</translation>
        </message>
        <message>
            <source>time lost is 0 to {0} minutes, not {1}</source>
            <translation>el tiempo perdido es de 0 a {0} minutos, no {1}</translation>
        </message>
        <message>
            <source>token '{0}': no certificate for key '{1}' ({2})</source>
            <translation>token '{0}': no hay ningún certificado para la clave '{1}' ({2})</translation>
        </message>
        <message>
            <source>unknown entity type '{0}'; known: {1}</source>
            <translation>tipo de entidad desconocido '{0}'; conocidos: {1}</translation>
        </message>
        <message>
            <source>unknown kind {0}</source>
            <translation>tipo desconocido {0}</translation>
        </message>
        <message>
            <source>unknown kind {0}; known: {1}</source>
            <translation>tipo desconocido {0}; conocidos: {1}</translation>
        </message>
        <message>
            <source>unknown mutation keys: {0}</source>
            <translation>claves de mutación desconocidas: {0}</translation>
        </message>
        <message>
            <source>unknown outcome {0} in the hub's answer</source>
            <translation>resultado desconocido {0} en la respuesta del servidor central</translation>
        </message>
        <message>
            <source>unknown role {0}; roles: {1}</source>
            <translation>rol desconocido {0}; roles: {1}</translation>
        </message>
        <message>
            <source>unknown validation {0} for {1} {2}: push the validation first</source>
            <translation>validación desconocida {0} para {1} {2}: envíe primero la validación</translation>
        </message>
        <message>
            <source>updated_at and updated_by must be strings</source>
            <translation>updated_at y updated_by deben ser cadenas de texto</translation>
        </message>
        <message>
            <source>user {0} already exists</source>
            <translation>el usuario {0} ya existe</translation>
        </message>
        <message>
            <source>validation ID '{0}' is ambiguous; give more characters</source>
            <translation>el ID de validación '{0}' es ambiguo; indique más caracteres</translation>
        </message>
        <message>
            <source>validation {0} already exists in this data folder</source>
            <translation>la validación {0} ya existe en esta carpeta de datos</translation>
        </message>
        <message>
            <source>validation {0} is not known</source>
            <translation>la validación {0} no se conoce</translation>
        </message>
        <message>
            <source>validation {0} is signed; it must be reopened first</source>
            <translation>la validación {0} está firmada; primero debe reabrirse</translation>
        </message>
        <message>
            <source>validation {0} is {1} on the hub: a supervisor must approve it before it is signed</source>
            <translation>la validación {0} está en estado {1} en el servidor central: un supervisor debe aprobarla antes de que se firme</translation>
        </message>
        <message>
            <source>validation {0} is {1} on the hub; {2} {3} cannot take it to {4}</source>
            <translation>la validación {0} está en estado {1} en el servidor central; el usuario {3} (rol {2}) no puede pasarla al estado {4}</translation>
        </message>
        <message>
            <source>validation {0}: only a supervisor approves; {1} is {2}</source>
            <translation>validación {0}: solo un supervisor aprueba; {1} tiene el rol {2}</translation>
        </message>
        <message>
            <source>validation {0}: {1}</source>
            <translation>validación {0}: {1}</translation>
        </message>
        <message>
            <source>what could not be verified remotely is the SCSS's judgement, not the member's</source>
            <translation>lo que no pudo verificarse a distancia lo juzga el SCSS, no el socio</translation>
        </message>
        <message>
            <source>whose bundle is it? pass --user NAME (your hub user name)</source>
            <translation>¿de quién es el paquete? Indique --user NAME (su nombre de usuario en el servidor central)</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>{0} '{1}' is not a valid date; use YYYY-MM-DD</source>
            <translation>{0} '{1}' no es una fecha válida; use AAAA-MM-DD</translation>
        </message>
        <message>
            <source>{0} ID '{1}' is ambiguous; give more characters</source>
            <translation>el ID de {0} '{1}' es ambiguo; indique más caracteres</translation>
        </message>
        <message>
            <source>{0} already has {1}; edit that one</source>
            <translation>{0} ya tiene {1}; edite el existente</translation>
        </message>
        <message>
            <source>{0} and --clear {1} contradict each other</source>
            <translation>{0} y --clear {1} se contradicen</translation>
        </message>
        <message>
            <source>{0} contains control characters</source>
            <translation>{0} contiene caracteres de control</translation>
        </message>
        <message>
            <source>{0} contains {1}</source>
            <translation>{0} contiene {1}</translation>
        </message>
        <message>
            <source>{0} criteria have no finding yet ({1}); review them all first</source>
            <translation>{0} criterios aún no tienen hallazgo ({1}); revíselos todos primero</translation>
        </message>
        <message>
            <source>{0} has no field {1}</source>
            <translation>{0} no tiene ningún campo {1}</translation>
        </message>
        <message>
            <source>{0} has {1} bytes; an evidence file may have at most {2} ({3} MiB, the hub refuses larger ones): capture a smaller part or compress it</source>
            <translation>{0} tiene {1} bytes; un archivo de evidencia puede tener como máximo {2} ({3} MiB, el servidor central rechaza los más grandes): capture una parte más pequeña o comprímalo</translation>
        </message>
        <message>
            <source>{0} in the database was altered (its SHA-256 differs)</source>
            <translation>{0} en la base de datos fue alterado (su SHA-256 es distinto)</translation>
        </message>
        <message>
            <source>{0} is attached again as {1}; nothing was restored</source>
            <translation>{0} está adjunto de nuevo como {1}; no se restauró nada</translation>
        </message>
        <message>
            <source>{0} is larger than the hub's limit of {1} bytes.</source>
            <translation>{0} supera el límite del servidor central de {1} bytes.</translation>
        </message>
        <message>
            <source>{0} is locked with a passphrase: run in a terminal to type it, or set {1}</source>
            <translation>la carpeta {0} está protegida con una frase de contraseña: ejecute la aplicación en una terminal para escribirla, o defina {1}</translation>
        </message>
        <message>
            <source>{0} is longer than {1} characters</source>
            <translation>{0} tiene más de {1} caracteres</translation>
        </message>
        <message>
            <source>{0} is not a database URL</source>
            <translation>{0} no es una URL de base de datos</translation>
        </message>
        <message>
            <source>{0} is not a user of this hub</source>
            <translation>{0} no es un usuario de este servidor central</translation>
        </message>
        <message>
            <source>{0} is the start of {1} letters' IDs: give more of it</source>
            <translation>{0} es el comienzo de los ID de {1} cartas: indique más caracteres</translation>
        </message>
        <message>
            <source>{0} is too long or holds control characters</source>
            <translation>{0} es demasiado largo o contiene caracteres de control</translation>
        </message>
        <message>
            <source>{0} may not be empty</source>
            <translation>el campo {0} no puede estar vacío</translation>
        </message>
        <message>
            <source>{0} must be a JSON list of codes</source>
            <translation>{0} debe ser una lista JSON de códigos</translation>
        </message>
        <message>
            <source>{0} must be a JSON list of {1}</source>
            <translation>{0} debe ser una lista JSON de {1}</translation>
        </message>
        <message>
            <source>{0}: its key is not in this computer's keyring (another computer or user, or the keyring was reset); its recovery code opens it: run `ctpat-desktop recover`</source>
            <translation>{0}: su clave no está en el llavero de esta computadora (otra computadora u otro usuario, o se restableció el llavero); su código de recuperación la abre: ejecute `ctpat-desktop recover`</translation>
        </message>
        <message>
            <source>{0}: its key is not in this computer's keyring (another computer or user, or the keyring was reset); the data cannot be opened without it</source>
            <translation>{0}: su clave no está en el llavero de esta computadora (otra computadora u otro usuario, o se restableció el llavero); los datos no pueden abrirse sin ella</translation>
        </message>
        <message>
            <source>{count} required action(s) of the last signed report not closed ({criteria})</source>
            <translation>{count} acción(es) requerida(s) del último informe firmado sin cerrar ({criteria})</translation>
        </message>
        <message>
            <source>{count} required action(s) of the last signed report not closed ({criteria}, {overdue} past their due date)</source>
            <translation>{count} acción(es) requerida(s) del último informe firmado sin cerrar ({criteria}; {overdue} vencida(s))</translation>
        </message>
        <message>
            <source>{deficiencies} deficiencies at the last validation ({reviewed} criteria reviewed)</source>
            <translation>{deficiencies} deficiencias en la última validación ({reviewed} criterios revisados)</translation>
        </message>
        <message>
            <source>{edits} findings were recorded one by one in {seconds:.0f} seconds ({each:.1f} s each), faster than a criterion can be walked on a call</source>
            <translation>se registraron {edits} hallazgos uno a uno en {seconds:.0f} segundos ({each:.1f} s cada uno), más rápido de lo que se puede recorrer un criterio en una llamada</translation>
        </message>
        <message>
            <source>{entity_name} are validated in person (office {office}'s rules)</source>
            <translation>{entity_name}: se validan en persona (reglas de la oficina {office})</translation>
        </message>
        <message>
            <source>{entity_name} are validated in person (the default rules)</source>
            <translation>{entity_name}: se validan en persona (reglas predeterminadas)</translation>
        </message>
        <message>
            <source>{entity_name}: this entity type weighs {points} points</source>
            <translation>{entity_name}: este tipo de entidad pesa {points} puntos</translation>
        </message>
        <message>
            <source>{0} must be a JSON object</source>
            <translation>{0} debe ser un objeto JSON</translation>
        </message>
        <message>
            <source>No evidence content or signed document {0} that this user may see.</source>
            <translation>No hay contenido de evidencia ni documento firmado {0} que este usuario pueda ver.</translation>
        </message>
        <message>
            <source>{0} must be a SHA-256 in lowercase hex</source>
            <translation>{0} debe ser un SHA-256 en hexadecimal en minúsculas</translation>
        </message>
        <message>
            <source>{0} must be a non-empty string of at most {1} printable characters</source>
            <translation>{0} debe ser una cadena no vacía de como máximo {1} caracteres imprimibles</translation>
        </message>
        <message>
            <source>{0} must be a non-empty text</source>
            <translation>{0} debe ser un texto no vacío</translation>
        </message>
        <message>
            <source>{0} must be a whole number from {1} to {2}.</source>
            <translation>{0} debe ser un número entero de {1} a {2}.</translation>
        </message>
        <message>
            <source>{0} must be text</source>
            <translation>el campo {0} debe ser texto</translation>
        </message>
        <message>
            <source>{0} must be true, false or null</source>
            <translation>{0} debe ser true, false o null</translation>
        </message>
        <message>
            <source>{0} must name its validation</source>
            <translation>{0} debe indicar su validación</translation>
        </message>
        <message>
            <source>{0} needs its passphrase: store it in the keyring or set CTPAT_KEY_PASSPHRASE</source>
            <translation>{0} necesita su frase de contraseña: guárdela en el llavero o defina CTPAT_KEY_PASSPHRASE</translation>
        </message>
        <message>
            <source>{0} needs its {1}</source>
            <translation>{0} necesita el campo {1}</translation>
        </message>
        <message>
            <source>{0} {1} ({2}) names this {3}; change or remove it first</source>
            <translation>el registro {0} {1} ({2}) hace referencia a este registro {3}; cámbielo o quítelo primero</translation>
        </message>
        <message>
            <source>{0} {1} belongs to another validation in this folder</source>
            <translation>el registro {0} {1} pertenece a otra validación de esta carpeta</translation>
        </message>
        <message>
            <source>{0} {1} belongs to office {2}; {3} {4} may only change office {5}</source>
            <translation>{0} {1} pertenece a la oficina {2}; {3} {4} solo puede cambiar la oficina {5}</translation>
        </message>
        <message>
            <source>{0} {1} is not a date (YYYY-MM-DD)</source>
            <translation>{0} {1} no es una fecha (AAAA-MM-DD)</translation>
        </message>
        <message>
            <source>{0} {1} is not on the hub, so base_rev must be 0 (got {2})</source>
            <translation>{0} {1} no está en el servidor central, así que base_rev debe ser 0 (se recibió {2})</translation>
        </message>
        <message>
            <source>{0} {1} is not one of: {2}</source>
            <translation>{0} {1} no es uno de: {2}</translation>
        </message>
        <message>
            <source>{0} {1} is not valid</source>
            <translation>{0} {1} no es válido</translation>
        </message>
        <message>
            <source>{0} {1} is written once and cannot be changed</source>
            <translation>{0} {1} se escribe una sola vez y no se puede cambiar</translation>
        </message>
        <message>
            <source>{0} {1}: names {2} the file lacks</source>
            <translation>{0} {1}: hace referencia a un registro ({2}) que no está en el archivo</translation>
        </message>
        <message>
            <source>{0}.{1} cannot change once the {2} exists</source>
            <translation>{0}.{1} no puede cambiar una vez creado el registro {2}</translation>
        </message>
        <message>
            <source>{0}.{1} contains a NUL character</source>
            <translation>{0}.{1} contiene un carácter NUL</translation>
        </message>
        <message>
            <source>{0}.{1} is longer than {2} characters</source>
            <translation>{0}.{1} tiene más de {2} caracteres</translation>
        </message>
        <message>
            <source>{0}.{1} may not be null</source>
            <translation>{0}.{1} no puede ser null</translation>
        </message>
        <message>
            <source>{0}: a code is given twice</source>
            <translation>{0}: un código aparece dos veces</translation>
        </message>
        <message>
            <source>{0}: a criterion has more than one finding</source>
            <translation>{0}: un criterio tiene más de un hallazgo</translation>
        </message>
        <message>
            <source>{0}: a day is given twice</source>
            <translation>{0}: un día aparece dos veces</translation>
        </message>
        <message>
            <source>{0}: a decision accepts or rejects the response</source>
            <translation>{0}: una decisión acepta o rechaza la respuesta</translation>
        </message>
        <message>
            <source>{0}: a due-date extension needs a reason</source>
            <translation>{0}: una prórroga de la fecha límite necesita un motivo</translation>
        </message>
        <message>
            <source>{0}: a hub's bundle for a laptop (ctpat-desktop bundle import)</source>
            <translation>{0}: un paquete del servidor central para una computadora (ctpat-desktop bundle import)</translation>
        </message>
        <message>
            <source>{0}: a laptop's bundle for the hub; import it there (ctpat-hub bundle import)</source>
            <translation>{0}: un paquete de una computadora para el servidor central; impórtelo allí (ctpat-hub bundle import)</translation>
        </message>
        <message>
            <source>{0}: a required action is closed once the member's response is accepted</source>
            <translation>{0}: una acción requerida se cierra una vez aceptada la respuesta del socio</translation>
        </message>
        <message>
            <source>{0}: a response says whether it is implemented or what it says</source>
            <translation>{0}: una respuesta indica si se implementó o qué dice</translation>
        </message>
        <message>
            <source>{0}: a session time is listed more than once</source>
            <translation>{0}: un tiempo de sesión aparece más de una vez</translation>
        </message>
        <message>
            <source>{0}: an SQLite file, but not a ctpat-desktop database</source>
            <translation>{0}: un archivo SQLite, pero no una base de datos de ctpat-desktop</translation>
        </message>
        <message>
            <source>{0}: an evidence ID is listed more than once</source>
            <translation>{0}: un ID de evidencia aparece más de una vez</translation>
        </message>
        <message>
            <source>{0}: an extension is 30, 60, 90 or 120 days</source>
            <translation>{0}: una prórroga es de 30, 60, 90 o 120 días</translation>
        </message>
        <message>
            <source>{0}: at most {1} days</source>
            <translation>{0}: como máximo {1} días</translation>
        </message>
        <message>
            <source>{0}: cannot be opened with this data folder's key, or is not a ctpat-desktop database; it was not changed</source>
            <translation>{0}: no se puede abrir con la clave de esta carpeta de datos, o no es una base de datos de ctpat-desktop; no se modificó</translation>
        </message>
        <message>
            <source>{0}: cannot be read ({1})</source>
            <translation>{0}: no se puede leer ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot be read as JSON ({1})</source>
            <translation>{0}: no se puede leer como JSON ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot be the data folder ({1})</source>
            <translation>{0}: no puede ser la carpeta de datos ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot be written ({1})</source>
            <translation>{0}: no se puede escribir ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot create the data folder ({1})</source>
            <translation>{0}: no se puede crear la carpeta de datos ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot create the hub's key ({1})</source>
            <translation>{0}: no se puede crear la clave del servidor central ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot make the file private ({1})</source>
            <translation>{0}: no se puede hacer privado el archivo ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot make the folder private ({1})</source>
            <translation>{0}: no se puede hacer privada la carpeta ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot read the bundle ({1})</source>
            <translation>{0}: no se puede leer el paquete ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot read the hub's key ({1})</source>
            <translation>{0}: no se puede leer la clave del servidor central ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot write the bundle ({1})</source>
            <translation>{0}: no se puede escribir el paquete ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot write the recovery code ({1})</source>
            <translation>{0}: no se puede escribir el código de recuperación ({1})</translation>
        </message>
        <message>
            <source>{0}: cannot write the test identity ({1})</source>
            <translation>{0}: no se puede escribir la identidad de prueba ({1})</translation>
        </message>
        <message>
            <source>{0}: categories must be numbered 1 to 12 in order</source>
            <translation>{0}: las categorías deben numerarse del 1 al 12 en orden</translation>
        </message>
        <message>
            <source>{0}: category {1}: must be a category number</source>
            <translation>{0}: categoría {1}: debe ser un número de categoría</translation>
        </message>
        <message>
            <source>{0}: could not be backed up ({1})</source>
            <translation>{0}: no se pudo hacer la copia de seguridad ({1})</translation>
        </message>
        <message>
            <source>{0}: could not be encrypted ({1}); it was left as it was</source>
            <translation>{0}: no se pudo cifrar ({1}); se dejó como estaba</translation>
        </message>
        <message>
            <source>{0}: could not be restored ({1}); it was not changed</source>
            <translation>{0}: no se pudo restaurar ({1}); no se modificó</translation>
        </message>
        <message>
            <source>{0}: criterion {1} is not in its catalog</source>
            <translation>{0}: el criterio {1} no está en su catálogo</translation>
        </message>
        <message>
            <source>{0}: criterion {1}: field category: {2} does not match the ID's category {3}</source>
            <translation>{0}: criterio {1}: campo category: {2} no coincide con la categoría del ID, {3}</translation>
        </message>
        <message>
            <source>{0}: criterion {1}: field id: listed twice</source>
            <translation>{0}: criterio {1}: campo id: aparece dos veces</translation>
        </message>
        <message>
            <source>{0}: criterion {1}: field parts: a key is listed twice</source>
            <translation>{0}: criterio {1}: campo parts: una clave aparece dos veces</translation>
        </message>
        <message>
            <source>{0}: criterion {1}: field source.document: '{2}' is not one of the catalog's documents</source>
            <translation>{0}: criterio {1}: campo source.document: '{2}' no es uno de los documentos del catálogo</translation>
        </message>
        <message>
            <source>{0}: criterion {1}: needs either a source or the reason it is unverified</source>
            <translation>{0}: criterio {1}: necesita una fuente o el motivo por el que no está verificado</translation>
        </message>
        <message>
            <source>{0}: cycle_years must be at least 1</source>
            <translation>{0}: cycle_years debe ser al menos 1</translation>
        </message>
        <message>
            <source>{0}: does not match the exchange schema at {1}: {2}</source>
            <translation>{0}: no coincide con el esquema de intercambio en {1}: {2}</translation>
        </message>
        <message>
            <source>{0}: entities must be a list of entity types or null</source>
            <translation>{0}: entities debe ser una lista de tipos de entidad o null</translation>
        </message>
        <message>
            <source>{0}: evidence {1} belongs to another validation in this folder</source>
            <translation>{0}: la evidencia {1} pertenece a otra validación de esta carpeta</translation>
        </message>
        <message>
            <source>{0}: evidence {1} does not match its SHA-256 or size</source>
            <translation>{0}: la evidencia {1} no coincide con su SHA-256 o su tamaño</translation>
        </message>
        <message>
            <source>{0}: evidence {1} is not valid base64</source>
            <translation>{0}: la evidencia {1} no es base64 válido</translation>
        </message>
        <message>
            <source>{0}: evidence {1} names unknown criterion {2}</source>
            <translation>{0}: la evidencia {1} menciona un criterio desconocido, {2}</translation>
        </message>
        <message>
            <source>{0}: evidence {1}: {2}</source>
            <translation>{0}: evidencia {1}: {2}</translation>
        </message>
        <message>
            <source>{0}: expands to {1} bytes, more than a worksheet can be; refused</source>
            <translation>{0}: se expande a {1} bytes, más de lo que puede ocupar una hoja de trabajo; se rechaza</translation>
        </message>
        <message>
            <source>{0}: field base: versions are based on each other in a loop</source>
            <translation>{0}: campo base: las versiones se basan unas en otras en un ciclo</translation>
        </message>
        <message>
            <source>{0}: field base: {1}</source>
            <translation>{0}: campo base: {1}</translation>
        </message>
        <message>
            <source>{0}: field effective: {1} is not after its base version's {2}</source>
            <translation>{0}: campo effective: {1} no es posterior a la fecha {2} de su versión base</translation>
        </message>
        <message>
            <source>{0}: field entity: '{1}' but its base is '{2}'</source>
            <translation>{0}: campo entity: '{1}', pero su base es '{2}'</translation>
        </message>
        <message>
            <source>{0}: field entity: '{1}' does not match the folder name '{2}'</source>
            <translation>{0}: campo entity: '{1}' no coincide con el nombre de la carpeta, '{2}'</translation>
        </message>
        <message>
            <source>{0}: field format: must be 1</source>
            <translation>{0}: campo format: debe ser 1</translation>
        </message>
        <message>
            <source>{0}: field language: must be '{1}', as the file name</source>
            <translation>{0}: campo language: debe ser '{1}', como el nombre del archivo</translation>
        </message>
        <message>
            <source>{0}: field reasons: must be a non-empty list</source>
            <translation>{0}: campo reasons: debe ser una lista no vacía</translation>
        </message>
        <message>
            <source>{0}: field version: '{1}' does not match the file name '{2}'</source>
            <translation>{0}: campo version: '{1}' no coincide con el nombre del archivo, '{2}'</translation>
        </message>
        <message>
            <source>{0}: field version: must be a string</source>
            <translation>{0}: campo version: debe ser una cadena de texto</translation>
        </message>
        <message>
            <source>{0}: field {1}: must be an object</source>
            <translation>{0}: campo {1}: debe ser un objeto</translation>
        </message>
        <message>
            <source>{0}: file is too large ({1} bytes) for an exchange file</source>
            <translation>{0}: el archivo es demasiado grande ({1} bytes) para un archivo de intercambio</translation>
        </message>
        <message>
            <source>{0}: file not found</source>
            <translation>{0}: archivo no encontrado</translation>
        </message>
        <message>
            <source>{0}: follow-up is recorded only for a not-met finding</source>
            <translation>{0}: el seguimiento solo se registra para un hallazgo «No cumple»</translation>
        </message>
        <message>
            <source>{0}: follow-up record {1} is out of order; the next is {2} (sync, then record it again)</source>
            <translation>{0}: el registro de seguimiento {1} está fuera de orden; el siguiente es el {2} (sincronice y vuelva a registrarlo)</translation>
        </message>
        <message>
            <source>{0}: font_scale must be a number from {1} to {2}</source>
            <translation>{0}: font_scale debe ser un número de {1} a {2}</translation>
        </message>
        <message>
            <source>{0}: high_contrast must be true or false</source>
            <translation>{0}: high_contrast debe ser true o false</translation>
        </message>
        <message>
            <source>{0}: holds no certificate to sign with</source>
            <translation>{0}: no contiene ningún certificado con el que firmar</translation>
        </message>
        <message>
            <source>{0}: holds text that is not valid Unicode (an unpaired surrogate such as \ud800); nothing was imported</source>
            <translation>{0}: contiene texto que no es Unicode válido (un sustituto sin pareja, como \ud800); no se importó nada</translation>
        </message>
        <message>
            <source>{0}: is a folder, not a PDF file</source>
            <translation>{0}: es una carpeta, no un archivo PDF</translation>
        </message>
        <message>
            <source>{0}: is a folder, not a file</source>
            <translation>{0}: es una carpeta, no un archivo</translation>
        </message>
        <message>
            <source>{0}: is not the {1} of this validation</source>
            <translation>{0}: no es el registro {1} de esta validación</translation>
        </message>
        <message>
            <source>{0}: its ID does not follow from what it names</source>
            <translation>{0}: su ID no corresponde a lo que indica</translation>
        </message>
        <message>
            <source>{0}: language must be one of {1} (an empty text follows the system's language)</source>
            <translation>{0}: language debe ser uno de {1} (un texto vacío sigue el idioma del sistema)</translation>
        </message>
        <message>
            <source>{0}: larger than a bundle can be ({1} bytes); nothing was applied</source>
            <translation>{0}: más grande de lo que puede ser un paquete ({1} bytes); no se aplicó nada</translation>
        </message>
        <message>
            <source>{0}: malformed categories file (missing {1})</source>
            <translation>{0}: archivo de categorías mal formado (falta {1})</translation>
        </message>
        <message>
            <source>{0}: migration would leave {1} broken references (first in table {2}); the database was left as it was</source>
            <translation>{0}: la migración dejaría {1} referencias rotas (la primera en la tabla {2}); la base de datos se dejó como estaba</translation>
        </message>
        <message>
            <source>{0}: no sheet named {1}; is it a validation worksheet?</source>
            <translation>{0}: no hay ninguna hoja llamada {1}; ¿es una hoja de trabajo de validación?</translation>
        </message>
        <message>
            <source>{0}: no such rules file</source>
            <translation>{0}: no existe ese archivo de reglas</translation>
        </message>
        <message>
            <source>{0}: no {1} here; is this a ctpat-desktop data folder?</source>
            <translation>{0}: aquí no hay ningún {1}; ¿es una carpeta de datos de ctpat-desktop?</translation>
        </message>
        <message>
            <source>{0}: not a JSON file ({1})</source>
            <translation>{0}: no es un archivo JSON ({1})</translation>
        </message>
        <message>
            <source>{0}: not a PDF file</source>
            <translation>{0}: no es un archivo PDF</translation>
        </message>
        <message>
            <source>{0}: not a catalog file (nested too deeply)</source>
            <translation>{0}: no es un archivo de catálogo (anidado a demasiada profundidad)</translation>
        </message>
        <message>
            <source>{0}: not a certificate (PEM or DER)</source>
            <translation>{0}: no es un certificado (PEM o DER)</translation>
        </message>
        <message>
            <source>{0}: not a ctpat-desktop bundle file</source>
            <translation>{0}: no es un archivo de paquete de ctpat-desktop</translation>
        </message>
        <message>
            <source>{0}: not a file of fixed size; nothing was applied</source>
            <translation>{0}: no es un archivo de tamaño fijo; no se aplicó nada</translation>
        </message>
        <message>
            <source>{0}: not a folder, so it cannot be the data folder</source>
            <translation>{0}: no es una carpeta, así que no puede ser la carpeta de datos</translation>
        </message>
        <message>
            <source>{0}: not a readable Excel workbook ({1})</source>
            <translation>{0}: no es un libro de Excel legible ({1})</translation>
        </message>
        <message>
            <source>{0}: not a readable certificate ({1})</source>
            <translation>{0}: no es un certificado legible ({1})</translation>
        </message>
        <message>
            <source>{0}: not a regular file</source>
            <translation>{0}: no es un archivo normal</translation>
        </message>
        <message>
            <source>{0}: not a regular file; nothing was changed</source>
            <translation>{0}: no es un archivo normal; no se cambió nada</translation>
        </message>
        <message>
            <source>{0}: not an Excel workbook (.xlsx)</source>
            <translation>{0}: no es un libro de Excel (.xlsx)</translation>
        </message>
        <message>
            <source>{0}: not an Excel workbook (.xlsx): parts are missing</source>
            <translation>{0}: no es un libro de Excel (.xlsx): faltan partes</translation>
        </message>
        <message>
            <source>{0}: not an exchange file (nested too deeply)</source>
            <translation>{0}: no es un archivo de intercambio (anidado a demasiada profundidad)</translation>
        </message>
        <message>
            <source>{0}: not valid JSON (line {1}: {2})</source>
            <translation>{0}: no es JSON válido (línea {1}: {2})</translation>
        </message>
        <message>
            <source>{0}: only a decision accepts or rejects</source>
            <translation>{0}: solo una decisión acepta o rechaza</translation>
        </message>
        <message>
            <source>{0}: only a required action is closed</source>
            <translation>{0}: solo se cierra una acción requerida</translation>
        </message>
        <message>
            <source>{0}: only a required action's due date is extended</source>
            <translation>{0}: solo se prorroga la fecha límite de una acción requerida</translation>
        </message>
        <message>
            <source>{0}: only a response says whether it is implemented</source>
            <translation>{0}: solo una respuesta indica si se implementó</translation>
        </message>
        <message>
            <source>{0}: only an extension has days</source>
            <translation>{0}: solo una prórroga tiene días</translation>
        </message>
        <message>
            <source>{0}: part {1} is compressed {2} to 1, a sign of a zip bomb; refused</source>
            <translation>{0}: la parte {1} está comprimida en una proporción de {2} a 1, señal de una bomba zip; se rechaza</translation>
        </message>
        <message>
            <source>{0}: permission denied</source>
            <translation>{0}: permiso denegado</translation>
        </message>
        <message>
            <source>{0}: reason {1}: field code: listed twice</source>
            <translation>{0}: motivo {1}: campo code: aparece dos veces</translation>
        </message>
        <message>
            <source>{0}: reason {1}: must be an object</source>
            <translation>{0}: motivo {1}: debe ser un objeto</translation>
        </message>
        <message>
            <source>{0}: removed {1}: not in base version {2}</source>
            <translation>{0}: campo removed, {1}: no está en la versión base {2}</translation>
        </message>
        <message>
            <source>{0}: response_days must be a whole number of days from 1 to 365</source>
            <translation>{0}: response_days debe ser un número entero de días, de 1 a 365</translation>
        </message>
        <message>
            <source>{0}: session time {1} belongs to another validation in this folder</source>
            <translation>{0}: el tiempo de sesión {1} pertenece a otra validación de esta carpeta</translation>
        </message>
        <message>
            <source>{0}: settings file is not valid JSON ({1})</source>
            <translation>{0}: el archivo de configuración no es JSON válido ({1})</translation>
        </message>
        <message>
            <source>{0}: starts after change {1}, but this laptop has the hub's changes only up to {2}; ask for a bundle made with --since {3}</source>
            <translation>{0}: empieza después del cambio {1}, pero esta computadora solo tiene los cambios del servidor central hasta el {2}; solicite un paquete hecho con --since {3}</translation>
        </message>
        <message>
            <source>{0}: the PDF cannot be read ({1})</source>
            <translation>{0}: no se puede leer el PDF ({1})</translation>
        </message>
        <message>
            <source>{0}: the backlog rules are not readable JSON ({1})</source>
            <translation>{0}: las reglas de los pendientes no son JSON legible ({1})</translation>
        </message>
        <message>
            <source>{0}: the backup did not check out, so none was kept: {1}</source>
            <translation>{0}: la copia de seguridad no superó la verificación, así que no se conservó ninguna: {1}</translation>
        </message>
        <message>
            <source>{0}: the bundle expands beyond {1} bytes; nothing was applied</source>
            <translation>{0}: el paquete se expande a más de {1} bytes; no se aplicó nada</translation>
        </message>
        <message>
            <source>{0}: the bundle failed its integrity check (changed, damaged, or not sealed with {1}'s token); nothing was applied</source>
            <translation>{0}: el paquete no superó su verificación de integridad (modificado, dañado o no sellado con el token de {1}); no se aplicó nada</translation>
        </message>
        <message>
            <source>{0}: the bundle's content is damaged</source>
            <translation>{0}: el contenido del paquete está dañado</translation>
        </message>
        <message>
            <source>{0}: the bundle's content is not valid (nested too deeply)</source>
            <translation>{0}: el contenido del paquete no es válido (anidado a demasiada profundidad)</translation>
        </message>
        <message>
            <source>{0}: the bundle's content is not valid ({1})</source>
            <translation>{0}: el contenido del paquete no es válido ({1})</translation>
        </message>
        <message>
            <source>{0}: the bundle's header is damaged</source>
            <translation>{0}: el encabezado del paquete está dañado</translation>
        </message>
        <message>
            <source>{0}: the database cannot be migrated ({1})</source>
            <translation>{0}: no se puede migrar la base de datos ({1})</translation>
        </message>
        <message>
            <source>{0}: the database cannot be opened ({1})</source>
            <translation>{0}: no se puede abrir la base de datos ({1})</translation>
        </message>
        <message>
            <source>{0}: the database cannot be read ({1})</source>
            <translation>{0}: no se puede leer la base de datos ({1})</translation>
        </message>
        <message>
            <source>{0}: the encrypted copy did not check out; the file is unchanged</source>
            <translation>{0}: la copia cifrada no superó la verificación; el archivo no se modificó</translation>
        </message>
        <message>
            <source>{0}: the encryption settings cannot be read ({1})</source>
            <translation>{0}: no se puede leer la configuración de cifrado ({1})</translation>
        </message>
        <message>
            <source>{0}: the hub stores in SQLite or PostgreSQL</source>
            <translation>{0}: el servidor central almacena en SQLite o PostgreSQL</translation>
        </message>
        <message>
            <source>{0}: the hub's CA certificate file does not exist</source>
            <translation>{0}: el archivo del certificado de CA del servidor central no existe</translation>
        </message>
        <message>
            <source>{0}: the hub's address must start with https:// or http://</source>
            <translation>{0}: la dirección del servidor central debe comenzar con https:// o http://</translation>
        </message>
        <message>
            <source>{0}: the hub's key is damaged ({1} bytes, not {2}); restore it from a backup (without it the users' bundle keys cannot be opened)</source>
            <translation>{0}: la clave del servidor central está dañada ({1} bytes, no {2}); restáurela desde una copia de seguridad (sin ella no se pueden abrir las claves de paquetes de los usuarios)</translation>
        </message>
        <message>
            <source>{0}: the key in the keyring does not open this folder</source>
            <translation>{0}: la clave del llavero no abre esta carpeta</translation>
        </message>
        <message>
            <source>{0}: the key in the keyring is damaged</source>
            <translation>{0}: la clave del llavero está dañada</translation>
        </message>
        <message>
            <source>{0}: the recovery file cannot be read ({1})</source>
            <translation>{0}: no se puede leer el archivo de recuperación ({1})</translation>
        </message>
        <message>
            <source>{0}: the recovery file does not hold the folder's current key (it was re-keyed by a version without recovery codes); nothing was changed</source>
            <translation>{0}: el archivo de recuperación no contiene la clave actual de la carpeta (se cambió la clave con una versión sin códigos de recuperación); no se cambió nada</translation>
        </message>
        <message>
            <source>{0}: the required action has no due date to extend</source>
            <translation>{0}: la acción requerida no tiene fecha límite que prorrogar</translation>
        </message>
        <message>
            <source>{0}: the required action is closed; nothing follows its closure</source>
            <translation>{0}: la acción requerida está cerrada; no se puede registrar nada después de su cierre</translation>
        </message>
        <message>
            <source>{0}: the signature's font is missing; reinstall the app</source>
            <translation>{0}: falta la fuente tipográfica de la firma; reinstale la aplicación</translation>
        </message>
        <message>
            <source>{0}: there is no category {1}</source>
            <translation>{0}: no existe la categoría {1}</translation>
        </message>
        <message>
            <source>{0}: there is no database to back up</source>
            <translation>{0}: no hay ninguna base de datos de la que hacer una copia de seguridad</translation>
        </message>
        <message>
            <source>{0}: there is no member's response to accept or reject yet</source>
            <translation>{0}: aún no hay una respuesta del socio que aceptar o rechazar</translation>
        </message>
        <message>
            <source>{0}: this folder has no recovery file ({1}), so no code opens it; nothing was changed</source>
            <translation>{0}: esta carpeta no tiene archivo de recuperación ({1}), así que ningún código la abre; no se cambió nada</translation>
        </message>
        <message>
            <source>{0}: too large for a recovery code file (over 4 KiB)</source>
            <translation>{0}: demasiado grande para un archivo de código de recuperación (más de 4 KiB)</translation>
        </message>
        <message>
            <source>{0}: unknown bundle format (this version reads format {1})</source>
            <translation>{0}: formato de paquete desconocido (esta versión lee el formato {1})</translation>
        </message>
        <message>
            <source>{0}: unknown key {1}; known: {2}</source>
            <translation>{0}: clave desconocida {1}; conocidas: {2}</translation>
        </message>
        <message>
            <source>{0}: unknown settings; expected keys among {1}</source>
            <translation>{0}: configuración desconocida; se esperan claves entre {1}</translation>
        </message>
        <message>
            <source>{0}: validation uses catalog {1} {2} but the file carries {3} {4}</source>
            <translation>{0}: la validación usa el catálogo {1} {2}, pero el archivo trae {3} {4}</translation>
        </message>
        <message>
            <source>{0}: written by a newer ctpat-desktop (schema {1}); this version knows schemas up to {2}. Update the app; the database was not changed.</source>
            <translation>{0}: escrito por una versión más reciente de ctpat-desktop (esquema {1}); esta versión conoce esquemas hasta el {2}. Actualice la aplicación; la base de datos no se modificó.</translation>
        </message>
        <message>
            <source>{0}: written by a newer ctpat-hub (schema {1}); this version knows schemas up to {2}. Update the hub; the database was not changed.</source>
            <translation>{0}: escrito por una versión más reciente de ctpat-hub (esquema {1}); esta versión conoce esquemas hasta el {2}. Actualice el servidor central; la base de datos no se modificó.</translation>
        </message>
        <message>
            <source>{0}: written by {1}, who is not a user of this hub</source>
            <translation>{0}: escrito por {1}, que no es usuario de este servidor central</translation>
        </message>
        <message>
            <source>{0}: wrong passphrase, or not a PKCS#12 key file</source>
            <translation>{0}: frase de contraseña incorrecta, o no es un archivo de clave PKCS#12</translation>
        </message>
        <message>
            <source>{0}: wrong passphrase; nothing was opened or changed</source>
            <translation>{0}: frase de contraseña incorrecta; no se abrió ni se cambió nada</translation>
        </message>
        <message>
            <source>{0}: {1} bytes is too large for a validation worksheet</source>
            <translation>{0}: {1} bytes es demasiado para una hoja de trabajo de validación</translation>
        </message>
        <message>
            <source>{0}: {1} bytes of changes and evidence, more than a bundle carries ({2}); sync over the network instead</source>
            <translation>{0}: {1} bytes de cambios y evidencia, más de lo que lleva un paquete ({2}); sincronice por la red en su lugar</translation>
        </message>
        <message>
            <source>{0}: {1} must be a whole number from 0, not {2}</source>
            <translation>{0}: {1} debe ser un número entero a partir de 0, no {2}</translation>
        </message>
        <message>
            <source>{0}: {1} must be one line of text, at most 200 characters</source>
            <translation>{0}: {1} debe ser una línea de texto, de 200 caracteres como máximo</translation>
        </message>
        <message>
            <source>{0}: {1} must be true or false</source>
            <translation>{0}: {1} debe ser true o false</translation>
        </message>
        <message>
            <source>{0}: {1} must map names to non-empty texts</source>
            <translation>{0}: {1} debe asociar nombres con textos no vacíos</translation>
        </message>
        <message>
            <source>{0}: {1} parts is too many for a worksheet</source>
            <translation>{0}: {1} partes son demasiadas para una hoja de trabajo</translation>
        </message>
        <message>
            <source>{0}: {1} problems; nothing was applied</source>
            <translation>{0}: {1} problemas; no se aplicó nada</translation>
        </message>
        <message>
            <source>{0}: {1}: field code: lower-case letters, digits, dashes</source>
            <translation>{0}: {1}: campo code: letras minúsculas, dígitos y guiones</translation>
        </message>
        <message>
            <source>{0}: {1}: field {2}: must be non-empty text</source>
            <translation>{0}: {1}: campo {2}: debe ser texto no vacío</translation>
        </message>
        <message>
            <source>{0}: {1}: must be non-empty text</source>
            <translation>{0}: {1}: debe ser texto no vacío</translation>
        </message>
        <message>
            <source>{0}: {1}: names a part the criterion lacks</source>
            <translation>{0}: {1}: menciona una parte que el criterio no tiene</translation>
        </message>
        <message>
            <source>{0}: {1}: needs exactly code, label and description</source>
            <translation>{0}: {1}: necesita exactamente code, label y description</translation>
        </message>
        <message>
            <source>{0}: {1}: unknown reason {2}</source>
            <translation>{0}: {1}: motivo desconocido {2}</translation>
        </message>
    </context>
    <context>
        <name>CriteriaFilter</name>
        <message>
            <source>All criteria</source>
            <translation>Todos los criterios</translation>
        </message>
        <message>
            <source>Not yet reviewed</source>
            <translation>Aún sin revisar</translation>
        </message>
        <message>
            <source>Deficiencies (not met)</source>
            <translation>Deficiencias (no cumple)</translation>
        </message>
        <message>
            <source>Must only</source>
            <translation>Solo «Debe»</translation>
        </message>
    </context>
    <context>
        <name>CriteriaModel</name>
        <message>
            <source>{reviewed}/{total}, {not_met} not met</source>
            <translation>{reviewed}/{total}, no cumple: {not_met}</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterio</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Category {number}</source>
            <translation>Categoría {number}</translation>
        </message>
        <message>
            <source>{id}, {level}, {title}, {status}, an edit is not saved</source>
            <translation>{id}, {level}, {title}, {status}, hay una edición sin guardar</translation>
        </message>
        <message>
            <source>{id}, {level}, {title}, {status}</source>
            <translation>{id}, {level}, {title}, {status}</translation>
        </message>
        <message>
            <source>The last edit of this finding is not saved: see the finding editor</source>
            <translation>La última edición de este hallazgo no está guardada: consulte el editor del hallazgo</translation>
        </message>
    </context>
    <context>
        <name>CriterionPane</name>
        <message>
            <source>Criterion</source>
            <translation>Criterio</translation>
        </message>
        <message>
            <source>Criterion ID</source>
            <translation>ID del criterio</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <source>Unverified</source>
            <translation>Sin verificar</translation>
        </message>
        <message>
            <source>Unverified criterion</source>
            <translation>Criterio sin verificar</translation>
        </message>
        <message>
            <source>No CBP text could be found to check this criterion against; 'ctpat-desktop catalog show' says why</source>
            <translation>No se encontró ningún texto de la CBP con que verificar este criterio; 'ctpat-desktop catalog show' explica por qué</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <source>Criterion text</source>
            <translation>Texto del criterio</translation>
        </message>
        <message>
            <source>Implementation guidance</source>
            <translation>Guía de implementación</translation>
        </message>
        <message>
            <source>Member's profile answer</source>
            <translation>Respuesta del socio en su perfil</translation>
        </message>
        <message>
            <source>Must: a requirement</source>
            <translation>Debe: un requisito</translation>
        </message>
        <message>
            <source>Should: a recommendation</source>
            <translation>Debería: una recomendación</translation>
        </message>
    </context>
    <context>
        <name>DashboardWindow</name>
        <message>
            <source>Validations</source>
            <translation>Validaciones</translation>
        </message>
        <message>
            <source>Findings reviewed</source>
            <translation>Hallazgos revisados</translation>
        </message>
        <message>
            <source>Deficiencies</source>
            <translation>Deficiencias</translation>
        </message>
        <message>
            <source>Required actions</source>
            <translation>Acciones requeridas</translation>
        </message>
        <message>
            <source>Recommendations</source>
            <translation>Recomendaciones</translation>
        </message>
        <message>
            <source>Deficiencies per validation</source>
            <translation>Deficiencias por validación</translation>
        </message>
        <message>
            <source>Validations with none (%)</source>
            <translation>Validaciones sin ninguna (%)</translation>
        </message>
        <message>
            <source>virtual</source>
            <translation>virtuales</translation>
        </message>
        <message>
            <source>in-person</source>
            <translation>presenciales</translation>
        </message>
        <message>
            <source>hybrid</source>
            <translation>híbridas</translation>
        </message>
        <message>
            <source>MSC Performance Dashboard</source>
            <translation>Tablero de desempeño de los MSC</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <source>Entity type</source>
            <translation>Tipo de entidad</translation>
        </message>
        <message>
            <source>All entity types</source>
            <translation>Todos los tipos de entidad</translation>
        </message>
        <message>
            <source>Validation mode</source>
            <translation>Modalidad de la validación</translation>
        </message>
        <message>
            <source>All modes</source>
            <translation>Todas las modalidades</translation>
        </message>
        <message>
            <source>MSC catalog version</source>
            <translation>Versión del catálogo de los CMS</translation>
        </message>
        <message>
            <source>All versions</source>
            <translation>Todas las versiones</translation>
        </message>
        <message>
            <source>any office</source>
            <translation>cualquier oficina</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Oficina</translation>
        </message>
        <message>
            <source>any SCSS</source>
            <translation>cualquier SCSS</translation>
        </message>
        <message>
            <source>SCSS</source>
            <translation>SCSS</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>Exportar &amp;PDF…</translation>
        </message>
        <message>
            <source>Export E&amp;xcel…</source>
            <translation>Exportar E&amp;xcel…</translation>
        </message>
        <message>
            <source>Whose validations</source>
            <translation>De quién son las validaciones</translation>
        </message>
        <message>
            <source>This laptop</source>
            <translation>Esta computadora</translation>
        </message>
        <message>
            <source>My office (hub)</source>
            <translation>Mi oficina (servidor central)</translation>
        </message>
        <message>
            <source>National (hub)</source>
            <translation>Nacional (servidor central)</translation>
        </message>
        <message>
            <source>Validation status</source>
            <translation>Estado de la validación</translation>
        </message>
        <message>
            <source>Every status</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <source>Scope:</source>
            <translation>Alcance:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Desde:</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Hasta:</translation>
        </message>
        <message>
            <source>Entity:</source>
            <translation>Entidad:</translation>
        </message>
        <message>
            <source>Mode:</source>
            <translation>Modalidad:</translation>
        </message>
        <message>
            <source>MSC:</source>
            <translation>CMS:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Estado:</translation>
        </message>
        <message>
            <source>Office:</source>
            <translation>Oficina:</translation>
        </message>
        <message>
            <source>SCSS:</source>
            <translation>SCSS:</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterio</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Revisados</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Tasa</translation>
        </message>
        <message>
            <source>Percent</source>
            <translation>Porcentaje</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Per validation</source>
            <translation>Por validación</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Share of citations</source>
            <translation>Proporción de citas</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>Share of category</source>
            <translation>Proporción de la categoría</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modalidad</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <source>Outcome proposed</source>
            <translation>Resultado propuesto</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Decididos</translation>
        </message>
        <message>
            <source>Agreed</source>
            <translation>Aceptados</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Cambiados</translation>
        </message>
        <message>
            <source>Proposed, not decided</source>
            <translation>Propuestos, sin decidir</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Propuestos</translation>
        </message>
        <message>
            <source>Anomaly flags</source>
            <translation>Alertas de anomalías</translation>
        </message>
        <message>
            <source>Deficiencies by category chart</source>
            <translation>Gráfico de deficiencias por categoría</translation>
        </message>
        <message>
            <source>Top criteria by deficiencies chart</source>
            <translation>Gráfico de criterios principales por deficiencias</translation>
        </message>
        <message>
            <source>Top criteria by rate chart</source>
            <translation>Gráfico de criterios principales por tasa</translation>
        </message>
        <message>
            <source>Deficiency reasons chart</source>
            <translation>Gráfico de motivos de las deficiencias</translation>
        </message>
        <message>
            <source>Deficiencies per validation by mode chart</source>
            <translation>Gráfico de deficiencias por validación según la modalidad</translation>
        </message>
        <message>
            <source>Deficiencies per validation by quarter chart</source>
            <translation>Gráfico de deficiencias por validación según el trimestre</translation>
        </message>
        <message>
            <source>Results proposed chart</source>
            <translation>Gráfico de resultados propuestos</translation>
        </message>
        <message>
            <source>Anomaly flags by validation chart</source>
            <translation>Gráfico de alertas de anomalías por validación</translation>
        </message>
        <message>
            <source>Deficiencies by category</source>
            <translation>Deficiencias por categoría</translation>
        </message>
        <message>
            <source>Top criteria</source>
            <translation>Criterios principales</translation>
        </message>
        <message>
            <source>Most deficiencies</source>
            <translation>Más deficiencias</translation>
        </message>
        <message>
            <source>Top criteria by deficiencies</source>
            <translation>Criterios principales por deficiencias</translation>
        </message>
        <message>
            <source>Highest deficiency rate (reviewed at least 5 times)</source>
            <translation>Mayor tasa de deficiencias (revisados al menos 5 veces)</translation>
        </message>
        <message>
            <source>Top criteria by rate</source>
            <translation>Criterios principales por tasa</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>The deficiencies citing each reason, and its share of all reasons cited (a deficiency may cite more than one).</source>
            <translation>Las deficiencias que citan cada motivo y su proporción entre todos los motivos citados (una deficiencia puede citar más de uno).</translation>
        </message>
        <message>
            <source>Deficiency reasons</source>
            <translation>Motivos de las deficiencias</translation>
        </message>
        <message>
            <source>Reasons by category</source>
            <translation>Motivos por categoría</translation>
        </message>
        <message>
            <source>Virtual vs in-person</source>
            <translation>Virtual frente a presencial</translation>
        </message>
        <message>
            <source>Deficiencies per validation, by mode</source>
            <translation>Deficiencias por validación, por modalidad</translation>
        </message>
        <message>
            <source>Deficiencies by mode</source>
            <translation>Deficiencias por modalidad</translation>
        </message>
        <message>
            <source>Deficiencies per validation, by category</source>
            <translation>Deficiencias por validación, por categoría</translation>
        </message>
        <message>
            <source>Deficiencies per validation by mode</source>
            <translation>Deficiencias por validación según la modalidad</translation>
        </message>
        <message>
            <source>Dashboard pages</source>
            <translation>Páginas del tablero</translation>
        </message>
        <message>
            <source>Dashboard page tabs</source>
            <translation>Pestañas de las páginas del tablero</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>Por categoría</translation>
        </message>
        <message>
            <source>By &amp;category</source>
            <translation>Por &amp;categoría</translation>
        </message>
        <message>
            <source>Top c&amp;riteria</source>
            <translation>C&amp;riterios principales</translation>
        </message>
        <message>
            <source>R&amp;easons</source>
            <translation>M&amp;otivos</translation>
        </message>
        <message>
            <source>&amp;Virtual vs in-person</source>
            <translation>&amp;Virtual frente a presencial</translation>
        </message>
        <message>
            <source>Trend by quarter</source>
            <translation>Tendencia por trimestre</translation>
        </message>
        <message>
            <source>&amp;Trend</source>
            <translation>&amp;Tendencia</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Tendencia</translation>
        </message>
        <message>
            <source>Deficiencies per validation, by quarter</source>
            <translation>Deficiencias por validación, por trimestre</translation>
        </message>
        <message>
            <source>&amp;Anomaly flags</source>
            <translation>&amp;Alertas de anomalías</translation>
        </message>
        <message>
            <source>Flags per validation</source>
            <translation>Alertas por validación</translation>
        </message>
        <message>
            <source>Mode metrics</source>
            <translation>Métricas por modalidad</translation>
        </message>
        <message>
            <source>&amp;Mode metrics</source>
            <translation>Métricas por mo&amp;dalidad</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>Resultados</translation>
        </message>
        <message>
            <source>&amp;Outcomes</source>
            <translation>Resul&amp;tados</translation>
        </message>
        <message>
            <source>The result each SCSS proposed and the supervisor's decision on it: agreed (the proposed result stands) or changed to another result.</source>
            <translation>El resultado que propuso cada SCSS y la decisión del supervisor al respecto: aceptado (se mantiene el resultado propuesto) o cambiado por otro resultado.</translation>
        </message>
        <message>
            <source>Outcomes by mode</source>
            <translation>Resultados por modalidad</translation>
        </message>
        <message>
            <source>Results proposed</source>
            <translation>Resultados propuestos</translation>
        </message>
        <message>
            <source>Results proposed and decided</source>
            <translation>Resultados propuestos y decididos</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>Calculando…</translation>
        </message>
        <message>
            <source>Cannot compute the dashboard</source>
            <translation>No se puede calcular el tablero</translation>
        </message>
        <message>
            <source>No figures from the hub: {reason}</source>
            <translation>Sin cifras del servidor central: {reason}</translation>
        </message>
        <message>
            <source>Not enough data to compare {mode} and {baseline} validations: each needs at least two validations with some variation (now {count} and {baseline_count}).</source>
            <translation>No hay datos suficientes para comparar las validaciones {mode} y {baseline}: cada grupo necesita al menos dos validaciones con alguna variación (ahora {count} y {baseline_count}).</translation>
        </message>
        <message>
            <source>{Mode} validations found {difference} more deficiencies per validation than {baseline} ones (95% confidence interval {low} to {high}; p = {p}).</source>
            <translation>Las validaciones {mode} encontraron {difference} deficiencias más por validación que las {baseline} (intervalo de confianza del 95 %: {low} a {high}; p = {p}).</translation>
        </message>
        <message>
            <source>{Mode} validations found {difference} fewer deficiencies per validation than {baseline} ones (95% confidence interval {low} to {high}; p = {p}).</source>
            <translation>Las validaciones {mode} encontraron {difference} deficiencias menos por validación que las {baseline} (intervalo de confianza del 95 %: {low} a {high}; p = {p}).</translation>
        </message>
        <message>
            <source>A difference this large is unlikely to be chance: compare how the two kinds of validation are conducted before relying on either alone.</source>
            <translation>Es poco probable que una diferencia así se deba al azar: compare cómo se realizan ambos tipos de validación antes de confiar solo en uno de ellos.</translation>
        </message>
        <message>
            <source>The data do not show a real difference between {mode} and {baseline} validations.</source>
            <translation>Los datos no muestran una diferencia real entre las validaciones {mode} y {baseline}.</translation>
        </message>
        <message>
            <source>No validation was flagged.</source>
            <translation>No se marcó ninguna validación.</translation>
        </message>
        <message>
            <source>{count} of {reviewed}</source>
            <translation>{count} de {reviewed}</translation>
        </message>
        <message>
            <source>{count} validations on the hub ({offices}), computed {when}</source>
            <translation>{count} validaciones en el servidor central ({offices}), calculadas el {when}</translation>
        </message>
        <message>
            <source>{count} validations, computed {when}</source>
            <translation>{count} validaciones, calculado el {when}</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Libro de Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Export dashboard</source>
            <translation>Exportar el tablero</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Escribiendo {file}…</translation>
        </message>
        <message>
            <source>Dashboard written to {path}</source>
            <translation>Tablero escrito en {path}</translation>
        </message>
    </context>
    <context>
        <name>DateFilter</name>
        <message>
            <source>any</source>
            <translation>cualquiera</translation>
        </message>
    </context>
    <context>
        <name>EvidenceListModel</name>
        <message>
            <source>Criterion {criterion}</source>
            <translation>Criterio {criterion}</translation>
        </message>
        <message>
            <source>Whole validation</source>
            <translation>Toda la validación</translation>
        </message>
        <message>
            <source>Captured {when} by {who}</source>
            <translation>Capturada el {when} por {who}</translation>
        </message>
        <message>
            <source>{file}, {place}, captured {when}</source>
            <translation>{file}, {place}, capturada el {when}</translation>
        </message>
    </context>
    <context>
        <name>EvidencePanel</name>
        <message>
            <source>Copy the shared screen first: on Windows, Win+Shift+S copies a region, Alt+PrtSc the active window and PrtSc the whole screen.</source>
            <translation>Primero copie la pantalla compartida: en Windows, Win+Shift+S copia una región, Alt+ImprPant la ventana activa e ImprPant toda la pantalla.</translation>
        </message>
        <message>
            <source>the picture could not be saved as PNG ({error})</source>
            <translation>la imagen no se pudo guardar como PNG ({error})</translation>
        </message>
        <message>
            <source>{path}: file not found</source>
            <translation>{path}: archivo no encontrado</translation>
        </message>
        <message>
            <source>{path}: is a folder, not a file</source>
            <translation>{path}: es una carpeta, no un archivo</translation>
        </message>
        <message>
            <source>{path}: permission denied</source>
            <translation>{path}: permiso denegado</translation>
        </message>
        <message>
            <source>Only this criterion</source>
            <translation>Solo este criterio</translation>
        </message>
        <message>
            <source>Show only the evidence of the criterion you are on</source>
            <translation>Mostrar solo la evidencia del criterio en el que está</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidencia</translation>
        </message>
        <message>
            <source>Details of the selected evidence</source>
            <translation>Detalles de la evidencia seleccionada</translation>
        </message>
        <message>
            <source>SHA-256 of the selected evidence</source>
            <translation>SHA-256 de la evidencia seleccionada</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>Adjuntar archivo…</translation>
        </message>
        <message>
            <source>Screenshots and files attached; Ctrl+Shift+V pastes a screenshot, Ctrl+Shift+E attaches a file</source>
            <translation>Capturas y archivos adjuntos; Ctrl+Shift+V pega una captura de pantalla, Ctrl+Shift+E adjunta un archivo</translation>
        </message>
        <message>
            <source>No evidence yet. Paste a screenshot (Ctrl+Shift+V), drop files here or use Attach file (Ctrl+Shift+E). {hint}</source>
            <translation>Aún no hay evidencia. Pegue una captura de pantalla (Ctrl+Shift+V), suelte archivos aquí o use Adjuntar archivo (Ctrl+Shift+E). {hint}</translation>
        </message>
        <message>
            <source>Caption:</source>
            <translation>Leyenda:</translation>
        </message>
        <message>
            <source>Caption: what it shows, e.g. Seal log, dock 3</source>
            <translation>Leyenda: lo que muestra, p. ej. Registro de sellos, muelle 3</translation>
        </message>
        <message>
            <source>Caption of the selected evidence</source>
            <translation>Leyenda de la evidencia seleccionada</translation>
        </message>
        <message>
            <source>Printed under the picture in the report; Enter saves it</source>
            <translation>Se imprime bajo la imagen en el informe; Intro la guarda</translation>
        </message>
        <message>
            <source>Choose files to attach (Ctrl+Shift+E)</source>
            <translation>Elegir archivos para adjuntar (Ctrl+Shift+E)</translation>
        </message>
        <message>
            <source>Paste screenshot</source>
            <translation>Pegar captura de pantalla</translation>
        </message>
        <message>
            <source>Attach the picture or files on the clipboard (Ctrl+Shift+V). {hint}</source>
            <translation>Adjuntar la imagen o los archivos del portapapeles (Ctrl+Shift+V). {hint}</translation>
        </message>
        <message>
            <source>Capture screen</source>
            <translation>Capturar pantalla</translation>
        </message>
        <message>
            <source>Grab the screen showing the WebEx share (some systems, e.g. Wayland, refuse; paste a screenshot instead)</source>
            <translation>Capturar la pantalla que muestra lo compartido en WebEx (algunos sistemas, p. ej. Wayland, lo rechazan; en ese caso pegue una captura de pantalla)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Open a copy of the selected evidence in its viewer</source>
            <translation>Abrir una copia de la evidencia seleccionada en su visor</translation>
        </message>
        <message>
            <source>Copy SHA-256</source>
            <translation>Copiar SHA-256</translation>
        </message>
        <message>
            <source>Copy the selected evidence's SHA-256</source>
            <translation>Copiar el SHA-256 de la evidencia seleccionada</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <source>Detach the selected evidence</source>
            <translation>Desvincular la evidencia seleccionada</translation>
        </message>
        <message>
            <source>Only this category</source>
            <translation>Solo esta categoría</translation>
        </message>
        <message>
            <source>The validation is signed and locked: reopen it to change its evidence.</source>
            <translation>La validación está firmada y bloqueada: reábrala para cambiar su evidencia.</translation>
        </message>
        <message>
            <source>Select a criterion first: evidence attaches to the criterion shown.</source>
            <translation>Primero seleccione un criterio: la evidencia se adjunta al criterio que se muestra.</translation>
        </message>
        <message>
            <source>Signed and locked: its evidence can be opened, not changed. Reopen the validation to change it.</source>
            <translation>Firmada y bloqueada: su evidencia se puede abrir, no cambiar. Reabra la validación para cambiarla.</translation>
        </message>
        <message>
            <source>Category {number}: select one of its criteria to attach evidence to it.</source>
            <translation>Categoría {number}: seleccione uno de sus criterios para adjuntarle evidencia.</translation>
        </message>
        <message>
            <source>Select a criterion to attach evidence to it.</source>
            <translation>Seleccione un criterio para adjuntarle evidencia.</translation>
        </message>
        <message>
            <source>New evidence attaches to the &lt;b&gt;whole validation&lt;/b&gt;.</source>
            <translation>La nueva evidencia se adjunta a &lt;b&gt;toda la validación&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>New evidence attaches to &lt;b&gt;{criterion}&lt;/b&gt; {title}.</source>
            <translation>La nueva evidencia se adjunta a &lt;b&gt;{criterion}&lt;/b&gt; {title}.</translation>
        </message>
        <message>
            <source>Cannot read the evidence</source>
            <translation>No se puede leer la evidencia</translation>
        </message>
        <message>
            <source>Select evidence to see its details.</source>
            <translation>Seleccione una evidencia para ver sus detalles.</translation>
        </message>
        <message>
            <source>On {criterion} {title}</source>
            <translation>En {criterion} {title}</translation>
        </message>
        <message>
            <source>On the whole validation</source>
            <translation>En toda la validación</translation>
        </message>
        <message>
            <source>Captured {when} by {who}</source>
            <translation>Capturada el {when} por {who}</translation>
        </message>
        <message>
            <source>Caption of {file} saved.</source>
            <translation>Leyenda de {file} guardada.</translation>
        </message>
        <message>
            <source>Caption of {file} removed.</source>
            <translation>Leyenda de {file} quitada.</translation>
        </message>
        <message>
            <source>The caption was not saved.</source>
            <translation>La leyenda no se guardó.</translation>
        </message>
        <message>
            <source>Cannot save the caption</source>
            <translation>No se puede guardar la leyenda</translation>
        </message>
        <message numerus="yes">
            <source>Attaching %n file(s)…</source>
            <translation>
                <numerusform>Adjuntando %n archivo…</numerusform>
                <numerusform>Adjuntando %n archivos…</numerusform>
            </translation>
        </message>
        <message>
            <source>Attaching {file}…</source>
            <translation>Adjuntando {file}…</translation>
        </message>
        <message>
            <source>Attached {files} to criterion {criterion}.</source>
            <translation>Se adjuntó {files} al criterio {criterion}.</translation>
        </message>
        <message>
            <source>Attached {files} to the whole validation.</source>
            <translation>Se adjuntó {files} a toda la validación.</translation>
        </message>
        <message>
            <source>This picture is already attached to criterion {criterion} as {existing}; nothing was added.</source>
            <translation>Esta imagen ya está adjunta al criterio {criterion} como {existing}; no se agregó nada.</translation>
        </message>
        <message>
            <source>This picture is already attached to the whole validation as {existing}; nothing was added.</source>
            <translation>Esta imagen ya está adjunta a toda la validación como {existing}; no se agregó nada.</translation>
        </message>
        <message>
            <source>{file} is already attached to criterion {criterion} as {existing}; nothing was added.</source>
            <translation>{file} ya está adjunto al criterio {criterion} como {existing}; no se agregó nada.</translation>
        </message>
        <message>
            <source>{file} is already attached to the whole validation as {existing}; nothing was added.</source>
            <translation>{file} ya está adjunto a toda la validación como {existing}; no se agregó nada.</translation>
        </message>
        <message>
            <source>Nothing was attached.</source>
            <translation>No se adjuntó nada.</translation>
        </message>
        <message>
            <source>Cannot attach evidence</source>
            <translation>No se puede adjuntar la evidencia</translation>
        </message>
        <message>
            <source>{error}

Nothing was attached.</source>
            <translation>{error}

No se adjuntó nada.</translation>
        </message>
        <message>
            <source>Attach evidence</source>
            <translation>Adjuntar evidencia</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Nothing to paste</source>
            <translation>Nada que pegar</translation>
        </message>
        <message>
            <source>The clipboard holds no picture and no files.

{hint}</source>
            <translation>El portapapeles no contiene ninguna imagen ni archivos.

{hint}</translation>
        </message>
        <message>
            <source>The screen could not be captured</source>
            <translation>No se pudo capturar la pantalla</translation>
        </message>
        <message>
            <source>This system did not let the app read the screen (Wayland and some remote desktops refuse).

{hint} Then use Paste screenshot (Ctrl+Shift+V).</source>
            <translation>Este sistema no permitió que la aplicación leyera la pantalla (Wayland y algunos escritorios remotos lo rechazan).

{hint} Luego use Pegar captura de pantalla (Ctrl+Shift+V).</translation>
        </message>
        <message>
            <source>Cannot open the evidence</source>
            <translation>No se puede abrir la evidencia</translation>
        </message>
        <message>
            <source>No program opened {file}.</source>
            <translation>Ningún programa abrió {file}.</translation>
        </message>
        <message>
            <source>SHA-256 of {file} copied.</source>
            <translation>Se copió el SHA-256 de {file}.</translation>
        </message>
        <message>
            <source>Remove {file} from criterion {criterion}?

The audit trail keeps a record of it.</source>
            <translation>¿Quitar {file} del criterio {criterion}?

El registro de auditoría conserva constancia de ello.</translation>
        </message>
        <message>
            <source>Remove {file} from the whole validation?

The audit trail keeps a record of it.</source>
            <translation>¿Quitar {file} de toda la validación?

El registro de auditoría conserva constancia de ello.</translation>
        </message>
        <message>
            <source>Remove evidence</source>
            <translation>Quitar evidencia</translation>
        </message>
        <message>
            <source>Removed {file}.</source>
            <translation>Se quitó {file}.</translation>
        </message>
        <message>
            <source>Remove {file}</source>
            <translation>Quitar {file}</translation>
        </message>
        <message>
            <source>{file} attached again.</source>
            <translation>{file} adjunto de nuevo.</translation>
        </message>
        <message>
            <source>{file} not attached again: {error}</source>
            <translation>{file} no se adjuntó de nuevo: {error}</translation>
        </message>
        <message>
            <source>Cannot remove the evidence</source>
            <translation>No se puede quitar la evidencia</translation>
        </message>
    </context>
    <context>
        <name>ExtendDueDialog</name>
        <message>
            <source>Extend the due date of {criterion}</source>
            <translation>Prorrogar la fecha límite de {criterion}</translation>
        </message>
        <message>
            <source>{days} days</source>
            <translation>{days} días</translation>
        </message>
        <message>
            <source>New due date {date}</source>
            <translation>Nueva fecha límite {date}</translation>
        </message>
        <message>
            <source>Reason for the extension</source>
            <translation>Motivo de la prórroga</translation>
        </message>
        <message>
            <source>Required: why the member needs more time</source>
            <translation>Obligatorio: por qué el socio necesita más tiempo</translation>
        </message>
        <message>
            <source>Due {date}</source>
            <translation>Fecha límite {date}</translation>
        </message>
        <message>
            <source>Extend by:</source>
            <translation>Prorrogar:</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Motivo:</translation>
        </message>
        <message>
            <source>New due date: {date}</source>
            <translation>Nueva fecha límite: {date}</translation>
        </message>
    </context>
    <context>
        <name>FeedbackDialog</name>
        <message>
            <source>Feedback on {validation}</source>
            <translation>Opinión sobre {validation}</translation>
        </message>
        <message>
            <source>&amp;My feedback (SCSS)</source>
            <translation>&amp;Mi opinión (SCSS)</translation>
        </message>
        <message>
            <source>The m&amp;ember's feedback</source>
            <translation>La opinión del s&amp;ocio</translation>
        </message>
        <message>
            <source>Technology quality</source>
            <translation>Calidad de la tecnología</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>Sin calificar</translation>
        </message>
        <message>
            <source>1 – unusable</source>
            <translation>1 – inutilizable</translation>
        </message>
        <message>
            <source>2 – poor</source>
            <translation>2 – deficiente</translation>
        </message>
        <message>
            <source>3 – adequate</source>
            <translation>3 – adecuada</translation>
        </message>
        <message>
            <source>4 – good</source>
            <translation>4 – buena</translation>
        </message>
        <message>
            <source>5 – as good as being there</source>
            <translation>5 – tan buena como estar allí</translation>
        </message>
        <message>
            <source>e.g. 9.4, 10.2</source>
            <translation>p. ej., 9.4, 10.2</translation>
        </message>
        <message>
            <source>Criteria not verifiable remotely</source>
            <translation>Criterios no verificables a distancia</translation>
        </message>
        <message>
            <source>What else could not be verified</source>
            <translation>Qué más no pudo verificarse</translation>
        </message>
        <message>
            <source>not counted</source>
            <translation>sin contar</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Time lost to technical problems</source>
            <translation>Tiempo perdido por problemas técnicos</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Comentarios</translation>
        </message>
        <message>
            <source>Whose:</source>
            <translation>De quién:</translation>
        </message>
        <message>
            <source>&amp;Technology quality:</source>
            <translation>Calidad de la &amp;tecnología:</translation>
        </message>
        <message>
            <source>&amp;Criteria not verifiable remotely:</source>
            <translation>&amp;Criterios no verificables a distancia:</translation>
        </message>
        <message>
            <source>What &amp;else could not be verified:</source>
            <translation>Qué &amp;más no pudo verificarse:</translation>
        </message>
        <message>
            <source>Time &amp;lost to technical problems:</source>
            <translation>Tiempo &amp;perdido por problemas técnicos:</translation>
        </message>
        <message>
            <source>C&amp;omments:</source>
            <translation>Co&amp;mentarios:</translation>
        </message>
    </context>
    <context>
        <name>FeedbackSummary</name>
        <message>
            <source>Feedback after validations</source>
            <translation>Opiniones después de las validaciones</translation>
        </message>
        <message>
            <source>Feedback: not available from this source.</source>
            <translation>Opiniones: no disponibles en esta fuente.</translation>
        </message>
        <message>
            <source>Feedback: none recorded for these validations yet.</source>
            <translation>Opiniones: aún no hay ninguna registrada para estas validaciones.</translation>
        </message>
        <message>
            <source>Feedback: {answers} answers on {validations} validations ({scss} from SCSSs, {member} from members).</source>
            <translation>Opiniones: {answers} respuestas sobre {validations} validaciones ({scss} de SCSS, {member} de socios).</translation>
        </message>
        <message>
            <source>SCSSs</source>
            <translation>SCSS</translation>
        </message>
        <message>
            <source>members</source>
            <translation>socios</translation>
        </message>
        <message>
            <source>{mode}, {whose}: technology quality {quality} of 5 ({rated} rated); {minutes} minutes lost</source>
            <translation>{mode}, {whose}: calidad de la tecnología {quality} de 5 ({rated} calificadas); {minutes} minutos perdidos</translation>
        </message>
        <message>
            <source>{criterion} ({count})</source>
            <translation>{criterion} ({count})</translation>
        </message>
        <message>
            <source>Most often not verifiable remotely: {criteria}</source>
            <translation>Lo que más a menudo no se pudo verificar a distancia: {criteria}</translation>
        </message>
    </context>
    <context>
        <name>FindingEditCommand</name>
        <message>
            <source>status</source>
            <translation>estado</translation>
        </message>
        <message>
            <source>reasons</source>
            <translation>motivos</translation>
        </message>
        <message>
            <source>parts not met</source>
            <translation>partes no cumplidas</translation>
        </message>
        <message>
            <source>how verified</source>
            <translation>cómo se verificó</translation>
        </message>
        <message>
            <source>internal note</source>
            <translation>nota interna</translation>
        </message>
        <message>
            <source>text for the report</source>
            <translation>texto para el informe</translation>
        </message>
        <message>
            <source>action</source>
            <translation>acción</translation>
        </message>
        <message>
            <source>due date</source>
            <translation>fecha límite</translation>
        </message>
        <message>
            <source>response</source>
            <translation>respuesta</translation>
        </message>
        <message>
            <source>extension</source>
            <translation>prórroga</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>decisión</translation>
        </message>
        <message>
            <source>{criterion}: {status}</source>
            <translation>{criterion}: {status}</translation>
        </message>
        <message>
            <source>{criterion}: {fields}</source>
            <translation>{criterion}: {fields}</translation>
        </message>
    </context>
    <context>
        <name>FindingEditor</name>
        <message>
            <source>Finding</source>
            <translation>Hallazgo</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>{status} (best practice)</source>
            <translation>{status} (mejor práctica)</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Estado: {status}</translation>
        </message>
        <message>
            <source>{status}: {keys}, or {letter} in the checklist</source>
            <translation>{status}: {keys}, o {letter} en la lista de verificación</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Motivos</translation>
        </message>
        <message>
            <source>Why the criterion is not met; Space ticks the current reason</source>
            <translation>Por qué no se cumple el criterio; Espacio marca el motivo actual</translation>
        </message>
        <message>
            <source>Parts not met</source>
            <translation>Partes no cumplidas</translation>
        </message>
        <message>
            <source>Which parts of the criterion are not met; none ticked means the whole criterion; Space ticks the current part</source>
            <translation>Qué partes del criterio no se cumplen; sin ninguna marcada, el criterio entero; Espacio marca la parte actual</translation>
        </message>
        <message>
            <source>How verified</source>
            <translation>Cómo se verificó</translation>
        </message>
        <message>
            <source>— not stated —</source>
            <translation>— sin indicar —</translation>
        </message>
        <message>
            <source>Checked at</source>
            <translation>Verificado en</translation>
        </message>
        <message>
            <source>The site of the validation where this criterion was checked</source>
            <translation>El sitio de la validación donde se verificó este criterio</translation>
        </message>
        <message>
            <source>Internal note</source>
            <translation>Nota interna</translation>
        </message>
        <message>
            <source>What was shown and said (internal)</source>
            <translation>Lo que se mostró y se dijo (interno)</translation>
        </message>
        <message>
            <source>Text for the report</source>
            <translation>Texto para el informe</translation>
        </message>
        <message>
            <source>The finding as the report states it</source>
            <translation>El hallazgo tal como lo indica el informe</translation>
        </message>
        <message>
            <source>Required action</source>
            <translation>Acción requerida</translation>
        </message>
        <message>
            <source>What the member must do</source>
            <translation>Lo que el socio debe hacer</translation>
        </message>
        <message>
            <source>no due date (YYYY-MM-DD)</source>
            <translation>sin fecha límite (AAAA-MM-DD)</translation>
        </message>
        <message>
            <source>Response due</source>
            <translation>Fecha límite de respuesta</translation>
        </message>
        <message>
            <source>Pick the due date</source>
            <translation>Elegir la fecha límite</translation>
        </message>
        <message>
            <source>Type the date as 2027-02-15 or in your language's short form</source>
            <translation>Escriba la fecha como 2027-02-15 o en la forma corta de su idioma (15/02/2027)</translation>
        </message>
        <message>
            <source>Chec&amp;ked at</source>
            <translation>Verificado e&amp;n</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguno)</translation>
        </message>
        <message>
            <source>'{text}' is not a date; type it as YYYY-MM-DD</source>
            <translation>'{text}' no es una fecha; escríbala como AAAA-MM-DD</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>Clear the due date</source>
            <translation>Borrar la fecha límite</translation>
        </message>
        <message>
            <source>Required &amp;action</source>
            <translation>A&amp;cción requerida</translation>
        </message>
        <message>
            <source>Par&amp;ts not met</source>
            <translation>Par&amp;tes no cumplidas</translation>
        </message>
        <message>
            <source>&amp;Reasons</source>
            <translation>&amp;Motivos</translation>
        </message>
        <message>
            <source>How &amp;verified</source>
            <translation>Cómo se &amp;verificó</translation>
        </message>
        <message>
            <source>Internal &amp;note</source>
            <translation>&amp;Nota interna</translation>
        </message>
        <message>
            <source>Text for the re&amp;port</source>
            <translation>&amp;Texto para el informe</translation>
        </message>
        <message>
            <source>Response &amp;due</source>
            <translation>&amp;Fecha límite de respuesta</translation>
        </message>
        <message>
            <source>Recommend&amp;ation</source>
            <translation>Re&amp;comendación</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recomendación</translation>
        </message>
        <message>
            <source>⚠ Not saved: {problem}</source>
            <translation>⚠ No guardado: {problem}</translation>
        </message>
    </context>
    <context>
        <name>FollowUpPanel</name>
        <message>
            <source>Not stated</source>
            <translation>No indicado</translation>
        </message>
        <message>
            <source>Yes, implemented</source>
            <translation>Sí, implementado</translation>
        </message>
        <message>
            <source>No, not implemented</source>
            <translation>No, no implementado</translation>
        </message>
        <message>
            <source>Undecided</source>
            <translation>Sin decidir</translation>
        </message>
        <message>
            <source>Accepted (closes it)</source>
            <translation>Aceptada (la cierra)</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rechazada</translation>
        </message>
        <message>
            <source>{status} (best practice)</source>
            <translation>{status} (mejor práctica)</translation>
        </message>
        <message>
            <source>No required actions</source>
            <translation>No hay acciones requeridas</translation>
        </message>
        <message>
            <source>All required actions are closed</source>
            <translation>Todas las acciones requeridas están cerradas</translation>
        </message>
        <message>
            <source>1 required action still open</source>
            <translation>1 acción requerida sigue abierta</translation>
        </message>
        <message>
            <source>{count} required actions still open</source>
            <translation>{count} acciones requeridas siguen abiertas</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <source>{due}
+{days} days</source>
            <translation>{due}
+{days} días</translation>
        </message>
        <message>
            <source>closed: response accepted</source>
            <translation>cerrada: respuesta aceptada</translation>
        </message>
        <message>
            <source>response accepted: to close</source>
            <translation>respuesta aceptada: por cerrar</translation>
        </message>
        <message>
            <source>response rejected: awaiting a new response</source>
            <translation>respuesta rechazada: a la espera de una nueva respuesta</translation>
        </message>
        <message>
            <source>response received: to review</source>
            <translation>respuesta recibida: por revisar</translation>
        </message>
        <message>
            <source>awaiting the member's response</source>
            <translation>a la espera de la respuesta del socio</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>{count} to review</source>
            <translation>{count} por revisar</translation>
        </message>
        <message>
            <source>{count} without action text</source>
            <translation>{count} sin texto de acción</translation>
        </message>
        <message>
            <source>Findings by status</source>
            <translation>Hallazgos por estado</translation>
        </message>
        <message>
            <source>Required actions still open</source>
            <translation>Acciones requeridas aún abiertas</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterio</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Fecha límite</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Practice</source>
            <translation>Práctica</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Revisados</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Completa</translation>
        </message>
        <message>
            <source>Required actions</source>
            <translation>Acciones requeridas</translation>
        </message>
        <message>
            <source>Recommendations</source>
            <translation>Recomendaciones</translation>
        </message>
        <message>
            <source>Best practices</source>
            <translation>Mejores prácticas</translation>
        </message>
        <message>
            <source>Progress by category</source>
            <translation>Avance por categoría</translation>
        </message>
        <message>
            <source>Selected required action</source>
            <translation>Acción requerida seleccionada</translation>
        </message>
        <message>
            <source>Extensions granted</source>
            <translation>Prórrogas concedidas</translation>
        </message>
        <message>
            <source>Extend due date…</source>
            <translation>Prorrogar fecha límite…</translation>
        </message>
        <message>
            <source>Implemented</source>
            <translation>Implementado</translation>
        </message>
        <message>
            <source>Member's response</source>
            <translation>Respuesta del socio</translation>
        </message>
        <message>
            <source>What the member wrote back</source>
            <translation>Lo que respondió el socio por escrito</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decisión</translation>
        </message>
        <message>
            <source>Save response</source>
            <translation>Guardar respuesta</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>Implemented:</source>
            <translation>Implementado:</translation>
        </message>
        <message>
            <source>Response:</source>
            <translation>Respuesta:</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>Decisión:</translation>
        </message>
        <message>
            <source>⚠ Cannot read the follow-up: {error}</source>
            <translation>⚠ No se puede leer el seguimiento: {error}</translation>
        </message>
        <message>
            <source>Required actions ({count})</source>
            <translation>Acciones requeridas ({count})</translation>
        </message>
        <message>
            <source>Recommendations ({count})</source>
            <translation>Recomendaciones ({count})</translation>
        </message>
        <message>
            <source>Best practices ({count})</source>
            <translation>Mejores prácticas ({count})</translation>
        </message>
        <message>
            <source>Select a required action to extend it or record a response.</source>
            <translation>Seleccione una acción requerida para prorrogarla o registrar una respuesta.</translation>
        </message>
        <message>
            <source>No due date</source>
            <translation>Sin fecha límite</translation>
        </message>
        <message>
            <source>Due {date} (extended {days} days)</source>
            <translation>Fecha límite {date} (prorrogada {days} días)</translation>
        </message>
        <message>
            <source>Due {date}</source>
            <translation>Fecha límite {date}</translation>
        </message>
        <message>
            <source>+{days} days: {reason}</source>
            <translation>+{days} días: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <source>(empty)</source>
            <translation>(vacío)</translation>
        </message>
        <message>
            <source>Import worksheet</source>
            <translation>Importar hoja de trabajo</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Deficiency reasons</source>
            <translation>Motivos de la deficiencia</translation>
        </message>
        <message>
            <source>Parts not met</source>
            <translation>Partes no cumplidas</translation>
        </message>
        <message>
            <source>Verified by</source>
            <translation>Verificado mediante</translation>
        </message>
        <message>
            <source>Internal note</source>
            <translation>Nota interna</translation>
        </message>
        <message>
            <source>Text for the report</source>
            <translation>Texto para el informe</translation>
        </message>
        <message>
            <source>Required action</source>
            <translation>Acción requerida</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Fecha límite</translation>
        </message>
        <message>
            <source>Profile answer</source>
            <translation>Respuesta del perfil</translation>
        </message>
        <message>
            <source>Member says implemented</source>
            <translation>El socio dice que lo implementó</translation>
        </message>
        <message>
            <source>Member's response</source>
            <translation>Respuesta del socio</translation>
        </message>
        <message>
            <source>Extension (days)</source>
            <translation>Prórroga (días)</translation>
        </message>
        <message>
            <source>Extension reason</source>
            <translation>Motivo de la prórroga</translation>
        </message>
        <message>
            <source>Response accepted</source>
            <translation>Respuesta aceptada</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>Respuesta</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decisión</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Prórroga</translation>
        </message>
        <message>
            <source>Closure</source>
            <translation>Cierre</translation>
        </message>
        <message>
            <source>(in a Reason column)</source>
            <translation>(en una columna de motivo)</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) in {file}. Nothing will be applied until they are fixed in the workbook.</source>
            <translation>
                <numerusform>%n problema en {file}. No se aplicará nada hasta que se corrija en el libro.</numerusform>
                <numerusform>%n problemas en {file}. No se aplicará nada hasta que se corrijan en el libro.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n finding(s) will change. Apply the changes?</source>
            <translation>
                <numerusform>Cambiará %n hallazgo. ¿Desea aplicar los cambios?</numerusform>
                <numerusform>Cambiarán %n hallazgos. ¿Desea aplicar los cambios?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up record(s) will be appended after the signed report. Apply them?</source>
            <translation>
                <numerusform>Se agregará %n registro de seguimiento después del informe firmado. ¿Desea aplicarlo?</numerusform>
                <numerusform>Se agregarán %n registros de seguimiento después del informe firmado. ¿Desea aplicarlos?</numerusform>
            </translation>
        </message>
        <message>
            <source>The workbook matches the validation: there is nothing to change.</source>
            <translation>El libro coincide con la validación: no hay nada que cambiar.</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Cambios</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Criterio</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <source>From the workbook</source>
            <translation>Del libro</translation>
        </message>
        <message>
            <source>Follow-up to append</source>
            <translation>Seguimiento que se agregará</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>What it says</source>
            <translation>Lo que dice</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Implemented: {answer}</source>
            <translation>Implementado: {answer}</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Aceptada</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rechazada</translation>
        </message>
        <message>
            <source>{days} more days</source>
            <translation>{days} días más</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Language of the windows</source>
            <translation>Idioma de las ventanas</translation>
        </message>
        <message>
            <source>System default ({language})</source>
            <translation>El del sistema ({language})</translation>
        </message>
        <message>
            <source>Show the windows in this language from the next start</source>
            <translation>Mostrar las ventanas en este idioma a partir del próximo inicio</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>The windows will be in {language} the next time ctpat-desktop starts.</source>
            <translation>Las ventanas estarán en {language} la próxima vez que se inicie ctpat-desktop.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in to the hub</source>
            <translation>Iniciar sesión en el servidor central</translation>
        </message>
        <message>
            <source>Hub address</source>
            <translation>Dirección del servidor central</translation>
        </message>
        <message>
            <source>Hub token</source>
            <translation>Token del servidor central</translation>
        </message>
        <message>
            <source>The token printed by ctpat-hub user add; kept in the system keyring</source>
            <translation>El token que muestra ctpat-hub user add; se guarda en el llavero del sistema</translation>
        </message>
        <message>
            <source>Login message</source>
            <translation>Mensaje de inicio de sesión</translation>
        </message>
        <message>
            <source>Hub &amp;address:</source>
            <translation>&amp;Dirección del servidor central:</translation>
        </message>
        <message>
            <source>&amp;Token:</source>
            <translation>&amp;Token:</translation>
        </message>
        <message>
            <source>The token is kept in the system keyring. Where there is none, it is kept only until the app closes.</source>
            <translation>El token se guarda en el llavero del sistema. Donde no lo hay, se conserva solo hasta que se cierra la aplicación.</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <source>The hub's address must start with https:// or http://.</source>
            <translation>La dirección del servidor central debe comenzar con https:// o http://.</translation>
        </message>
        <message>
            <source>Paste the token an administrator gave you.</source>
            <translation>Pegue el token que le dio un administrador.</translation>
        </message>
    </context>
    <context>
        <name>LongTask</name>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Already open</source>
            <translation>Ya está abierto</translation>
        </message>
        <message>
            <source>ctpat-desktop is already open on this data folder ({folder}); use that window. Two windows on one folder would overwrite each other's work.</source>
            <translation>ctpat-desktop ya está abierto con esta carpeta de datos ({folder}); use esa ventana. Dos ventanas con una misma carpeta sobrescribirían el trabajo una de la otra.</translation>
        </message>
        <message>
            <source>Cannot open your data</source>
            <translation>No se pueden abrir sus datos</translation>
        </message>
        <message>
            <source>Passphrase of the data folder {folder}</source>
            <translation>Frase de contraseña de la carpeta de datos {folder}</translation>
        </message>
        <message>
            <source>No keyring works here. Choose a passphrase for your data</source>
            <translation>Aquí no funciona ningún llavero del sistema. Elija una frase de contraseña para sus datos</translation>
        </message>
        <message>
            <source>Type the passphrase again</source>
            <translation>Escriba de nuevo la frase de contraseña</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <source>&amp;New validation…</source>
            <translation>&amp;Nueva validación…</translation>
        </message>
        <message>
            <source>Plan a new validation</source>
            <translation>Programar una nueva validación</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Abrir</translation>
        </message>
        <message>
            <source>Open the selected validation</source>
            <translation>Abrir la validación seleccionada</translation>
        </message>
        <message>
            <source>Edit &amp;details…</source>
            <translation>Editar &amp;detalles…</translation>
        </message>
        <message>
            <source>Member, dates, WebEx, participants</source>
            <translation>Socio, fechas, WebEx, participantes</translation>
        </message>
        <message>
            <source>&amp;Archive / unarchive</source>
            <translation>Arc&amp;hivar / desarchivar</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>Actuali&amp;zar</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Buscar</translation>
        </message>
        <message>
            <source>&amp;Export worksheet…</source>
            <translation>&amp;Exportar hoja de trabajo…</translation>
        </message>
        <message>
            <source>Write the selected validation's worksheet as an Excel workbook</source>
            <translation>Escribir la hoja de trabajo de la validación seleccionada como libro de Excel</translation>
        </message>
        <message>
            <source>&amp;Import worksheet…</source>
            <translation>&amp;Importar hoja de trabajo…</translation>
        </message>
        <message>
            <source>Read a filled worksheet back into the selected validation</source>
            <translation>Leer una hoja de trabajo completada en la validación seleccionada</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Tablero</translation>
        </message>
        <message>
            <source>Deficiencies by category, criterion, reason and mode across validations</source>
            <translation>Deficiencias por categoría, criterio, motivo y modalidad en todas las validaciones</translation>
        </message>
        <message>
            <source>A&amp;udit trail</source>
            <translation>&amp;Registro de auditoría</translation>
        </message>
        <message>
            <source>Who changed what, when: every change, old → new, and whether the trail is intact</source>
            <translation>Quién cambió qué y cuándo: cada cambio, anterior → nuevo, y si el registro está intacto</translation>
        </message>
        <message>
            <source>&amp;High contrast</source>
            <translation>Alto &amp;contraste</translation>
        </message>
        <message>
            <source>Show arc&amp;hived validations</source>
            <translation>Mostrar validaciones archi&amp;vadas</translation>
        </message>
        <message>
            <source>&amp;Backlog</source>
            <translation>&amp;Pendientes</translation>
        </message>
        <message>
            <source>Members due for validation, by risk, and who may be validated virtually (hub)</source>
            <translation>Socios con validación pendiente, por riesgo, y quiénes pueden validarse virtualmente (servidor central)</translation>
        </message>
        <message>
            <source>Lar&amp;ger text</source>
            <translation>Texto más &amp;grande</translation>
        </message>
        <message>
            <source>Make all text larger</source>
            <translation>Agrandar todo el texto</translation>
        </message>
        <message>
            <source>S&amp;maller text</source>
            <translation>Texto más &amp;pequeño</translation>
        </message>
        <message>
            <source>Make all text smaller</source>
            <translation>Achicar todo el texto</translation>
        </message>
        <message>
            <source>&amp;Preview report</source>
            <translation>&amp;Vista previa del informe</translation>
        </message>
        <message>
            <source>Build a draft of the next report</source>
            <translation>Generar un borrador del próximo informe</translation>
        </message>
        <message>
            <source>Submit for &amp;review</source>
            <translation>Enviar a &amp;revisión</translation>
        </message>
        <message>
            <source>Hand the finished validation to the supervisor</source>
            <translation>Entregar la validación terminada al supervisor</translation>
        </message>
        <message>
            <source>&amp;Approve…</source>
            <translation>&amp;Aprobar…</translation>
        </message>
        <message>
            <source>Supervisor: approve the validation so its report can be signed</source>
            <translation>Supervisor: aprobar la validación para que su informe pueda firmarse</translation>
        </message>
        <message>
            <source>Re&amp;turn for changes…</source>
            <translation>&amp;Devolver para cambios…</translation>
        </message>
        <message>
            <source>Supervisor: send the validation back to the SCSS, saying what must change</source>
            <translation>Supervisor: devolver la validación al SCSS, indicando qué debe cambiar</translation>
        </message>
        <message>
            <source>&amp;Sign and issue report…</source>
            <translation>&amp;Firmar y emitir informe…</translation>
        </message>
        <message>
            <source>Sign the next report version; this locks the validation</source>
            <translation>Firmar la próxima versión del informe; esto bloquea la validación</translation>
        </message>
        <message>
            <source>Re&amp;open validation…</source>
            <translation>R&amp;eabrir validación…</translation>
        </message>
        <message>
            <source>Unlock a signed validation, saying why</source>
            <translation>Desbloquear una validación firmada, indicando el motivo</translation>
        </message>
        <message>
            <source>&amp;Verify a report…</source>
            <translation>Verifi&amp;car un informe…</translation>
        </message>
        <message>
            <source>Check a signed report's signature</source>
            <translation>Comprobar la firma de un informe firmado</translation>
        </message>
        <message>
            <source>&amp;Feedback…</source>
            <translation>&amp;Opinión…</translation>
        </message>
        <message>
            <source>After the validation: technology quality, what could not be verified remotely</source>
            <translation>Después de la validación: calidad de la tecnología, lo que no pudo verificarse a distancia</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>Take back the last change of details or archiving</source>
            <translation>Deshacer el último cambio de detalles o de archivo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Acerca de</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>CTPAT Validations</source>
            <translation>Validaciones CTPAT</translation>
        </message>
        <message>
            <source>Search member, account, entity type…</source>
            <translation>Buscar socio, cuenta, tipo de entidad…</translation>
        </message>
        <message>
            <source>Search validations</source>
            <translation>Buscar validaciones</translation>
        </message>
        <message>
            <source>Narrows the list to validations whose member, account or entity type match</source>
            <translation>Reduce la lista a las validaciones cuyo socio, cuenta o tipo de entidad coinciden</translation>
        </message>
        <message>
            <source>No validations yet. Plan the first one with File → New validation… (Ctrl+N).</source>
            <translation>Aún no hay validaciones. Programe la primera con Archivo → Nueva validación… (Ctrl+N).</translation>
        </message>
        <message>
            <source>&amp;Plan a validation…</source>
            <translation>&amp;Programar una validación…</translation>
        </message>
        <message>
            <source>Validations</source>
            <translation>Validaciones</translation>
        </message>
        <message>
            <source>One row per validation; Enter opens the selected one, Ctrl+N plans a new one</source>
            <translation>Una fila por validación; Intro abre la seleccionada, Ctrl+N programa una nueva</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edición</translation>
        </message>
        <message numerus="yes">
            <source>%n validation(s) in {folder}</source>
            <translation>
                <numerusform>%n validación en {folder}</numerusform>
                <numerusform>%n validaciones en {folder}</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving the feedback…</source>
            <translation>Guardando la opinión…</translation>
        </message>
        <message>
            <source>Feedback saved</source>
            <translation>Opinión guardada</translation>
        </message>
        <message>
            <source>Cannot save the feedback</source>
            <translation>No se puede guardar la opinión</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>&amp;Sincronizar</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <source>&amp;Report</source>
            <translation>&amp;Informe</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Libro de Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Reading validations…</source>
            <translation>Leyendo las validaciones…</translation>
        </message>
        <message>
            <source>Cannot read validations</source>
            <translation>No se pueden leer las validaciones</translation>
        </message>
        <message>
            <source>Edit details of {member}</source>
            <translation>Editar los detalles de {member}</translation>
        </message>
        <message>
            <source>Cannot undo the change</source>
            <translation>No se puede deshacer el cambio</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>Archivada</translation>
        </message>
        <message>
            <source>Back in the list</source>
            <translation>De nuevo en la lista</translation>
        </message>
        <message>
            <source>Archive {member}</source>
            <translation>Archivar {member}</translation>
        </message>
        <message>
            <source>Unarchive {member}</source>
            <translation>Desarchivar {member}</translation>
        </message>
        <message>
            <source>Cannot archive the validation</source>
            <translation>No se puede archivar la validación</translation>
        </message>
        <message>
            <source>Export worksheet</source>
            <translation>Exportar hoja de trabajo</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Escribiendo {file}…</translation>
        </message>
        <message>
            <source>Worksheet written to {path}</source>
            <translation>Hoja de trabajo escrita en {path}</translation>
        </message>
        <message>
            <source>Exporting the worksheet…</source>
            <translation>Exportando la hoja de trabajo…</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written</source>
            <translation>Exportación cancelada; no se escribió ningún archivo</translation>
        </message>
        <message>
            <source>Cannot export the worksheet</source>
            <translation>No se puede exportar la hoja de trabajo</translation>
        </message>
        <message>
            <source>Import worksheet</source>
            <translation>Importar hoja de trabajo</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>Leyendo {file}…</translation>
        </message>
        <message>
            <source>Reading the worksheet…</source>
            <translation>Leyendo la hoja de trabajo…</translation>
        </message>
        <message>
            <source>Cannot import the worksheet</source>
            <translation>No se puede importar la hoja de trabajo</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was changed</source>
            <translation>Importación cancelada; no se cambió nada</translation>
        </message>
        <message>
            <source>Applying the worksheet…</source>
            <translation>Aplicando la hoja de trabajo…</translation>
        </message>
        <message>
            <source>Cannot apply the worksheet</source>
            <translation>No se puede aplicar la hoja de trabajo</translation>
        </message>
        <message>
            <source>%n finding(s) changed from {file}</source>
            <translation>%n hallazgo(s) cambiado(s) desde {file}</translation>
        </message>
        <message>
            <source>%n follow-up record(s) appended from {file}</source>
            <translation>%n registro(s) de seguimiento agregado(s) desde {file}</translation>
        </message>
        <message>
            <source>Draft of report version {version} ready</source>
            <translation>Borrador de la versión {version} del informe listo</translation>
        </message>
        <message>
            <source>Draft of version {version} — not signed</source>
            <translation>Borrador de la versión {version} — sin firmar</translation>
        </message>
        <message>
            <source>Building the report…</source>
            <translation>Generando el informe…</translation>
        </message>
        <message>
            <source>Cannot build the report</source>
            <translation>No se puede generar el informe</translation>
        </message>
        <message>
            <source>Report preview cancelled</source>
            <translation>Vista previa del informe cancelada</translation>
        </message>
        <message>
            <source>Cannot sign yet</source>
            <translation>Todavía no se puede firmar</translation>
        </message>
        <message>
            <source>Save the signed report</source>
            <translation>Guardar el informe firmado</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Report version {version} signed by {signer}</source>
            <translation>Versión {version} del informe firmada por {signer}</translation>
        </message>
        <message>
            <source>Report issued</source>
            <translation>Informe emitido</translation>
        </message>
        <message>
            <source>Version {version} was signed by {signer} and saved to {path}.
SHA-256 {sha256}
The validation is now locked; reopen it to change it.</source>
            <translation>La versión {version} fue firmada por {signer} y guardada en {path}.
SHA-256 {sha256}
La validación está ahora bloqueada; reábrala para cambiarla.</translation>
        </message>
        <message>
            <source>Building and signing the report…</source>
            <translation>Generando y firmando el informe…</translation>
        </message>
        <message>
            <source>Cannot sign the report</source>
            <translation>No se puede firmar el informe</translation>
        </message>
        <message>
            <source>Follow-&amp;up letter…</source>
            <translation>Carta de &amp;seguimiento…</translation>
        </message>
        <message>
            <source>Sign a closure or status letter to the member on the signed report</source>
            <translation>Firmar una carta de cierre o de estado para el socio sobre el informe firmado</translation>
        </message>
        <message>
            <source>No follow-up letter yet</source>
            <translation>Todavía no hay carta de seguimiento</translation>
        </message>
        <message>
            <source>Save the signed follow-up letter</source>
            <translation>Guardar la carta de seguimiento firmada</translation>
        </message>
        <message>
            <source>Follow-up letter signed by {signer}: {path}</source>
            <translation>Carta de seguimiento firmada por {signer}: {path}</translation>
        </message>
        <message>
            <source>Writing and signing the letter…</source>
            <translation>Redactando y firmando la carta…</translation>
        </message>
        <message>
            <source>Cannot sign the letter</source>
            <translation>No se puede firmar la carta</translation>
        </message>
        <message>
            <source>Save a &amp;copy of the signed report…</source>
            <translation>Guardar una co&amp;pia del informe firmado…</translation>
        </message>
        <message>
            <source>Write a signed report version again, byte for byte, from the copy kept when it was signed</source>
            <translation>Escribir de nuevo una versión firmada del informe, byte a byte, a partir de la copia guardada al firmarla</translation>
        </message>
        <message>
            <source>Save a copy of the signed report</source>
            <translation>Guardar una copia del informe firmado</translation>
        </message>
        <message>
            <source>Which signed report?</source>
            <translation>¿Qué informe firmado?</translation>
        </message>
        <message>
            <source>Signed report version {version} saved to {path}</source>
            <translation>Versión {version} del informe firmado guardada en {path}</translation>
        </message>
        <message>
            <source>Saving the signed report…</source>
            <translation>Guardando el informe firmado…</translation>
        </message>
        <message>
            <source>Cannot save the signed report</source>
            <translation>No se puede guardar el informe firmado</translation>
        </message>
        <message>
            <source>Reopen validation</source>
            <translation>Reabrir validación</translation>
        </message>
        <message>
            <source>Why is the signed validation reopened?</source>
            <translation>¿Por qué se reabre la validación firmada?</translation>
        </message>
        <message>
            <source>Reopened: it must be approved again before its next report is signed</source>
            <translation>Reabierta: debe aprobarse de nuevo antes de firmar su próximo informe</translation>
        </message>
        <message>
            <source>Cannot reopen the validation</source>
            <translation>No se puede reabrir la validación</translation>
        </message>
        <message>
            <source>Version {version}, rendition in {language}, signed {day} by {signer}</source>
            <translation>Versión {version}, versión traducida ({language}), firmada el {day} por {signer}</translation>
        </message>
        <message>
            <source>Version {version} in {language}, signed {day} by {signer}</source>
            <translation>Versión {version} ({language}), firmada el {day} por {signer}</translation>
        </message>
        <message>
            <source>Backup made: {file}</source>
            <translation>Copia de seguridad hecha: {file}</translation>
        </message>
        <message>
            <source>No backup this time: {error}</source>
            <translation>Esta vez no se hizo copia de seguridad: {error}</translation>
        </message>
        <message>
            <source>Submitted for review</source>
            <translation>Enviada a revisión</translation>
        </message>
        <message>
            <source>Cannot submit the validation</source>
            <translation>No se puede enviar la validación</translation>
        </message>
        <message>
            <source>Approve validation</source>
            <translation>Aprobar validación</translation>
        </message>
        <message>
            <source>Note kept with your approval (optional):</source>
            <translation>Nota que se guarda con su aprobación (opcional):</translation>
        </message>
        <message>
            <source>Approved: its report can now be signed</source>
            <translation>Aprobada: ya puede firmarse su informe</translation>
        </message>
        <message>
            <source>Cannot approve the validation</source>
            <translation>No se puede aprobar la validación</translation>
        </message>
        <message>
            <source>Return for changes</source>
            <translation>Devolver para cambios</translation>
        </message>
        <message>
            <source>What must the SCSS change?</source>
            <translation>¿Qué debe cambiar el SCSS?</translation>
        </message>
        <message>
            <source>Returned to the SCSS</source>
            <translation>Devuelta al SCSS</translation>
        </message>
        <message>
            <source>Cannot return the validation</source>
            <translation>No se puede devolver la validación</translation>
        </message>
        <message>
            <source>The language was not saved: {error}</source>
            <translation>No se guardó el idioma: {error}</translation>
        </message>
        <message>
            <source>The display settings were not saved: {error}</source>
            <translation>No se guardó la configuración de visualización: {error}</translation>
        </message>
        <message>
            <source>About ctpat-desktop</source>
            <translation>Acerca de ctpat-desktop</translation>
        </message>
        <message>
            <source>ctpat-desktop {version}
CTPAT validations, offline first.</source>
            <translation>ctpat-desktop {version}
Validaciones CTPAT, primero sin conexión.</translation>
        </message>
    </context>
    <context>
        <name>ModeMetricsPanel</name>
        <message>
            <source>Deficiency rate</source>
            <translation>Tasa de deficiencias</translation>
        </message>
        <message>
            <source>Deficiencies per validation</source>
            <translation>Deficiencias por validación</translation>
        </message>
        <message>
            <source>Findings reviewed per validation</source>
            <translation>Hallazgos revisados por validación</translation>
        </message>
        <message>
            <source>Session minutes per validation</source>
            <translation>Minutos de sesión por validación</translation>
        </message>
        <message>
            <source>Days from report to closure</source>
            <translation>Días desde el informe hasta el cierre</translation>
        </message>
        <message>
            <source>Extensions per signed validation</source>
            <translation>Prórrogas por validación firmada</translation>
        </message>
        <message>
            <source>Deficiency rate by mode chart</source>
            <translation>Gráfico de la tasa de deficiencias según la modalidad</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Métrica</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modalidad</translation>
        </message>
        <message>
            <source>Validations</source>
            <translation>Validaciones</translation>
        </message>
        <message>
            <source>Per validation</source>
            <translation>Por validación</translation>
        </message>
        <message>
            <source>MSC version</source>
            <translation>Versión de los CMS</translation>
        </message>
        <message>
            <source>Virtual against in-person, in words</source>
            <translation>Virtual frente a presencial, en palabras</translation>
        </message>
        <message>
            <source>Each figure with its 95% confidence interval in brackets. The deficiency rate is deficiencies ÷ findings reviewed; session time counts the validations with time recorded; days to closure run from the signed report.</source>
            <translation>Cada cifra con su intervalo de confianza del 95 % entre paréntesis. La tasa de deficiencias es deficiencias ÷ hallazgos revisados; el tiempo de sesión cuenta las validaciones con tiempo registrado; los días hasta el cierre se cuentan desde el informe firmado.</translation>
        </message>
        <message>
            <source>Virtual-validation metrics by mode</source>
            <translation>Métricas de validación virtual por modalidad</translation>
        </message>
        <message>
            <source>By quarter</source>
            <translation>Por trimestre</translation>
        </message>
        <message>
            <source>Virtual-validation metrics by quarter</source>
            <translation>Métricas de validación virtual por trimestre</translation>
        </message>
        <message>
            <source>By MSC version</source>
            <translation>Por versión de los CMS</translation>
        </message>
        <message>
            <source>Virtual-validation metrics by MSC version</source>
            <translation>Métricas de validación virtual por versión de los CMS</translation>
        </message>
        <message>
            <source>{metric}: not enough data to compare {mode} and {baseline} validations; each needs at least two with some variation.</source>
            <translation>{metric}: no hay datos suficientes para comparar las validaciones de modalidad {mode} y {baseline}; cada una necesita al menos dos con alguna variación.</translation>
        </message>
        <message>
            <source>{metric}: {mode} {value}, {baseline} {baseline_value} (difference {difference}; 95% confidence interval {low} to {high}; p = {p}).</source>
            <translation>{metric}: {mode} {value}, {baseline} {baseline_value} (diferencia {difference}; intervalo de confianza del 95 % de {low} a {high}; p = {p}).</translation>
        </message>
        <message>
            <source>A difference this large is unlikely to be chance.</source>
            <translation>Es poco probable que una diferencia tan grande se deba al azar.</translation>
        </message>
        <message>
            <source>The data do not show a real difference.</source>
            <translation>Los datos no muestran una diferencia real.</translation>
        </message>
    </context>
    <context>
        <name>OutputLanguage</name>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Español</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Report and worksheet &amp;language</source>
            <translation>&amp;Idioma del informe y la hoja de trabajo</translation>
        </message>
        <message>
            <source>Report and worksheet language</source>
            <translation>Idioma del informe y la hoja de trabajo</translation>
        </message>
        <message>
            <source>Write reports and worksheets in {language}</source>
            <translation>Idioma de informes y hojas de trabajo: {language}</translation>
        </message>
    </context>
    <context>
        <name>RecoverDialog</name>
        <message>
            <source>Open your data with its recovery code</source>
            <translation>Abra sus datos con su código de recuperación</translation>
        </message>
        <message>
            <source>Type the recovery code you were given when this data folder was made (or open the file you saved it in):</source>
            <translation>Escriba el código de recuperación que recibió cuando se creó esta carpeta de datos (o abra el archivo en que lo guardó):</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Código de recuperación</translation>
        </message>
        <message>
            <source>Open a &amp;file…</source>
            <translation>Abrir un &amp;archivo…</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>&amp;Recuperar</translation>
        </message>
        <message>
            <source>The file with the recovery code</source>
            <translation>El archivo con el código de recuperación</translation>
        </message>
    </context>
    <context>
        <name>RecoveryCodeDialog</name>
        <message>
            <source>Your data's recovery code</source>
            <translation>El código de recuperación de sus datos</translation>
        </message>
        <message>
            <source>Your data is encrypted with a key kept in this computer's keyring. If the keyring is reset or you move to another computer, this code is the only way to open your data again. Write it down, or save it to a file, and keep it away from this computer.</source>
            <translation>Sus datos están cifrados con una clave guardada en el llavero de esta computadora. Si el llavero se restablece o usted cambia de computadora, este código es la única forma de volver a abrir sus datos. Anótelo o guárdelo en un archivo, y consérvelo lejos de esta computadora.</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Código de recuperación</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <source>&amp;Save to a file…</source>
            <translation>&amp;Guardar en un archivo…</translation>
        </message>
        <message>
            <source>I have kept this code somewhere other than this computer</source>
            <translation>He guardado este código en un lugar distinto de esta computadora</translation>
        </message>
        <message>
            <source>Show it again next time</source>
            <translation>Mostrarlo de nuevo la próxima vez</translation>
        </message>
        <message>
            <source>Save the recovery code</source>
            <translation>Guardar el código de recuperación</translation>
        </message>
        <message>
            <source>Text (*.txt)</source>
            <translation>Texto (*.txt)</translation>
        </message>
        <message>
            <source>Saved to {file}</source>
            <translation>Guardado en {file}</translation>
        </message>
    </context>
    <context>
        <name>ReportWindow</name>
        <message>
            <source>Report preview</source>
            <translation>Vista previa del informe</translation>
        </message>
        <message>
            <source>Report pages</source>
            <translation>Páginas del informe</translation>
        </message>
        <message>
            <source>&amp;Sign and issue…</source>
            <translation>&amp;Firmar y emitir…</translation>
        </message>
        <message>
            <source>The report cannot be shown</source>
            <translation>No se puede mostrar el informe</translation>
        </message>
    </context>
    <context>
        <name>Rules</name>
        <message>
            <source>criterion {criterion} was changed elsewhere (by {who}) since it was shown; nothing was saved: look at it again</source>
            <translation>el criterio {criterion} se cambió en otro lugar (por {who}) desde que se mostró; no se guardó nada: revíselo de nuevo</translation>
        </message>
        <message>
            <source>the caption of {file} was changed elsewhere since it was shown; nothing was saved: look at it again</source>
            <translation>la leyenda de {file} se cambió en otro lugar desde que se mostró; no se guardó nada: revísela de nuevo</translation>
        </message>
        <message>
            <source>criterion {criterion}: {field} contains control characters</source>
            <translation>criterio {criterion}: {field} contiene caracteres de control</translation>
        </message>
        <message>
            <source>criterion {criterion}: unknown reason {reason}; use one of: {allowed}</source>
            <translation>criterio {criterion}: razón desconocida {reason}; use una de: {allowed}</translation>
        </message>
        <message>
            <source>criterion {criterion}: a reason is given twice</source>
            <translation>criterio {criterion}: una razón aparece dos veces</translation>
        </message>
        <message>
            <source>criterion {criterion}: {field} is longer than {limit} characters</source>
            <translation>criterio {criterion}: {field} tiene más de {limit} caracteres</translation>
        </message>
        <message>
            <source>criterion {criterion}: has no parts to name as not met</source>
            <translation>criterio {criterion}: no tiene partes que señalar como no cumplidas</translation>
        </message>
        <message>
            <source>criterion {criterion}: has no part {part}; its parts are {allowed}</source>
            <translation>criterio {criterion}: no tiene la parte {part}; sus partes son {allowed}</translation>
        </message>
        <message>
            <source>criterion {criterion}: a part is given twice</source>
            <translation>criterio {criterion}: una parte se indica dos veces</translation>
        </message>
        <message>
            <source>criterion {criterion}: a not-met finding needs at least one reason</source>
            <translation>criterio {criterion}: un hallazgo «No cumple» necesita al menos una razón</translation>
        </message>
        <message>
            <source>criterion {criterion}: due date {due} is before the validation date {date}</source>
            <translation>criterio {criterion}: la fecha límite {due} es anterior a la fecha de la validación {date}</translation>
        </message>
        <message>
            <source>criterion {criterion}: an extension is 30, 60, 90 or 120 days</source>
            <translation>criterio {criterion}: una prórroga es de 30, 60, 90 o 120 días</translation>
        </message>
        <message>
            <source>criterion {criterion}: a due-date extension needs a reason</source>
            <translation>criterio {criterion}: una prórroga de la fecha límite necesita un motivo</translation>
        </message>
        <message>
            <source>criterion {criterion}: an extension reason without an extension</source>
            <translation>criterio {criterion}: hay un motivo de prórroga sin prórroga</translation>
        </message>
        <message>
            <source>criterion {criterion}: there is no member's response to accept or reject yet</source>
            <translation>criterio {criterion}: aún no hay una respuesta del socio que aceptar o rechazar</translation>
        </message>
        <message>
            <source>criterion {criterion}: reasons, required action and due date apply only to a not-met finding</source>
            <translation>criterio {criterion}: las razones, la acción requerida y la fecha límite solo corresponden a un hallazgo «No cumple»</translation>
        </message>
        <message>
            <source>criterion {criterion}: a member's response applies only to a not-met finding</source>
            <translation>criterio {criterion}: una respuesta del socio solo corresponde a un hallazgo «No cumple»</translation>
        </message>
        <message>
            <source>criterion {criterion}: a due-date extension applies only to a not-met finding</source>
            <translation>criterio {criterion}: una prórroga de la fecha límite solo corresponde a un hallazgo «No cumple»</translation>
        </message>
        <message>
            <source>criterion {criterion}: an exceeds (best practice) finding needs a note describing the practice</source>
            <translation>criterio {criterion}: un hallazgo «Excede» (mejor práctica) necesita una nota que describa la práctica</translation>
        </message>
        <message>
            <source>the internal note</source>
            <translation>la nota interna</translation>
        </message>
        <message>
            <source>the text for the report</source>
            <translation>el texto para el informe</translation>
        </message>
        <message>
            <source>the required action</source>
            <translation>la acción requerida</translation>
        </message>
        <message>
            <source>the profile answer</source>
            <translation>la respuesta del perfil</translation>
        </message>
        <message>
            <source>the member's response</source>
            <translation>la respuesta del socio</translation>
        </message>
        <message>
            <source>the extension reason</source>
            <translation>el motivo de la prórroga</translation>
        </message>
    </context>
    <context>
        <name>SessionPanel</name>
        <message>
            <source>No agenda: the catalog has no categories</source>
            <translation>Sin agenda: el catálogo no tiene categorías</translation>
        </message>
        <message>
            <source>By the plan: category {category} ({span})</source>
            <translation>Según el plan: categoría {category} ({span})</translation>
        </message>
        <message>
            <source>The planned {end} is over by {over} min</source>
            <translation>Las {end} previstas se excedieron en {over} min</translation>
        </message>
        <message>
            <source>Category {category} planned from {start}; you are {ahead} min ahead</source>
            <translation>Categoría {category} prevista desde {start}; va {ahead} min adelantado</translation>
        </message>
        <message>
            <source>Category {category} planned {span}; you are {behind} min behind</source>
            <translation>Categoría {category} prevista {span}; va {behind} min atrasado</translation>
        </message>
        <message>
            <source>Category {category} planned {span}; you are on time</source>
            <translation>Categoría {category} prevista {span}; va a tiempo</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Sesión</translation>
        </message>
        <message>
            <source>Session time</source>
            <translation>Tiempo de la sesión</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Iniciar</translation>
        </message>
        <message>
            <source>Start the session timer</source>
            <translation>Iniciar el cronómetro de la sesión</translation>
        </message>
        <message>
            <source>Open WebEx</source>
            <translation>Abrir WebEx</translation>
        </message>
        <message>
            <source>Where the session stands</source>
            <translation>Cómo va la sesión</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Participantes</translation>
        </message>
        <message>
            <source>Name (role)</source>
            <translation>Nombre (función)</translation>
        </message>
        <message>
            <source>New participant</source>
            <translation>Nuevo participante</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Agregar</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Session time not recorded: {error}</source>
            <translation>Tiempo de sesión no registrado: {error}</translation>
        </message>
        <message>
            <source>Pause the session?</source>
            <translation>¿Pausar la sesión?</translation>
        </message>
        <message>
            <source>The session timer is running ({time}). Pause it and close the validation? The time so far is kept; Resume goes on from there.</source>
            <translation>El cronómetro de la sesión está en marcha ({time}). ¿Pausarlo y cerrar la validación? El tiempo hasta ahora se conserva; Reanudar continúa desde ahí.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Pause the session timer (e.g. for a break)</source>
            <translation>Pausar el cronómetro de la sesión (p. ej., para un descanso)</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Planned {planned}; {left} left</source>
            <translation>Previsto {planned}; quedan {left}</translation>
        </message>
        <message>
            <source>Planned {planned}; {over} min over</source>
            <translation>Previsto {planned}; {over} min de más</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participante</translation>
        </message>
        <message>
            <source>{name} is already listed.</source>
            <translation>{name} ya está en la lista.</translation>
        </message>
        <message>
            <source>Cannot save the participants</source>
            <translation>No se pueden guardar los participantes</translation>
        </message>
        <message>
            <source>Open {url} in the browser</source>
            <translation>Abrir {url} en el navegador</translation>
        </message>
        <message>
            <source>No WebEx link: add one in the validation's details</source>
            <translation>No hay enlace de WebEx: agregue uno en los detalles de la validación</translation>
        </message>
        <message>
            <source>Cannot open WebEx</source>
            <translation>No se puede abrir WebEx</translation>
        </message>
        <message>
            <source>No program opened {url}.</source>
            <translation>Ningún programa abrió {url}.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Dónde</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>Sign the report</source>
            <translation>Firmar el informe</translation>
        </message>
        <message>
            <source>Key &amp;file (PKCS#12 .p12/.pfx)</source>
            <translation>&amp;Archivo de clave (PKCS#12 .p12/.pfx)</translation>
        </message>
        <message>
            <source>&amp;Token or PIV card (PKCS#11)</source>
            <translation>&amp;Token o tarjeta PIV (PKCS#11)</translation>
        </message>
        <message>
            <source>Key file</source>
            <translation>Archivo de clave</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <source>PKCS#11 library</source>
            <translation>Biblioteca PKCS#11</translation>
        </message>
        <message>
            <source>Token label</source>
            <translation>Etiqueta del token</translation>
        </message>
        <message>
            <source>Key label</source>
            <translation>Etiqueta de la clave</translation>
        </message>
        <message>
            <source>Passphrase or PIN</source>
            <translation>Frase de contraseña o PIN</translation>
        </message>
        <message>
            <source>&amp;Remember in the system keyring</source>
            <translation>&amp;Recordar en el llavero del sistema</translation>
        </message>
        <message>
            <source>Key file:</source>
            <translation>Archivo de clave:</translation>
        </message>
        <message>
            <source>PKCS#11 library:</source>
            <translation>Biblioteca PKCS#11:</translation>
        </message>
        <message>
            <source>Token label:</source>
            <translation>Etiqueta del token:</translation>
        </message>
        <message>
            <source>Key label:</source>
            <translation>Etiqueta de la clave:</translation>
        </message>
        <message>
            <source>Passphrase or PIN:</source>
            <translation>Frase de contraseña o PIN:</translation>
        </message>
        <message>
            <source>Signing issues the report and locks the validation.</source>
            <translation>Al firmar se emite el informe y se bloquea la validación.</translation>
        </message>
        <message>
            <source>&amp;Sign</source>
            <translation>&amp;Firmar</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>(remembered in the keyring)</source>
            <translation>(recordada en el llavero)</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>push</source>
            <translation>envío</translation>
        </message>
        <message>
            <source>upload evidence</source>
            <translation>carga de evidencia</translation>
        </message>
        <message>
            <source>pull</source>
            <translation>recepción</translation>
        </message>
        <message>
            <source>upload signed documents</source>
            <translation>carga de documentos firmados</translation>
        </message>
        <message>
            <source>download signed documents</source>
            <translation>descarga de documentos firmados</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sincronizar ahora</translation>
        </message>
        <message>
            <source>Send this laptop's changes to the hub and get the office's</source>
            <translation>Enviar los cambios de esta computadora al servidor central y recibir los de la oficina</translation>
        </message>
        <message>
            <source>&amp;Log in to hub…</source>
            <translation>&amp;Iniciar sesión en el servidor central…</translation>
        </message>
        <message>
            <source>The hub's address and your token</source>
            <translation>La dirección del servidor central y su token</translation>
        </message>
        <message>
            <source>S&amp;top the sync</source>
            <translation>&amp;Detener la sincronización</translation>
        </message>
        <message>
            <source>Stop after the step under way; what was sent is kept, Sync now goes on</source>
            <translation>Detener tras el paso en curso; lo enviado se conserva y Sincronizar ahora continúa</translation>
        </message>
        <message>
            <source>Resolve &amp;conflicts…</source>
            <translation>Resolver &amp;conflictos…</translation>
        </message>
        <message>
            <source>Fields changed here and on the hub: keep one value</source>
            <translation>Campos cambiados aquí y en el servidor central: conserve un valor</translation>
        </message>
        <message>
            <source>Sync: …</source>
            <translation>Sincronización: …</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>Estado de la sincronización</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>Progreso de la sincronización</translation>
        </message>
        <message>
            <source>Sync: stopping…</source>
            <translation>Sincronización: deteniendo…</translation>
        </message>
        <message>
            <source>Sync: no hub set (Sync → Log in to hub…)</source>
            <translation>Sincronización: no hay servidor central configurado (Sincronizar → Iniciar sesión en el servidor central…)</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting</source>
            <translation>
                <numerusform>%n cambio pendiente</numerusform>
                <numerusform>%n cambios pendientes</numerusform>
            </translation>
        </message>
        <message>
            <source>last synced {when}</source>
            <translation>última sincronización {when}</translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s) to resolve</source>
            <translation>
                <numerusform>%n conflicto por resolver</numerusform>
                <numerusform>%n conflictos por resolver</numerusform>
            </translation>
        </message>
        <message>
            <source>last sync failed</source>
            <translation>la última sincronización falló</translation>
        </message>
        <message>
            <source>Sync: {parts}</source>
            <translation>Sincronización: {parts}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>Hub: {server}</source>
            <translation>Servidor central: {server}</translation>
        </message>
        <message>
            <source>Sync: connecting…</source>
            <translation>Sincronización: conectando…</translation>
        </message>
        <message>
            <source>Sync: {stage} {done}/{total}</source>
            <translation>Sincronización: {stage} {done}/{total}</translation>
        </message>
        <message>
            <source>{kind} {id}: {error}</source>
            <translation>{kind} {id}: {error}</translation>
        </message>
        <message>
            <source>Changes refused by the hub</source>
            <translation>Cambios rechazados por el servidor central</translation>
        </message>
        <message numerus="yes">
            <source>The hub refused %n change(s); everything else was synced. They stay on this laptop: correct what the hub names (for another office, set the validation's office in Edit validation; for a value, change it in the workspace) and sync again.</source>
            <translation>
                <numerusform>El servidor central rechazó %n cambio; todo lo demás se sincronizó. Se queda en esta computadora: corrija lo que indica el servidor (para otra oficina, cambie la oficina de la validación en Editar validación; para un valor, cámbielo en el espacio de trabajo) y vuelva a sincronizar.</numerusform>
                <numerusform>El servidor central rechazó %n cambios; todo lo demás se sincronizó. Se quedan en esta computadora: corrija lo que indica el servidor (para otra oficina, cambie la oficina de la validación en Editar validación; para un valor, cámbielo en el espacio de trabajo) y vuelva a sincronizar.</numerusform>
            </translation>
        </message>
        <message>
            <source>Sync stopped: what was sent is kept; Sync now goes on from there</source>
            <translation>Sincronización detenida: lo enviado se conserva; Sincronizar ahora continúa desde ahí</translation>
        </message>
        <message>
            <source>Sync failed: {error}</source>
            <translation>La sincronización falló: {error}</translation>
        </message>
        <message>
            <source>Sync failed</source>
            <translation>La sincronización falló</translation>
        </message>
        <message>
            <source>Logged in to {hub} as {user} ({role}); token kept in the keyring</source>
            <translation>Sesión iniciada en {hub} como {user} ({role}); token guardado en el llavero</translation>
        </message>
        <message>
            <source>Logged in to {hub} as {user} ({role}); token kept in memory until the app closes</source>
            <translation>Sesión iniciada en {hub} como {user} ({role}); token guardado en memoria hasta que se cierre la aplicación</translation>
        </message>
        <message>
            <source>Not logged in: {error}</source>
            <translation>No se inició sesión: {error}</translation>
        </message>
    </context>
    <context>
        <name>ValidationDialog</name>
        <message>
            <source>Edit validation</source>
            <translation>Editar validación</translation>
        </message>
        <message>
            <source>Plan a validation</source>
            <translation>Programar una validación</translation>
        </message>
        <message>
            <source>One participant per line (name, role)</source>
            <translation>Un participante por línea (nombre, función)</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>&amp;Member:</source>
            <translation>Soc&amp;io:</translation>
        </message>
        <message>
            <source>&amp;Account number:</source>
            <translation>&amp;Número de cuenta:</translation>
        </message>
        <message>
            <source>&amp;Entity type:</source>
            <translation>&amp;Tipo de entidad:</translation>
        </message>
        <message>
            <source>M&amp;ode:</source>
            <translation>&amp;Modalidad:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Fecha:</translation>
        </message>
        <message>
            <source>&amp;SCSS:</source>
            <translation>&amp;SCSS:</translation>
        </message>
        <message>
            <source>O&amp;ffice:</source>
            <translation>&amp;Oficina:</translation>
        </message>
        <message>
            <source>&amp;WebEx link:</source>
            <translation>Enlace de &amp;WebEx:</translation>
        </message>
        <message>
            <source>&amp;Participants:</source>
            <translation>&amp;Participantes:</translation>
        </message>
        <message>
            <source>Planned &amp;time:</source>
            <translation>&amp;Duración prevista:</translation>
        </message>
        <message>
            <source>The entity type stays once a finding is recorded or after review</source>
            <translation>El tipo de entidad queda fijo una vez registrado un hallazgo o tras la revisión</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Programar</translation>
        </message>
        <message>
            <source>Choose an entity type</source>
            <translation>Elija un tipo de entidad</translation>
        </message>
        <message>
            <source>Choose an entity type from the list</source>
            <translation>Elija un tipo de entidad de la lista</translation>
        </message>
    </context>
    <context>
        <name>ValidationListModel</name>
        <message>
            <source>Member</source>
            <translation>Socio</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Cuenta</translation>
        </message>
        <message>
            <source>Entity type</source>
            <translation>Tipo de entidad</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modalidad</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>{status} (archived)</source>
            <translation>{status} (archivada)</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify a report</source>
            <translation>Verificar un informe</translation>
        </message>
        <message>
            <source>Report to verify</source>
            <translation>Informe por verificar</translation>
        </message>
        <message>
            <source>Trusted CA certificate</source>
            <translation>Certificado de CA de confianza</translation>
        </message>
        <message>
            <source>Report (PDF):</source>
            <translation>Informe (PDF):</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Trusted CA (PEM):</source>
            <translation>CA de confianza (PEM):</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer)</source>
            <translation>Certificados (*.pem *.crt *.cer)</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Verificar</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Veredicto</translation>
        </message>
        <message>
            <source>Signature details</source>
            <translation>Detalles de la firma</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>Elegir un archivo</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <source>✗ Cannot check this file</source>
            <translation>✗ No se puede comprobar este archivo</translation>
        </message>
        <message>
            <source>✓ VERIFIED</source>
            <translation>✓ VERIFICADO</translation>
        </message>
        <message>
            <source>✗ NOT VERIFIED</source>
            <translation>✗ NO VERIFICADO</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>NO</source>
            <translation>NO</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>desconocida</translation>
        </message>
        <message>
            <source>Signer: {signer}</source>
            <translation>Firmante: {signer}</translation>
        </message>
        <message>
            <source>Signed at: {time} (timestamped)</source>
            <translation>Firmado el: {time} (con sello de tiempo)</translation>
        </message>
        <message>
            <source>Signed at: {time}</source>
            <translation>Firmado el: {time}</translation>
        </message>
        <message>
            <source>Intact: {answer}</source>
            <translation>Intacto: {answer}</translation>
        </message>
        <message>
            <source>Trusted: {answer}</source>
            <translation>De confianza: {answer}</translation>
        </message>
        <message>
            <source>Coverage: {coverage}; changes after signing: {level}</source>
            <translation>Cobertura: {coverage}; cambios después de firmar: {level}</translation>
        </message>
    </context>
    <context>
        <name>VisitEditCommand</name>
        <message>
            <source>site</source>
            <translation>sitio</translation>
        </message>
        <message>
            <source>participant</source>
            <translation>participante</translation>
        </message>
        <message>
            <source>team member</source>
            <translation>miembro del equipo</translation>
        </message>
        <message>
            <source>document request</source>
            <translation>solicitud de documentos</translation>
        </message>
        <message>
            <source>interview</source>
            <translation>entrevista</translation>
        </message>
        <message>
            <source>tour stop</source>
            <translation>parada del recorrido</translation>
        </message>
        <message>
            <source>site of criterion</source>
            <translation>sitio del criterio</translation>
        </message>
        <message>
            <source>proposed outcome</source>
            <translation>resultado propuesto</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>decisión</translation>
        </message>
        <message>
            <source>Add {record}</source>
            <translation>Añadir {record}</translation>
        </message>
        <message>
            <source>Remove {record}</source>
            <translation>Quitar {record}</translation>
        </message>
        <message>
            <source>Change {record}</source>
            <translation>Cambiar {record}</translation>
        </message>
    </context>
    <context>
        <name>VisitPanel</name>
        <message>
            <source>Sites ({count})</source>
            <translation>Sitios ({count})</translation>
        </message>
        <message>
            <source>Documents requested ({count})</source>
            <translation>Documentos solicitados ({count})</translation>
        </message>
        <message>
            <source>Participants ({count})</source>
            <translation>Participantes ({count})</translation>
        </message>
        <message>
            <source>Interviews ({count})</source>
            <translation>Entrevistas ({count})</translation>
        </message>
        <message>
            <source>Tour log ({count})</source>
            <translation>Registro del recorrido ({count})</translation>
        </message>
        <message>
            <source>CBP team ({count})</source>
            <translation>Equipo de CBP ({count})</translation>
        </message>
        <message>
            <source>Proposed outcome</source>
            <translation>Resultado propuesto</translation>
        </message>
        <message>
            <source>Supervisor's decision</source>
            <translation>Decisión del supervisor</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-DD</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguno)</translation>
        </message>
        <message>
            <source>{field}: {text} is not a date</source>
            <translation>{field}: {text} no es una fecha</translation>
        </message>
        <message>
            <source>YYYY-MM-DD HH:MM</source>
            <translation>AAAA-MM-DD HH:MM</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, YYYY-MM-DD</source>
            <translation>AAAA-MM-DD, AAAA-MM-DD</translation>
        </message>
        <message>
            <source>{field}:</source>
            <translation>{field}:</translation>
        </message>
        <message>
            <source>Ne&amp;w</source>
            <translation>Nuevo &amp;registro</translation>
        </message>
        <message>
            <source>Empty the form for a new record</source>
            <translation>Vaciar el formulario para un registro nuevo</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save the form (Enter in a field)</source>
            <translation>Guardar el formulario (Intro en un campo)</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <source>Remove the chosen record (the audit trail keeps it)</source>
            <translation>Quitar el registro seleccionado (el registro de auditoría conserva constancia)</translation>
        </message>
        <message>
            <source>Mark re&amp;ceived</source>
            <translation>Marcar como recibi&amp;do</translation>
        </message>
        <message>
            <source>Received today, with the evidence chosen</source>
            <translation>Recibido hoy, con la evidencia elegida</translation>
        </message>
        <message>
            <source>Remove the chosen record</source>
            <translation>Quitar el registro seleccionado</translation>
        </message>
        <message>
            <source>Records shown</source>
            <translation>Registros mostrados</translation>
        </message>
        <message>
            <source>Which records the panel shows: sites, documents, participants, tour log…</source>
            <translation>Qué registros muestra el panel: sitios, documentos, participantes, registro del recorrido…</translation>
        </message>
        <message>
            <source>Rec&amp;ords:</source>
            <translation>Registr&amp;os:</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>Cannot read the visit records: {error}</source>
            <translation>No se pueden leer los registros de la visita: {error}</translation>
        </message>
        <message>
            <source>Only a supervisor records the decision (log in to the hub as one).</source>
            <translation>Solo un supervisor registra la decisión (inicie sesión en el servidor central como supervisor).</translation>
        </message>
        <message>
            <source>The validation is signed: these records are read only.</source>
            <translation>La validación está firmada: estos registros son de solo lectura.</translation>
        </message>
    </context>
    <context>
        <name>VisitRecords</name>
        <message>
            <source>name</source>
            <translation>nombre</translation>
        </message>
        <message>
            <source>type</source>
            <translation>tipo</translation>
        </message>
        <message>
            <source>address</source>
            <translation>dirección</translation>
        </message>
        <message>
            <source>country (ISO code, e.g. MX)</source>
            <translation>país (código ISO, p. ej., MX)</translation>
        </message>
        <message>
            <source>document asked for</source>
            <translation>documento solicitado</translation>
        </message>
        <message>
            <source>requested on</source>
            <translation>solicitado el</translation>
        </message>
        <message>
            <source>received on</source>
            <translation>recibido el</translation>
        </message>
        <message>
            <source>evidence received</source>
            <translation>evidencia recibida</translation>
        </message>
        <message>
            <source>role (e.g. security manager)</source>
            <translation>cargo (p. ej., gerente de seguridad)</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>organización</translation>
        </message>
        <message>
            <source>day present</source>
            <translation>días de presencia</translation>
        </message>
        <message>
            <source>topic</source>
            <translation>tema</translation>
        </message>
        <message>
            <source>who (a participant)</source>
            <translation>quién (un participante)</translation>
        </message>
        <message>
            <source>when</source>
            <translation>cuándo</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>notas</translation>
        </message>
        <message>
            <source>area shown</source>
            <translation>área mostrada</translation>
        </message>
        <message>
            <source>time</source>
            <translation>hora</translation>
        </message>
        <message>
            <source>site</source>
            <translation>sitio</translation>
        </message>
        <message>
            <source>evidence</source>
            <translation>evidencia</translation>
        </message>
        <message>
            <source>note</source>
            <translation>nota</translation>
        </message>
        <message>
            <source>role</source>
            <translation>función</translation>
        </message>
        <message>
            <source>proposed result</source>
            <translation>resultado propuesto</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>motivo</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>decisión</translation>
        </message>
        <message>
            <source>result decided</source>
            <translation>resultado decidido</translation>
        </message>
        <message>
            <source>decided on</source>
            <translation>decidida el</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Instalación</translation>
        </message>
        <message>
            <source>Warehouse</source>
            <translation>Almacén</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Oficina</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>Terminal</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <source>The member</source>
            <translation>El socio</translation>
        </message>
        <message>
            <source>CBP</source>
            <translation>CBP</translation>
        </message>
        <message>
            <source>SCSS</source>
            <translation>SCSS</translation>
        </message>
        <message>
            <source>Co-SCSS</source>
            <translation>SCSS adjunto</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Observador</translation>
        </message>
        <message>
            <source>Continued certification</source>
            <translation>Continuación de la certificación</translation>
        </message>
        <message>
            <source>Tier 2 (validated)</source>
            <translation>Nivel 2 (validado)</translation>
        </message>
        <message>
            <source>Tier 3 (exceeds)</source>
            <translation>Nivel 3 (supera los criterios)</translation>
        </message>
        <message>
            <source>Suspension proposed</source>
            <translation>Propuesta de suspensión</translation>
        </message>
        <message>
            <source>Removal proposed</source>
            <translation>Propuesta de baja</translation>
        </message>
        <message>
            <source>Agreed with the proposal</source>
            <translation>De acuerdo con la propuesta</translation>
        </message>
        <message>
            <source>Changed the result</source>
            <translation>Cambió el resultado</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <source>Not reviewed</source>
            <translation>Sin revisar</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Cumple</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>No cumple</translation>
        </message>
        <message>
            <source>Exceeds</source>
            <translation>Excede</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>No aplica</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>programada</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>en curso</translation>
        </message>
        <message>
            <source>in review</source>
            <translation>en revisión</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>aprobada</translation>
        </message>
        <message>
            <source>signed</source>
            <translation>firmada</translation>
        </message>
        <message>
            <source>Virtual</source>
            <translation>Virtual</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>Presencial</translation>
        </message>
        <message>
            <source>Hybrid</source>
            <translation>Híbrida</translation>
        </message>
        <message>
            <source>Must</source>
            <translation>Debe</translation>
        </message>
        <message>
            <source>Should</source>
            <translation>Debería</translation>
        </message>
        <message>
            <source>Required action</source>
            <translation>Acción requerida</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recomendación</translation>
        </message>
        <message>
            <source>Best practice</source>
            <translation>Mejor práctica</translation>
        </message>
        <message>
            <source>Document verified</source>
            <translation>Documento verificado</translation>
        </message>
        <message>
            <source>Process observed</source>
            <translation>Proceso observado</translation>
        </message>
        <message>
            <source>Described by the member</source>
            <translation>Descrito por el socio</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <source>create</source>
            <translation>crear</translation>
        </message>
        <message>
            <source>update</source>
            <translation>modificar</translation>
        </message>
        <message>
            <source>import</source>
            <translation>importar</translation>
        </message>
        <message>
            <source>status</source>
            <translation>estado</translation>
        </message>
        <message>
            <source>name</source>
            <translation>nombre</translation>
        </message>
        <message>
            <source>attach</source>
            <translation>adjuntar</translation>
        </message>
        <message>
            <source>remove</source>
            <translation>quitar</translation>
        </message>
        <message>
            <source>restore</source>
            <translation>restaurar</translation>
        </message>
        <message>
            <source>sign</source>
            <translation>firmar</translation>
        </message>
        <message>
            <source>reopen</source>
            <translation>reabrir</translation>
        </message>
        <message>
            <source>submit</source>
            <translation>enviar a revisión</translation>
        </message>
        <message>
            <source>approve</source>
            <translation>aprobar</translation>
        </message>
        <message>
            <source>return</source>
            <translation>devolver</translation>
        </message>
        <message>
            <source>approval withdrawn</source>
            <translation>aprobación retirada</translation>
        </message>
        <message>
            <source>catalog upgraded</source>
            <translation>catálogo actualizado</translation>
        </message>
        <message>
            <source>sync</source>
            <translation>sincronizar</translation>
        </message>
        <message>
            <source>resolve</source>
            <translation>resolver</translation>
        </message>
        <message>
            <source>response</source>
            <translation>respuesta</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>decisión</translation>
        </message>
        <message>
            <source>extension</source>
            <translation>prórroga</translation>
        </message>
        <message>
            <source>closure</source>
            <translation>cierre</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceActions</name>
        <message>
            <source>&amp;Met</source>
            <translation>&amp;Cumple</translation>
        </message>
        <message>
            <source>&amp;Not met</source>
            <translation>&amp;No cumple</translation>
        </message>
        <message>
            <source>E&amp;xceeds (best practice)</source>
            <translation>E&amp;xcede (mejor práctica)</translation>
        </message>
        <message>
            <source>Not &amp;applicable</source>
            <translation>No a&amp;plica</translation>
        </message>
        <message>
            <source>Not re&amp;viewed</source>
            <translation>&amp;Sin revisar</translation>
        </message>
        <message>
            <source>Set the finding to {status}</source>
            <translation>Marcar el hallazgo como {status}</translation>
        </message>
        <message>
            <source>&amp;Next criterion</source>
            <translation>Criterio &amp;siguiente</translation>
        </message>
        <message>
            <source>&amp;Previous criterion</source>
            <translation>Criterio &amp;anterior</translation>
        </message>
        <message>
            <source>Next n&amp;ot reviewed</source>
            <translation>Siguiente sin &amp;revisar</translation>
        </message>
        <message>
            <source>Go to the next criterion without a finding</source>
            <translation>Ir al siguiente criterio sin hallazgo</translation>
        </message>
        <message>
            <source>&amp;Advance after a status key</source>
            <translation>A&amp;vanzar tras una tecla de estado</translation>
        </message>
        <message>
            <source>After Met, Exceeds or Not applicable go on to the next criterion</source>
            <translation>Tras Cumple, Excede o No aplica, pasar al criterio siguiente</translation>
        </message>
        <message>
            <source>&amp;Side panel</source>
            <translation>&amp;Panel lateral</translation>
        </message>
        <message>
            <source>Show or hide Evidence, Session and Follow-up (in a narrow window they take the checklist's place)</source>
            <translation>Mostrar u ocultar Evidencia, Sesión y Seguimiento (en una ventana angosta ocupan el lugar de la lista de verificación)</translation>
        </message>
        <message>
            <source>&amp;Go to criterion…</source>
            <translation>&amp;Ir al criterio…</translation>
        </message>
        <message>
            <source>Jump to a criterion by its ID</source>
            <translation>Saltar a un criterio por su ID</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Buscar</translation>
        </message>
        <message>
            <source>Search the criteria</source>
            <translation>Buscar en los criterios</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Cerrar</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Atajos de teclado</translation>
        </message>
        <message>
            <source>in the checklist</source>
            <translation>en la lista de verificación</translation>
        </message>
        <message>
            <source>anywhere</source>
            <translation>en cualquier lugar</translation>
        </message>
        <message>
            <source>Go to {field}</source>
            <translation>Ir a {field}</translation>
        </message>
    </context>
    <context>
        <name>WorkspacePanels</name>
        <message>
            <source>Evidence</source>
            <translation>Evidencia</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Sesión</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Seguimiento</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visita</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceWindow</name>
        <message>
            <source>Validation [*]</source>
            <translation>Validación [*]</translation>
        </message>
        <message>
            <source>Show criteria</source>
            <translation>Mostrar criterios</translation>
        </message>
        <message>
            <source>Search ID, title, text, guidance…</source>
            <translation>Buscar ID, título, texto, guía…</translation>
        </message>
        <message>
            <source>Search criteria</source>
            <translation>Buscar criterios</translation>
        </message>
        <message>
            <source>Shows only the criteria whose ID, title, text or guidance match</source>
            <translation>Muestra solo los criterios cuyo ID, título, texto o guía coinciden</translation>
        </message>
        <message>
            <source>Criterion ID, then Enter (Esc closes)</source>
            <translation>ID del criterio y luego Intro (Esc cierra)</translation>
        </message>
        <message>
            <source>Go to criterion</source>
            <translation>Ir al criterio</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>Lista de verificación</translation>
        </message>
        <message>
            <source>The criteria by category with their status; Ctrl+1 to Ctrl+4 record a status, Ctrl+Down goes to the next criterion</source>
            <translation>Los criterios por categoría con su estado; Ctrl+1 a Ctrl+4 registran un estado, Ctrl+Abajo pasa al criterio siguiente</translation>
        </message>
        <message>
            <source>Save state</source>
            <translation>Estado de guardado</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>Side panels</source>
            <translation>Paneles laterales</translation>
        </message>
        <message>
            <source>Side panel tabs</source>
            <translation>Pestañas de los paneles laterales</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Cargando</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edición</translation>
        </message>
        <message>
            <source>F&amp;inding</source>
            <translation>&amp;Hallazgo</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>Undo {edit}</source>
            <translation>Deshacer {edit}</translation>
        </message>
        <message>
            <source>Redo {edit}</source>
            <translation>Rehacer {edit}</translation>
        </message>
        <message>
            <source>Close the go-to box</source>
            <translation>Cerrar el cuadro «Ir al criterio»</translation>
        </message>
        <message>
            <source>Cannot open the validation: {error}</source>
            <translation>No se puede abrir la validación: {error}</translation>
        </message>
        <message>
            <source>Not loaded</source>
            <translation>No cargada</translation>
        </message>
        <message>
            <source>This is the last criterion</source>
            <translation>Este es el último criterio</translation>
        </message>
        <message>
            <source>This is the first criterion</source>
            <translation>Este es el primer criterio</translation>
        </message>
        <message>
            <source>Every criterion has a finding</source>
            <translation>Todos los criterios tienen un hallazgo</translation>
        </message>
        <message>
            <source>No criterion {id} in this checklist</source>
            <translation>No hay ningún criterio {id} en esta lista de verificación</translation>
        </message>
        <message>
            <source>{criterion}: not met needs a reason; tick one under Reasons (Space)</source>
            <translation>{criterion}: «No cumple» necesita un motivo; marque uno en Motivos (Espacio)</translation>
        </message>
        <message>
            <source>Not undone: criterion {criterion} has changed since that edit</source>
            <translation>No se deshizo: el criterio {criterion} cambió después de esa edición</translation>
        </message>
        <message>
            <source>Not undone: the {record} has changed since that edit</source>
            <translation>No deshecho: el registro «{record}» ha cambiado desde esa edición</translation>
        </message>
        <message>
            <source>Not undone: {error}</source>
            <translation>No deshecho: {error}</translation>
        </message>
        <message>
            <source>Signed and locked: reopen the validation to change findings</source>
            <translation>Firmada y bloqueada: reabra la validación para cambiar los hallazgos</translation>
        </message>
        <message>
            <source>… Saving…</source>
            <translation>… Guardando…</translation>
        </message>
        <message numerus="yes">
            <source>⚠ Not saved: {problem} (and %n more)</source>
            <translation>
                <numerusform>⚠ No guardado: {problem} (y %n más)</numerusform>
                <numerusform>⚠ No guardado: {problem} (y %n más)</numerusform>
            </translation>
        </message>
        <message>
            <source>⚠ Not saved: {problem}</source>
            <translation>⚠ No guardado: {problem}</translation>
        </message>
        <message>
            <source>✓ All changes saved {time}</source>
            <translation>✓ Todos los cambios guardados {time}</translation>
        </message>
        <message>
            <source>✓ All changes saved</source>
            <translation>✓ Todos los cambios guardados</translation>
        </message>
        <message>
            <source>Reviewed {reviewed} of {total} · {not_met} not met</source>
            <translation>Revisados {reviewed} de {total} · no cumplen: {not_met}</translation>
        </message>
        <message>
            <source>Close with unsaved edits?</source>
            <translation>¿Cerrar con ediciones sin guardar?</translation>
        </message>
        <message>
            <source>These edits are not saved because they break a rule:
{edits}

Close anyway and lose them?</source>
            <translation>Estas ediciones no se guardaron porque infringen una regla:
{edits}

¿Cerrar de todos modos y perderlas?</translation>
        </message>
    </context>
</TS>
