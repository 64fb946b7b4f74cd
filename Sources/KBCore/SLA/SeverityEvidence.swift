/// A policy phrase found in a ticket's text, and the manual definition it points to.
public struct SeverityEvidence: Sendable, Equatable, CustomStringConvertible {
    public var severity: Int
    /// The policy phrase, as written in the policy (`no puedo acceder al portal`, `llamada*`).
    public var phrase: String
    /// The text it matched, as written in the ticket.
    public var matchedText: String
    /// For `with_failure` phrases: the failure word that made them count, as written in the ticket.
    public var failureText: String?
    /// The manual's definition of the severity, in the policy's language (`text(language:)` takes the reader's).
    public var definition: String

    public init(severity: Int, phrase: String, matchedText: String, failureText: String? = nil, definition: String) {
        self.severity = severity
        self.phrase = phrase
        self.matchedText = matchedText
        self.failureText = failureText
        self.definition = definition
    }

    /// E.g. `severity 2 (Alto impacto: …): "llamadas" matches "llamada*" with failure "fallan"`, the definition in the
    /// policy's language as the CLI prints it.
    public var description: String {
        sentence(language: .english, definition: definition)
    }

    /// The evidence in `language`, the manual's definition in that language too:
    /// `severidad 2 (Alto impacto: …): «llamadas» coincide con «llamada*», con la falla «fallan»`.
    public func text(language: Language) -> String {
        sentence(language: language, definition: SeverityClassifier.definition(of: severity, language: language))
    }

    private func sentence(language: Language, definition: String) -> String {
        var values = ["severity": String(severity), "definition": definition, "matched": matchedText, "phrase": phrase]
        guard let failureText else { return language.catalogue("reason.severity.phrase", values) }
        values["failure"] = failureText
        return language.catalogue("reason.severity.phrase_failure", values)
    }
}
