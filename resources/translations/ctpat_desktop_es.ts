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
        <source>catalog</source>
        <translation>catálogo</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidencia</translation>
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
        <source>{field}: {mine} {arrow} {theirs} (took the hub&apos;s, by {by})</source>
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
        <source>No CBP text could be found to check this criterion against; &apos;ctpat-desktop catalog show&apos; says why</source>
        <translation>No se encontró ningún texto de la CBP con que verificar este criterio; &apos;ctpat-desktop catalog show&apos; explica por qué</translation>
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
        <source>Member&apos;s profile answer</source>
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
        <source>Validation status</source>
        <translation>Estado de la validación</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Todos los estados</translation>
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
        <source>Count</source>
        <translation>Cantidad</translation>
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
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>Cannot compute the dashboard</source>
        <translation>No se puede calcular el tablero</translation>
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
        <source>Copy the selected evidence&apos;s SHA-256</source>
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
        <source>Type the date as 2027-02-15 or in your language&apos;s short form</source>
        <translation>Escriba la fecha como 2027-02-15 o en la forma corta de su idioma (15/02/2027)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date; type it as YYYY-MM-DD</source>
        <translation>&apos;{text}&apos; no es una fecha; escríbala como AAAA-MM-DD</translation>
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
        <source>response rejected: awaiting a new response</source>
        <translation>respuesta rechazada: a la espera de una nueva respuesta</translation>
    </message>
    <message>
        <source>response received: to review</source>
        <translation>respuesta recibida: por revisar</translation>
    </message>
    <message>
        <source>awaiting the member&apos;s response</source>
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
        <source>Extend due date…</source>
        <translation>Prorrogar fecha límite…</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Implementado</translation>
    </message>
    <message>
        <source>Member&apos;s response</source>
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
        <source>Member&apos;s response</source>
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
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
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
        <source>The hub&apos;s address must start with https:// or http://.</source>
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
        <source>ctpat-desktop is already open on this data folder ({folder}); use that window. Two windows on one folder would overwrite each other&apos;s work.</source>
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
        <source>Write the selected validation&apos;s worksheet as an Excel workbook</source>
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
        <source>Check a signed report&apos;s signature</source>
        <translation>Comprobar la firma de un informe firmado</translation>
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
        <source>criterion {criterion}: there is no member&apos;s response to accept or reject yet</source>
        <translation>criterio {criterion}: aún no hay una respuesta del socio que aceptar o rechazar</translation>
    </message>
    <message>
        <source>criterion {criterion}: reasons, required action and due date apply only to a not-met finding</source>
        <translation>criterio {criterion}: las razones, la acción requerida y la fecha límite solo corresponden a un hallazgo «No cumple»</translation>
    </message>
    <message>
        <source>criterion {criterion}: a member&apos;s response applies only to a not-met finding</source>
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
        <source>the member&apos;s response</source>
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
        <source>No WebEx link: add one in the validation&apos;s details</source>
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
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send this laptop&apos;s changes to the hub and get the office&apos;s</source>
        <translation>Enviar los cambios de esta computadora al servidor central y recibir los de la oficina</translation>
    </message>
    <message>
        <source>&amp;Log in to hub…</source>
        <translation>&amp;Iniciar sesión en el servidor central…</translation>
    </message>
    <message>
        <source>The hub&apos;s address and your token</source>
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
        <source>The hub refused %n change(s); everything else was synced. They stay on this laptop: correct what the hub names (for another office, set the validation&apos;s office in Edit validation; for a value, change it in the workspace) and sync again.</source>
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
        <source>Show or hide Evidence, Session and Follow-up (in a narrow window they take the checklist&apos;s place)</source>
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
