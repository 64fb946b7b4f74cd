/// Phrases that point to one severity of the manual's scale.
///
/// Phrases match whole words, ignoring case and accents; a trailing `*` on a word matches any ending
/// (`intermitent*` matches `intermitente` and `intermittent`).
public struct SeverityKeywords: Sendable, Equatable {
    /// Phrases that are evidence on their own (JSON `phrases`).
    public var phrases: [String]
    /// Phrases that are evidence only when the text also has a failure word (JSON `with_failure`),
    /// e.g. `llamadas` counts for severity 2 in "las llamadas fallan" but not in "configurar llamadas".
    public var withFailure: [String]

    public init(phrases: [String], withFailure: [String] = []) {
        self.phrases = phrases
        self.withFailure = withFailure
    }
}
