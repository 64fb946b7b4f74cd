/// A language kb reads and writes: the analyzer's stemmer, an article's or ticket's language, the
/// documents' words and the redactor's placeholders. The raw value is the ISO 639-1 code used in files.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Spanish, the team's language and the default.
    case spanish = "es"
    /// English (Porter2 stemmer).
    case english = "en"

    /// The ISO 639-1 code (`es`, `en`), as written in front matter, policy files and `lang` attributes.
    public var code: String { rawValue }
}
