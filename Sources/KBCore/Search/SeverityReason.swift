/// Why `kb suggest` suggests a severity: structured, so each reader gets it in its language (`text(language:)`)
/// and programs read its `kind` and values (`write(to:language:)`).
public enum SeverityReason: Sendable, Equatable {
    /// A policy phrase of the manual's severity definitions found in the text.
    case phrase(SeverityEvidence)
    /// `count` of the `of` most similar past tickets had `severity`.
    case similarTickets(count: Int, of: Int, severity: Int)
    /// The text names two levels and most similar past tickets had the less severe one, which the text also
    /// matches (`matchedText`): that level was chosen.
    case similarTicketsChosen(severity: Int, matchedText: String)
    /// Nothing matched and nothing similar was found: severity 3 until more is known.
    case noEvidence

    /// The machine name of the reason (`policy_phrase`, `similar_tickets`, `similar_tickets_chosen`, `no_evidence`).
    public var kind: String {
        switch self {
        case .phrase: "policy_phrase"
        case .similarTickets: "similar_tickets"
        case .similarTicketsChosen: "similar_tickets_chosen"
        case .noEvidence: "no_evidence"
        }
    }

    /// The reason as a sentence in `language` (English is what the CLI prints).
    public func text(language: Language) -> String {
        let words = language.catalogue
        switch self {
        case let .phrase(evidence):
            return evidence.text(language: language)
        case let .similarTickets(count, total, severity):
            return words("reason.severity.similar", ["count": String(count), "total": String(total), "severity": String(severity)])
        case let .similarTicketsChosen(severity, matchedText):
            return words("reason.severity.similar_chosen", ["severity": String(severity), "matched": matchedText])
        case .noEvidence:
            return words("reason.severity.none")
        }
    }

    /// `{"kind", …values, "text"}`, the text in `language`.
    public func write(to writer: inout JSONWriter, language: Language) {
        writer.beginObject()
        writer.member("kind", kind)
        switch self {
        case let .phrase(evidence):
            writer.member("severity", evidence.severity)
            writer.member("phrase", evidence.phrase)
            writer.member("matched", evidence.matchedText)
            writer.member("failure", evidence.failureText)
        case let .similarTickets(count, total, severity):
            writer.member("severity", severity)
            writer.member("count", count)
            writer.member("similar_tickets", total)
        case let .similarTicketsChosen(severity, matchedText):
            writer.member("severity", severity)
            writer.member("matched", matchedText)
        case .noEvidence:
            break
        }
        writer.member("text", text(language: language))
        writer.endObject()
    }
}
