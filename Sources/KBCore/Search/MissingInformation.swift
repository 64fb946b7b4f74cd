/// The manual's initial review: is the ticket's information complete and understandable?
///
/// Checks the request for what support needs before it can act: customer, plan, service, when it
/// started, how many users are affected, evidence (screenshots, logs, error codes) and a contact.
public enum MissingInformation {
    public static func check(request: IntakeRequest, inferredService: String?, plan: String?) -> [Suggestion.MissingItem] {
        let text = fold(request.text)
        var missing: [Suggestion.MissingItem] = []
        if request.customer == nil {
            missing.append(.init(field: "customer", question: "¿A qué empresa (cliente) corresponde el caso?"))
        }
        if plan == nil {
            missing.append(.init(field: "plan", question: "¿Qué plan de soporte tiene contratado (12x5 o 24x7)?"))
        }
        if request.service == nil && inferredService == nil {
            missing.append(.init(field: "service", question: "¿Qué servicio está afectado (portal, llamadas, webchat, mensajería, reportes…)?"))
        }
        if !containsAny(text, startWords) && !containsTime(text) {
            missing.append(.init(field: "started_at", question: "¿Desde cuándo ocurre (fecha y hora aproximada)?"))
        }
        if !containsAny(text, userWords) {
            missing.append(.init(field: "affected_users", question: "¿Cuántos usuarios están afectados (uno, varios, todos)?"))
        }
        if !containsAny(text, evidenceWords) && !containsErrorCode(request.text) {
            missing.append(.init(field: "evidence", question: "¿Puede adjuntar evidencia: capturas de pantalla, mensajes de error o logs?"))
        }
        if Redactor().findings(in: request.text).allSatisfy({ $0.kind != .email && $0.kind != .phone }) {
            missing.append(.init(field: "contact", question: "¿Con quién nos comunicamos (nombre, correo y teléfono)?"))
        }
        return missing
    }

    /// A message to send the customer asking for what is missing, or nil when nothing is.
    public static func customerMessage(for missing: [Suggestion.MissingItem], language: Language) -> String? {
        guard !missing.isEmpty else { return nil }
        if language == .english {
            let questions = missing.map { "- " + (englishQuestions[$0.field] ?? $0.question) }
            return "Hello,\n\nThank you for your report. To help you faster, please send us:\n\n"
                + questions.joined(separator: "\n") + "\n\nBest regards,\nSupport"
        }
        return "Hola,\n\nGracias por su reporte. Para ayudarle lo antes posible, por favor envíenos:\n\n"
            + missing.map { "- " + $0.question }.joined(separator: "\n") + "\n\nSaludos cordiales,\nEquipo de Soporte"
    }

    static let englishQuestions = [
        "customer": "Which company (customer) is this for?",
        "plan": "Which support plan do you have (12x5 or 24x7)?",
        "service": "Which service is affected (portal, calls, webchat, messaging, reports…)?",
        "started_at": "Since when does it happen (approximate date and time)?",
        "affected_users": "How many users are affected (one, several, all)?",
        "evidence": "Can you attach evidence: screenshots, error messages or logs?",
        "contact": "Whom should we contact (name, email and phone)?",
    ]

    // Whole words or phrases, accents folded; a trailing `*` matches any ending.
    static let startWords = ["desde", "a partir", "empez*", "comenz*", "hoy", "ayer", "esta manana", "esta tarde",
                             "anoche", "hace", "minutos", "horas", "lunes", "martes", "miercoles", "jueves", "viernes",
                             "sabado", "domingo", "since", "today", "yesterday", "this morning", "started", "ago"]
    static let userWords = ["usuari*", "agente*", "todos", "todas", "nadie", "ninguno", "varios", "varias",
                            "clientes", "personas", "operador*", "un solo", "solo un", "user*", "everyone", "nobody",
                            "agent*", "all of"]
    static let evidenceWords = ["captura*", "pantallazo*", "screenshot*", "adjunt*", "imagen*", "log", "logs", "har",
                                "video*", "error", "errores", "mensaje de error", "codigo", "attached", "attachment*",
                                "trace*"]

    /// The text lower-cased, accents folded, words separated by single spaces and padded with spaces.
    static func fold(_ text: String) -> String {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber && $0 != ":" && $0 != "/" }
        return " " + words.joined(separator: " ") + " "
    }

    static func containsAny(_ folded: String, _ words: [String]) -> Bool {
        words.contains { word in
            word.hasSuffix("*") ? folded.contains(" " + word.dropLast()) : folded.contains(" " + word + " ")
        }
    }

    /// `9:15`, `09:15`, `9 am`, `10hrs`, a date like `12/03`.
    static func containsTime(_ folded: String) -> Bool {
        let scalars = Array(folded.unicodeScalars)
        for index in scalars.indices.dropLast(2) where scalars[index].properties.numericType != nil {
            let next = scalars[index + 1]
            if next == ":" || next == "/" { return true }
            if next == " ", index + 3 < scalars.count, (scalars[index + 2] == "a" || scalars[index + 2] == "p"), scalars[index + 3] == "m" { return true }
            if next == "h" { return true }
        }
        return false
    }

    /// An error code such as `ERR-401` or `HTTP 500` counts as evidence.
    static func containsErrorCode(_ text: String) -> Bool {
        Analyzer().tokens(text).contains { token in
            token.term.contains("-") && token.term.contains(where: \.isNumber) || token.term.count == 3 && token.term.allSatisfy(\.isNumber)
        }
    }
}
