/// The "how to report an incident" chapter: the support manual's severity scale, the channels that take
/// reports, what a report must say (the intake checklist) and what happens next (the manual's ticket flow).
///
/// The wording is kb's own, fixed per language: it carries no ticket or article text, so it is not redacted.
public struct IncidentReportGuide: Sendable, Equatable {
    /// One level of the manual's severity scale (1 Crítica … 5 Solicitud).
    public struct SeverityLevel: Sendable, Equatable {
        public var level: Int
        /// The manual's name (`Crítica`).
        public var name: String
        /// When the level applies, after the manual.
        public var definition: String
        /// The manual's examples; empty when it gives none.
        public var examples: String

        public init(level: Int, name: String, definition: String, examples: String) {
            self.level = level
            self.name = name
            self.definition = definition
            self.examples = examples
        }
    }

    /// One piece of information a report should carry.
    public struct ChecklistItem: Sendable, Equatable {
        public var label: String
        public var detail: String

        public init(label: String, detail: String) {
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var anchor: String
    public var introduction: String
    /// Where reports are received.
    public var channels: [String]
    public var severities: [SeverityLevel]
    public var checklist: [ChecklistItem]
    /// What support does with the report, in order.
    public var nextSteps: [String]

    public init(title: String, anchor: String, introduction: String, channels: [String], severities: [SeverityLevel],
                checklist: [ChecklistItem], nextSteps: [String]) {
        self.title = title
        self.anchor = anchor
        self.introduction = introduction
        self.channels = channels
        self.severities = severities
        self.checklist = checklist
        self.nextSteps = nextSteps
    }

    /// The chapter title in `language`; its slug is the chapter's anchor unless it collides.
    public static func title(in language: Language) -> String {
        switch language {
        case .spanish: "Cómo reportar un incidente"
        case .english: "How to report an incident"
        }
    }

    /// The guide in `language`, from the support manual (sections 3, 5 and 6), with the given anchor.
    public static func standard(language: Language, anchor: String) -> IncidentReportGuide {
        switch language {
        case .spanish: spanish(anchor: anchor)
        case .english: english(anchor: anchor)
        }
    }

    private static func spanish(anchor: String) -> IncidentReportGuide {
        let scale: [(String, String)] = [
            ("Sin servicio de la plataforma.",
             "No poder acceder al portal, no poder visualizar el login, plataforma sin funcionar."),
            ("Servicio principal con errores de funcionamiento.", "Llamadas, WebChat, Mensajería."),
            ("Servicio funcionando parcialmente o con errores.", ""),
            ("Problemas de funcionalidades secundarias.", "Reportes, estadísticas, etc."),
            ("No hay afectación del servicio.", "Solicitud de cambio de contraseña, documentación, etc."),
        ]
        return IncidentReportGuide(
            title: title(in: .spanish), anchor: anchor,
            introduction: "Reporte cada incidente por uno de los canales de atención. Indique la severidad según la "
                + "tabla siguiente y envíe toda la información de la lista: un reporte completo se atiende antes, "
                + "porque no hay que esperar a que nos envíe los datos que faltan.",
            channels: ["Ticketera", "Correo", "Chat"],
            severities: levels(scale, language: "es"),
            checklist: [
                ChecklistItem(label: "Cliente", detail: "El nombre de su empresa, tal como figura en su contrato."),
                ChecklistItem(label: "Servicio afectado",
                              detail: "Qué servicio falla: portal, llamadas, WebChat, mensajería, reportes…"),
                ChecklistItem(label: "Desde cuándo",
                              detail: "Fecha y hora en que comenzó, con su zona horaria, y si el problema continúa."),
                ChecklistItem(label: "Usuarios afectados",
                              detail: "Cuántos usuarios están afectados: uno, varios o todos."),
                ChecklistItem(label: "Descripción",
                              detail: "Qué ocurre, qué esperaba que ocurriera y los pasos para reproducirlo; copie los "
                                + "mensajes de error tal como aparecen."),
                ChecklistItem(label: "Evidencias",
                              detail: "Capturas de pantalla, registros (logs) u otros archivos que muestren el problema."),
                ChecklistItem(label: "Contacto",
                              detail: "Nombre y correo o teléfono de una persona que pueda responder mientras se "
                                + "atiende el caso."),
                ChecklistItem(label: "Severidad", detail: "La severidad que usted estima, según la tabla anterior."),
            ],
            nextSteps: [
                "Registramos su caso en la ticketera y lo asignamos a la persona responsable según el tipo de "
                    + "requerimiento o incidente.",
                "Revisamos que la información esté completa; si falta algún dato se lo pediremos, y la atención "
                    + "continúa cuando usted responde.",
                "Si el caso requiere un nivel superior o un proveedor externo, lo escalamos y se lo informamos.",
                "Le informamos de los avances y, una vez resuelto, de la solución aplicada.",
                "Cerramos el ticket cuando usted confirma la solución.",
            ])
    }

    private static func english(anchor: String) -> IncidentReportGuide {
        let scale: [(String, String)] = [
            ("The platform is down.", "The portal cannot be reached, the login page does not show, the platform does not work."),
            ("The main service works with errors.", "Calls, WebChat, Messaging."),
            ("The service works partially or with errors.", ""),
            ("Problems with secondary features.", "Reports, statistics, etc."),
            ("The service is not affected.", "Password change requests, documentation, etc."),
        ]
        return IncidentReportGuide(
            title: title(in: .english), anchor: anchor,
            introduction: "Report every incident through one of the support channels. Give its severity from the "
                + "table below and send everything on the list: a complete report is handled sooner, because "
                + "nobody has to wait for missing details.",
            channels: ["Ticketing system", "Email", "Chat"],
            severities: levels(scale, language: "en"),
            checklist: [
                ChecklistItem(label: "Customer", detail: "Your company's name, as it appears on your contract."),
                ChecklistItem(label: "Affected service",
                              detail: "Which service fails: portal, calls, WebChat, messaging, reports…"),
                ChecklistItem(label: "Since when",
                              detail: "The date and time it started, with your time zone, and whether it is still happening."),
                ChecklistItem(label: "Affected users", detail: "How many users are affected: one, several or all."),
                ChecklistItem(label: "Description",
                              detail: "What happens, what you expected to happen and the steps that reproduce it; "
                                + "copy error messages exactly as shown."),
                ChecklistItem(label: "Evidence", detail: "Screenshots, logs or other files that show the problem."),
                ChecklistItem(label: "Contact",
                              detail: "The name and email or phone number of someone who can answer while the case is open."),
                ChecklistItem(label: "Severity", detail: "The severity you estimate, from the table above."),
            ],
            nextSteps: [
                "We register your case in the ticketing system and assign it to the person in charge of that kind of "
                    + "request or incident.",
                "We check that the information is complete; if anything is missing we ask you for it, and work "
                    + "continues when you reply.",
                "If the case needs a higher support level or an external provider, we escalate it and let you know.",
                "We keep you informed of progress and, once it is solved, of the solution applied.",
                "We close the ticket when you confirm the solution.",
            ])
    }

    private static func levels(_ scale: [(String, String)], language: String) -> [SeverityLevel] {
        scale.enumerated().map { index, entry in
            SeverityLevel(level: index + 1, name: Severity.name(index + 1, language: language), definition: entry.0,
                          examples: entry.1)
        }
    }
}
