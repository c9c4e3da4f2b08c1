"""Every fixed text of the validation report, one dictionary per language."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TypedDict

from ctpat_desktop.errors import CtpatError


class Labels(TypedDict):
    """The texts of one language; mypy checks that a new language fills every one."""

    # Dates: "{month}", "{day}" and "{year}" in the order the language writes them.
    months: tuple[str, ...]
    date: str
    moment: str
    # Numbers: the decimal mark, the mark between thousands, a percentage around "{value}".
    decimal_mark: str
    thousands_mark: str
    group_from: int  # the fewest digits whose thousands are marked
    percent: str
    # Running header, footer and document properties.
    title: str
    version: str
    page: str
    page_of: str
    footer_validation: str
    document_title: str
    document_subject: str
    # The marking printed on every page unless the settings name another.
    sensitivity_default: str
    # Cover.
    agency: str
    programme: str
    cover: str
    addressee: str
    member_account: str
    entity_type: str
    mode: str
    validation_date: str
    scss: str
    field_office: str
    catalog: str
    catalog_version: str
    report_version: str
    generated: str
    validation_id: str
    cover_notice: str
    mode_virtual: str
    mode_in_person: str
    mode_hybrid: str
    # Finding statuses and criterion levels.
    status_met: str
    status_not_met: str
    status_exceeds: str
    status_not_applicable: str
    status_not_reviewed: str
    level_must: str
    level_should: str
    # Counted nouns: "_none" for zero, "_one" for exactly one, "_other" for more.
    required_action_none: str
    required_action_one: str
    required_action_other: str
    recommendation_none: str
    recommendation_one: str
    recommendation_other: str
    best_practice_none: str
    best_practice_one: str
    best_practice_other: str
    criterion_none: str
    criterion_one: str
    criterion_other: str
    # Executive summary.
    summary: str
    outcome_required_due: str
    outcome_recommendations: str
    outcome_none: str
    outcome_best_practices: str
    outcome_not_reviewed: str
    status_caption: str
    # How the member answers, by when (a date; a draft counts days), and whom to ask.
    by_date: str
    within_days: str
    due_in_days: str
    respond: str
    respond_required: str
    respond_recommendations: str
    respond_none: str
    contacts: str
    contacts_note: str
    result: str
    criteria: str
    total: str
    # Deficiencies by category.
    categories: str
    categories_caption: str
    category: str
    required_actions_column: str
    recommendations_column: str
    chart_caption: str
    no_chart: str
    # Required actions, recommendations, best practices.
    required_actions: str
    required_actions_intro: str
    no_required_actions: str
    recommendations: str
    recommendations_intro: str
    no_recommendations: str
    best_practices: str
    best_practices_intro: str
    no_best_practices: str
    requirement: str
    finding: str
    evidence_beside: str
    reasons: str
    parts_not_met: str
    required_action: str
    recommendation: str
    due_date: str
    best_practice: str
    finding_must: str
    finding_should: str
    # Results by criterion.
    results: str
    results_intro: str
    criterion_id: str
    criterion: str
    level: str
    # Evidence index.
    evidence: str
    evidence_intro: str
    no_evidence: str
    file_sha256: str
    captured: str
    general: str
    images: str
    images_intro: str
    image_unreadable: str
    # Methodology.
    methodology: str
    methodology_virtual: tuple[str, ...]
    methodology_in_person: tuple[str, ...]
    methodology_hybrid: tuple[str, ...]
    methodology_findings: str
    methodology_sessions: str
    methodology_participants: str
    methodology_evidence: str
    methodology_evidence_one: str
    duration: str
    # Signature.
    signature: str
    signature_statement: str
    signature_role: str
    signature_note: str
    signed_with: str
    approved_by: str
    # An unsigned draft: marked on every page, no signing wording.
    draft_mark: str
    draft_header: str
    draft_signature: str
    draft_not_reviewed: str
    # The signature field, as a screen reader names it.
    signature_alt: str
    # The visit: what was recorded around the checklist (records/kinds.py), and its outcome.
    visit: str
    visit_intro: str
    sites: str
    site_name: str
    site_type: str
    address: str
    country: str
    site_types: Mapping[str, str]
    participants: str
    person: str
    role: str
    organisation: str
    days_present: str
    organisations: Mapping[str, str]
    team: str
    team_roles: Mapping[str, str]
    documents: str
    document: str
    requested: str
    received: str
    interviews: str
    topic: str
    with_whom: str
    when: str
    tour: str
    time: str
    area: str
    site: str
    outcome: str
    proposed: str
    outcome_reason: str
    decision_agreed: str
    decision_changed: str
    decision_note: str
    results_proposed: Mapping[str, str]
    methodology_people: str
    methodology_team: str
    methodology_documents: str
    methodology_tour: str
    methodology_interviews: str


EN: Labels = {
    "months": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "date": "{month} {day}, {year}",
    "moment": "{date}, {time} UTC",
    "decimal_mark": ".",
    "thousands_mark": ",",
    "group_from": 4,
    "percent": "{value}%",
    "title": "CTPAT Validation Report",
    "version": "Version {version}",
    "page": "Page {page}",
    "page_of": "Page {page} of {pages}",
    "footer_validation": "Validation ID {id}",
    "document_title": "CTPAT Validation Report — {member}",
    "document_subject": (
        "Validation of {member} (account {account}) against the CTPAT Minimum Security "
        "Criteria on {date}"
    ),
    "sensitivity_default": (
        "SENSITIVE — CTPAT member security information: share only with those who act on it"
    ),
    "agency": "U.S. Customs and Border Protection",
    "programme": "Customs Trade Partnership Against Terrorism (CTPAT)",
    "cover": "Cover",
    "addressee": "Addressed to",
    "member_account": "CTPAT account number",
    "entity_type": "Entity type",
    "mode": "Validation mode",
    "validation_date": "Validation date",
    "scss": "Supply Chain Security Specialist",
    "field_office": "Field office",
    "catalog": "Minimum Security Criteria",
    "catalog_version": "{name}, version {version}",
    "report_version": "Report version",
    "generated": "Generated",
    "validation_id": "Validation ID",
    "cover_notice": (
        "This report describes the security measures of the member named above and where "
        "they fall short of the CTPAT Minimum Security Criteria. It contains sensitive "
        "information: share it only with the people who need it to act on the findings."
    ),
    "mode_virtual": "Virtual",
    "mode_in_person": "In person",
    "mode_hybrid": "Hybrid (virtual and on site)",
    "status_met": "Met",
    "status_not_met": "Not met",
    "status_exceeds": "Exceeds (best practice)",
    "status_not_applicable": "Not applicable",
    "status_not_reviewed": "Not reviewed",
    "level_must": "Must",
    "level_should": "Should",
    "required_action_none": "no required actions",
    "required_action_one": "{n} required action",
    "required_action_other": "{n} required actions",
    "recommendation_none": "no recommendations",
    "recommendation_one": "{n} recommendation",
    "recommendation_other": "{n} recommendations",
    "best_practice_none": "no best practices",
    "best_practice_one": "{n} best practice",
    "best_practice_other": "{n} best practices",
    "criterion_none": "no criteria",
    "criterion_one": "{n} criterion",
    "criterion_other": "{n} criteria",
    "summary": "Executive summary",
    "outcome_required_due": (
        "The validation found {required} and {recommendations}. The member must respond "
        "in writing {due}, explaining how each required action has been or will be "
        "corrected."
    ),
    "outcome_recommendations": (
        "The validation found no required actions and {recommendations}. The member is "
        "encouraged to act on each recommendation."
    ),
    "outcome_none": (
        "The validation found no deficiencies: every criterion reviewed was met, exceeded "
        "or not applicable."
    ),
    "outcome_best_practices": "The validation also recognised {best_practices}.",
    "outcome_not_reviewed": "Criteria not reviewed: {n} of {total}.",
    "status_caption": "Results for the {criteria} of the catalog, by finding status.",
    "by_date": "by {date}",
    "within_days": "within {days} days of the report's issue",
    "due_in_days": "{days} days from issue",
    "respond": "How to respond",
    "respond_required": (
        "Respond through the CTPAT Portal {due}, the earliest due date of the required "
        "actions below. For each required action, say how it has been or will be corrected "
        "and attach the evidence; each has its own due date."
    ),
    "respond_recommendations": (
        "No written response is required. You may say through the CTPAT Portal how you act "
        "on the recommendations below."
    ),
    "respond_none": "No written response is required.",
    "contacts": "Contacts",
    "contacts_note": (
        "Questions about this report go to the Supply Chain Security Specialist named above."
    ),
    "result": "Result",
    "criteria": "Criteria",
    "total": "Total",
    "categories": "Deficiencies by category",
    "categories_caption": "Criteria not met, by criteria category.",
    "category": "Criteria category",
    "required_actions_column": "Required actions",
    "recommendations_column": "Recommendations",
    "chart_caption": "Required actions and recommendations per criteria category.",
    "no_chart": "No criterion was found not met, so there is nothing to chart.",
    "required_actions": "Required actions",
    "required_actions_intro": (
        "A required action is a Must criterion that the member does not meet. The member "
        "must correct each one and answer in writing by its due date."
    ),
    "no_required_actions": "The validation found no required actions.",
    "recommendations": "Recommendations",
    "recommendations_intro": (
        "A recommendation is a Should criterion that the member does not meet. Acting on "
        "it is not mandatory, but it strengthens the member's supply chain security."
    ),
    "no_recommendations": "The validation found no recommendations.",
    "best_practices": "Best practices",
    "best_practices_intro": (
        "A best practice goes beyond the criterion. It has the support of senior "
        "management, uses an innovative technology or process, is documented, has checks "
        "and balances, and shows evidence of implementation."
    ),
    "no_best_practices": "The validation recognised no best practices.",
    "requirement": "Requirement",
    "finding": "Finding",
    "evidence_beside": "Evidence",
    "reasons": "Reasons",
    "parts_not_met": "Parts not met",
    "required_action": "Required action",
    "recommendation": "Recommendation",
    "due_date": "Due date",
    "best_practice": "Best practice",
    "finding_must": "The member did not show that this requirement is in place.",
    "finding_should": "The member did not show that this recommended practice is in place.",
    "results": "Results by criterion",
    "results_intro": (
        "Every criterion of the {catalog} catalog, version {version}, with its level "
        "(Must is a requirement, Should a recommendation) and the result of the validation."
    ),
    "criterion_id": "ID",
    "criterion": "Criterion",
    "level": "Level",
    "evidence": "Evidence index",
    "evidence_intro": (
        "Files the member sent or showed during the validation. The SHA-256 fingerprint "
        "identifies each file exactly; the files are kept with the validation record."
    ),
    "no_evidence": "No evidence was recorded for this validation.",
    "file_sha256": "File and SHA-256 fingerprint",
    "captured": "Captured",
    "general": "General",
    "images": "Images",
    "images_intro": (
        "Reduced copies of the image evidence; the index above identifies the original files."
    ),
    "image_unreadable": "(image could not be read)",
    "methodology": "Methodology",
    "methodology_virtual": (
        "The validation was conducted virtually, in a WebEx session between the member's "
        "staff and the Supply Chain Security Specialist.",
    ),
    "methodology_in_person": (
        "The validation was conducted in person: the Supply Chain Security Specialist "
        "visited the member's facilities.",
    ),
    "methodology_hybrid": (
        "The validation combined a virtual session in WebEx with a visit to the member's "
        "facilities by the Supply Chain Security Specialist.",
    ),
    "methodology_sessions": "The session time recorded was {duration}, on {days}.",
    "methodology_participants": "Taking part for the member: {names}.",
    "methodology_evidence": (
        "{count} items of evidence were recorded during the validation (see Evidence)."
    ),
    "methodology_evidence_one": (
        "One item of evidence was recorded during the validation (see Evidence)."
    ),
    "duration": "{hours} h {minutes:02d} min",
    "methodology_findings": (
        "Each criterion was checked against what the member showed and recorded as met, "
        "not met, exceeds (a best practice) or not applicable. A Must criterion not met "
        "is a required action; a Should criterion not met is a recommendation."
    ),
    "signature": "Signature",
    "signature_statement": (
        "I conducted this validation and prepared this report on behalf of U.S. Customs "
        "and Border Protection."
    ),
    "signature_role": "Supply Chain Security Specialist",
    "signature_note": (
        "Digitally signed. To check the signature, open this file in Adobe Acrobat Reader "
        "and click Signature Panel: it must say that the signature is valid and that the "
        "document has not been modified since it was signed. (CBP staff: ctpat-desktop "
        "verify.)"
    ),
    "signed_with": "Signed with the certificate of {signer}.",
    "approved_by": "Approved by {name}, supervisor, on {date}.",
    "draft_mark": "DRAFT",
    "draft_header": "DRAFT — not signed, not issued: for review only",
    "draft_signature": (
        "This is a draft. It is not signed and not issued: the report is signed once a "
        "supervisor has approved the validation."
    ),
    "draft_not_reviewed": "Draft: {count} of {total} criteria not reviewed yet.",
    "signature_alt": "Digital signature of {name}",
    "visit": "Visit",
    "visit_intro": (
        "What was recorded during the validation; what was not recorded is not listed."
    ),
    "sites": "Sites",
    "site_name": "Site",
    "site_type": "Type",
    "address": "Address",
    "country": "Country",
    "site_types": {
        "facility": "Facility",
        "warehouse": "Warehouse",
        "office": "Office",
        "terminal": "Terminal",
        "other": "Other",
    },
    "participants": "Participants",
    "person": "Name",
    "role": "Role",
    "organisation": "Organisation",
    "days_present": "Days present",
    "organisations": {"member": "Member", "cbp": "CBP"},
    "team": "CBP team",
    "team_roles": {"scss": "SCSS", "co-scss": "Co-SCSS", "observer": "Observer"},
    "documents": "Documents requested",
    "document": "Document",
    "requested": "Requested",
    "received": "Received",
    "interviews": "Interviews",
    "topic": "Topic",
    "with_whom": "With",
    "when": "When",
    "tour": "Tour log",
    "time": "Time",
    "area": "Area shown",
    "site": "Site",
    "outcome": "Outcome",
    "proposed": "Result proposed by the Supply Chain Security Specialist: {result}.",
    "outcome_reason": "Reason: {reason}",
    "decision_agreed": "The supervisor agreed with the proposed result on {date}.",
    "decision_changed": "The supervisor changed the result to {result} on {date}.",
    "decision_note": "Supervisor's note: {note}",
    "results_proposed": {
        "continued-certification": "Continued certification",
        "tier-2": "Tier 2 (validated)",
        "tier-3": "Tier 3 (exceeds the criteria)",
        "suspension-proposal": "Proposal to suspend",
        "removal-proposal": "Proposal to remove",
    },
    "methodology_people": "Taking part: {people}.",
    "methodology_team": "For CBP: {people}.",
    "methodology_documents": (
        "Documents requested from the member: {requested}; received: {received} (see Visit)."
    ),
    "methodology_tour": "Areas shown on the tour: {areas}.",
    "methodology_interviews": "Interviews recorded: {count} (see Visit).",
}

ES: Labels = {
    "months": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "date": "{day} de {month} de {year}",
    "moment": "{date}, {time} UTC",
    "decimal_mark": ",",
    # Spanish groups thousands with a space, and only from five digits on: 1250, 12\u00a0500.
    "thousands_mark": "\u00a0",
    "group_from": 5,
    "percent": "{value}\u00a0%",
    "title": "Informe de Validación CTPAT",
    "version": "Versión {version}",
    "page": "Página {page}",
    "page_of": "Página {page} de {pages}",
    "footer_validation": "ID de validación {id}",
    "document_title": "Informe de Validación CTPAT — {member}",
    "document_subject": (
        "Validación de {member} (cuenta {account}) conforme a los Criterios de seguridad "
        "mínimos de CTPAT, el {date}"
    ),
    "sensitivity_default": (
        "SENSIBLE — información de seguridad de un socio CTPAT: compártala solo con quien "
        "deba atenderla"
    ),
    "agency": "Oficina de Aduanas y Protección Fronteriza de los EE. UU. (CBP)",
    "programme": "Alianza Aduanas-Comercio contra el Terrorismo (CTPAT)",
    "cover": "Portada",
    "addressee": "Dirigido a",
    "member_account": "Número de cuenta CTPAT",
    "entity_type": "Tipo de entidad",
    "mode": "Modalidad de la validación",
    "validation_date": "Fecha de la validación",
    "scss": "Especialista en Seguridad de la Cadena de Suministro (SCSS)",
    "field_office": "Oficina de campo",
    # CBP's own Spanish title of the MSC documents ("Criterios de seguridad mínimos").
    "catalog": "Criterios de seguridad mínimos",
    "catalog_version": "{name}, versión {version}",
    "report_version": "Versión del informe",
    "generated": "Generado",
    "validation_id": "ID de validación",
    "cover_notice": (
        "Este informe describe las medidas de seguridad del socio arriba nombrado y los "
        "puntos en que no cumplen los Criterios de seguridad mínimos de CTPAT. Contiene "
        "información sensible: compártalo solo con las personas que lo necesiten para "
        "atender los hallazgos."
    ),
    "mode_virtual": "Virtual",
    "mode_in_person": "Presencial",
    "mode_hybrid": "Híbrida (virtual y en sitio)",
    "status_met": "Cumple",
    "status_not_met": "No cumple",
    "status_exceeds": "Excede (mejor práctica)",
    "status_not_applicable": "No aplica",
    "status_not_reviewed": "No revisado",
    "level_must": "Debe",
    "level_should": "Debería",
    "required_action_none": "ninguna acción requerida",
    "required_action_one": "{n} acción requerida",
    "required_action_other": "{n} acciones requeridas",
    "recommendation_none": "ninguna recomendación",
    "recommendation_one": "{n} recomendación",
    "recommendation_other": "{n} recomendaciones",
    "best_practice_none": "ninguna mejor práctica",
    "best_practice_one": "{n} mejor práctica",
    "best_practice_other": "{n} mejores prácticas",
    "criterion_none": "ningún criterio",
    "criterion_one": "{n} criterio",
    "criterion_other": "{n} criterios",
    "summary": "Resumen ejecutivo",
    "outcome_required_due": (
        "La validación encontró {required} y {recommendations}. El socio debe responder "
        "por escrito {due}, explicando cómo se ha corregido o se corregirá cada acción "
        "requerida."
    ),
    "outcome_recommendations": (
        "La validación no encontró acciones requeridas y encontró {recommendations}. Se "
        "invita al socio a atender cada recomendación."
    ),
    "outcome_none": (
        "La validación no encontró deficiencias: cada criterio revisado se cumple, se "
        "excede o no aplica."
    ),
    "outcome_best_practices": "La validación también reconoció {best_practices}.",
    "outcome_not_reviewed": "Criterios no revisados: {n} de {total}.",
    "status_caption": "Resultados de los {criteria} del catálogo, por resultado del hallazgo.",
    "by_date": "a más tardar el {date}",
    "within_days": "dentro de los {days} días siguientes a la emisión del informe",
    "due_in_days": "{days} días desde la emisión",
    "respond": "Cómo responder",
    "respond_required": (
        "Responda a través del Portal CTPAT {due}, la fecha límite más próxima de las "
        "acciones requeridas siguientes. Para cada acción requerida, indique cómo se ha "
        "corregido o se corregirá y adjunte la evidencia; cada una tiene su propia fecha "
        "límite."
    ),
    "respond_recommendations": (
        "No se requiere respuesta por escrito. Puede indicar a través del Portal CTPAT cómo "
        "atiende las recomendaciones siguientes."
    ),
    "respond_none": "No se requiere respuesta por escrito.",
    "contacts": "Contactos",
    "contacts_note": (
        "Las preguntas sobre este informe se dirigen al Especialista en Seguridad de la "
        "Cadena de Suministro arriba nombrado."
    ),
    "result": "Resultado",
    "criteria": "Criterios",
    "total": "Total",
    "categories": "Deficiencias por categoría",
    "categories_caption": "Criterios que no se cumplen, por categoría de criterios.",
    "category": "Categoría de criterios",
    "required_actions_column": "Acciones requeridas",
    "recommendations_column": "Recomendaciones",
    "chart_caption": "Acciones requeridas y recomendaciones por categoría de criterios.",
    "no_chart": "Ningún criterio resultó incumplido, así que no hay nada que graficar.",
    "required_actions": "Acciones requeridas",
    "required_actions_intro": (
        "Una acción requerida es un criterio «Debe» que el socio no cumple. El socio debe "
        "corregir cada una y responder por escrito a más tardar en su fecha límite."
    ),
    "no_required_actions": "La validación no encontró acciones requeridas.",
    "recommendations": "Recomendaciones",
    "recommendations_intro": (
        "Una recomendación es un criterio «Debería» que el socio no cumple. Atenderla no "
        "es obligatorio, pero fortalece la seguridad de la cadena de suministro del socio."
    ),
    "no_recommendations": "La validación no encontró recomendaciones.",
    "best_practices": "Mejores prácticas",
    "best_practices_intro": (
        "Una mejor práctica va más allá del criterio. Cuenta con el apoyo de la alta "
        "dirección, emplea una tecnología o un proceso innovador, está documentada, tiene "
        "controles y rendición de cuentas, y muestra evidencia de su implementación."
    ),
    "no_best_practices": "La validación no reconoció mejores prácticas.",
    "requirement": "Requisito",
    "finding": "Hallazgo",
    "evidence_beside": "Evidencia",
    "reasons": "Razones",
    "parts_not_met": "Partes no cumplidas",
    "required_action": "Acción requerida",
    "recommendation": "Recomendación",
    "due_date": "Fecha límite",
    "best_practice": "Mejor práctica",
    "finding_must": "El socio no demostró que este requisito esté implementado.",
    "finding_should": "El socio no demostró que esta práctica recomendada esté implementada.",
    "results": "Resultados por criterio",
    "results_intro": (
        "Cada criterio del catálogo {catalog}, versión {version}, con su nivel (Debe es un "
        "requisito; Debería, una recomendación) y el resultado de la validación."
    ),
    "criterion_id": "ID",
    "criterion": "Criterio",
    "level": "Nivel",
    "evidence": "Índice de evidencias",
    "evidence_intro": (
        "Archivos que el socio envió o mostró durante la validación. La huella SHA-256 "
        "identifica cada archivo con exactitud; los archivos se conservan con el registro "
        "de la validación."
    ),
    "no_evidence": "No se registró evidencia para esta validación.",
    "file_sha256": "Archivo y huella SHA-256",
    "captured": "Capturado",
    "general": "General",
    "images": "Imágenes",
    "images_intro": (
        "Copias reducidas de las evidencias en imagen; el índice anterior identifica los "
        "archivos originales."
    ),
    "image_unreadable": "(no se pudo leer la imagen)",
    "methodology": "Metodología",
    "methodology_virtual": (
        "La validación se realizó de forma virtual, en una sesión de WebEx entre el personal "
        "del socio y el Especialista en Seguridad de la Cadena de Suministro.",
    ),
    "methodology_in_person": (
        "La validación se realizó de forma presencial: el Especialista en Seguridad de la "
        "Cadena de Suministro visitó las instalaciones del socio.",
    ),
    "methodology_hybrid": (
        "La validación combinó una sesión virtual en WebEx con una visita del Especialista "
        "en Seguridad de la Cadena de Suministro a las instalaciones del socio.",
    ),
    "methodology_sessions": "El tiempo de sesión registrado fue de {duration}, el {days}.",
    "methodology_participants": "Participaron por parte del socio: {names}.",
    "methodology_evidence": (
        "Durante la validación se registraron {count} elementos de evidencia (véase Evidencia)."
    ),
    "methodology_evidence_one": (
        "Durante la validación se registró un elemento de evidencia (véase Evidencia)."
    ),
    "duration": "{hours} h {minutes:02d} min",
    "methodology_findings": (
        "Cada criterio se contrastó con lo que el socio demostró y se registró como cumple, "
        "no cumple, excede (una mejor práctica) o no aplica. Un criterio «Debe» que no se "
        "cumple es una acción requerida; un criterio «Debería» que no se cumple es una "
        "recomendación."
    ),
    "signature": "Firma",
    "signature_statement": (
        "Realicé esta validación y elaboré este informe en nombre de la Oficina de Aduanas y "
        "Protección Fronteriza de los EE. UU."
    ),
    "signature_role": "Especialista en Seguridad de la Cadena de Suministro",
    "signature_note": (
        "Firmado digitalmente. Para comprobar la firma, abra este archivo en Adobe Acrobat "
        "Reader y pulse Panel de firma: debe indicar que la firma es válida y que el "
        "documento no se ha modificado desde que se firmó. (Personal de CBP: ctpat-desktop "
        "verify.)"
    ),
    "signed_with": "Firmado con el certificado de {signer}.",
    "approved_by": "Aprobado por {name}, supervisor, el {date}.",
    "draft_mark": "BORRADOR",
    "draft_header": "BORRADOR — sin firmar ni emitir: solo para revisión",
    "draft_signature": (
        "Este es un borrador. No está firmado ni emitido: el informe se firma cuando un "
        "supervisor ha aprobado la validación."
    ),
    "draft_not_reviewed": "Borrador: {count} de {total} criterios aún sin revisar.",
    "signature_alt": "Firma digital de {name}",
    "visit": "Visita",
    "visit_intro": (
        "Lo que se registró durante la validación; lo que no se registró no se enumera."
    ),
    "sites": "Sitios",
    "site_name": "Sitio",
    "site_type": "Tipo",
    "address": "Dirección",
    "country": "País",
    "site_types": {
        "facility": "Instalación",
        "warehouse": "Almacén",
        "office": "Oficina",
        "terminal": "Terminal",
        "other": "Otro",
    },
    "participants": "Participantes",
    "person": "Nombre",
    "role": "Cargo",
    "organisation": "Organización",
    "days_present": "Días presente",
    "organisations": {"member": "Socio", "cbp": "CBP (Aduanas)"},
    "team": "Equipo de CBP",
    "team_roles": {"scss": "SCSS", "co-scss": "SCSS adjunto", "observer": "Observador"},
    "documents": "Documentos solicitados",
    "document": "Documento",
    "requested": "Solicitado",
    "received": "Recibido",
    "interviews": "Entrevistas",
    "topic": "Tema",
    "with_whom": "Con",
    "when": "Cuándo",
    "tour": "Registro del recorrido",
    "time": "Hora",
    "area": "Área mostrada",
    "site": "Sitio",
    "outcome": "Resultado",
    "proposed": (
        "Resultado propuesto por el Especialista en Seguridad de la Cadena de Suministro: {result}."
    ),
    "outcome_reason": "Motivo: {reason}",
    "decision_agreed": "El supervisor aprobó el resultado propuesto el {date}.",
    "decision_changed": "El supervisor cambió el resultado a {result} el {date}.",
    "decision_note": "Nota del supervisor: {note}",
    "results_proposed": {
        "continued-certification": "Continuación de la certificación",
        "tier-2": "Nivel 2 (validado)",
        "tier-3": "Nivel 3 (supera los criterios)",
        "suspension-proposal": "Propuesta de suspensión",
        "removal-proposal": "Propuesta de baja",
    },
    "methodology_people": "Participaron: {people}.",
    "methodology_team": "Por parte de CBP: {people}.",
    "methodology_documents": (
        "Documentos solicitados al socio: {requested}; recibidos: {received} (véase Visita)."
    ),
    "methodology_tour": "Áreas mostradas en el recorrido: {areas}.",
    "methodology_interviews": "Entrevistas registradas: {count} (véase Visita).",
}

LANGUAGES: dict[str, Labels] = {"en": EN, "es": ES}


def labels(language: str) -> Labels:
    """The texts of a language, or a CtpatError naming the languages there are."""
    try:
        return LANGUAGES[language]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise CtpatError(f"no report texts in language '{language}'; use one of: {known}") from None


def counted(n: int, none: str, one: str, other: str) -> str:
    """A count with its noun: counted(n, t["x_none"], t["x_one"], t["x_other"])."""
    return (none if n == 0 else one if n == 1 else other).format(n=n)


def format_date(value: date, text: Labels) -> str:
    """A date as the language writes it: "May 18, 2026"."""
    month = text["months"][value.month - 1]
    return text["date"].format(month=month, day=value.day, year=value.year)


def format_number(value: float, text: Labels, decimals: int = 0) -> str:
    """A number as the language writes it: 12,500.5 in English, 12 500,5 in Spanish."""
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    if len(whole) >= text["group_from"]:
        groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)]
        whole = text["thousands_mark"].join(reversed(groups))
    sign = "-" if value < 0 and float(f"{abs(value):.{decimals}f}") else ""
    return sign + whole + (text["decimal_mark"] + fraction if fraction else "")


def format_percent(value: float, text: Labels, decimals: int = 1) -> str:
    """A percentage (12.5 for 12.5 %) as the language writes it: "12.5%", "12,5 %"."""
    return text["percent"].format(value=format_number(value, text, decimals))


def format_moment(value: str, text: Labels) -> str:
    """An ISO 8601 timestamp as a date and a UTC time (naive ones are UTC); else as given."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    day = format_date(moment.date(), text)
    return text["moment"].format(date=day, time=moment.strftime("%H:%M"))
