/// The manual's initial review: is the ticket's information complete and understandable?
///
/// Checks the request for what support needs before it can act: customer, plan, service, when it
/// started, how many users are affected, evidence (screenshots, logs, error codes) and a contact.
public enum MissingInformation {
    /// What the request lacks, each with the question to ask in `language`.
    public static func check(request: IntakeRequest, inferredService: String?, plan: String?,
                             language: Language = .spanish) -> [Suggestion.MissingItem] {
        let words = language.catalogue
        let text = fold(request.text)
        var missing: [Suggestion.MissingItem] = []
        if request.customer == nil {
            missing.append(.init(field: "customer", question: words("intake.missing.customer")))
        }
        if plan == nil {
            missing.append(.init(field: "plan", question: words("intake.missing.plan")))
        }
        if request.service == nil && inferredService == nil {
            missing.append(.init(field: "service", question: words("intake.missing.service")))
        }
        if !containsAny(text, startWords) && !containsTime(text) {
            missing.append(.init(field: "started_at", question: words("intake.missing.started_at")))
        }
        if !containsAny(text, userWords) {
            missing.append(.init(field: "affected_users", question: words("intake.missing.affected_users")))
        }
        if !containsAny(text, evidenceWords) && !containsErrorCode(request.text) {
            missing.append(.init(field: "evidence", question: words("intake.missing.evidence")))
        }
        if contactFinder.findings(in: request.text).allSatisfy({ $0.kind != .email && $0.kind != .phone }) {
            missing.append(.init(field: "contact", question: words("intake.missing.contact")))
        }
        return missing
    }

    /// A message to send the customer asking for what is missing, or nil when nothing is.
    public static func customerMessage(for missing: [Suggestion.MissingItem], language: Language) -> String? {
        guard !missing.isEmpty else { return nil }
        let words = language.catalogue
        let questions = missing.map { item in
            "- " + (words.contains("intake.missing.\(item.field)") ? words["intake.missing.\(item.field)"] : item.question)
        }
        return words["intake.message.opening"] + "\n\n" + questions.joined(separator: "\n") + "\n\n" + words["intake.message.closing"]
    }

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

    /// Built once: an analyzer's Snowball tables and a redactor cost more to build than one request's check.
    private static let codeAnalyzer = Analyzer()
    private static let contactFinder = Redactor()

    /// An error code such as `ERR-401` or `HTTP 500` counts as evidence.
    static func containsErrorCode(_ text: String) -> Bool {
        codeAnalyzer.tokens(text).contains { token in
            token.term.contains("-") && token.term.contains(where: \.isNumber) || token.term.count == 3 && token.term.allSatisfy(\.isNumber)
        }
    }
}
