/// Customer material: the rendered document, the pack it came from and what was left out.
public struct TrainingResult: Sendable {
    /// The document in the request's format.
    public let document: String
    public let pack: TrainingPack
    /// Articles left out for a reason the writer can fix, as `PATH:LINE: warning: reason`.
    public let warnings: [TrainingWarning]
    /// Frequent requests left out of the FAQ because no validated customer article in the document's language
    /// answers them (their question is the tickets' own wording, for the trainer).
    public let faqLeftOut: [TrainingPack.FAQEntry]
    /// Customer articles left out because they are written in another language than `pack.language`.
    public let otherLanguageCount: Int
    /// The database's path when the workspace has none yet: the FAQ is left out, and customer and agent names
    /// could not be redacted (emails, phones, addresses and secrets still are).
    public let missingDatabase: String?
}
