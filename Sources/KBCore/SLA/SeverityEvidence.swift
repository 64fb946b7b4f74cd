/// A policy phrase found in a ticket's text, and the manual definition it points to.
public struct SeverityEvidence: Sendable, Equatable, CustomStringConvertible {
    public var severity: Int
    /// The policy phrase, as written in the policy (`no puedo acceder al portal`, `llamada*`).
    public var phrase: String
    /// The text it matched, as written in the ticket.
    public var matchedText: String
    /// For `with_failure` phrases: the failure word that made them count, as written in the ticket.
    public var failureText: String?
    /// The manual's definition of the severity, in the policy's language.
    public var definition: String

    public init(severity: Int, phrase: String, matchedText: String, failureText: String? = nil, definition: String) {
        self.severity = severity
        self.phrase = phrase
        self.matchedText = matchedText
        self.failureText = failureText
        self.definition = definition
    }

    /// E.g. `severity 2 (Alto impacto: …): "llamadas" matches "llamada*" with failure "fallan"`.
    public var description: String {
        var text = "severity \(severity) (\(definition)): \"\(matchedText)\" matches \"\(phrase)\""
        if let failureText { text += " with failure \"\(failureText)\"" }
        return text
    }
}
