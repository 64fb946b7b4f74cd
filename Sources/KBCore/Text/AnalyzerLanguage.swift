/// The language whose stemmer an analyzer applies to words.
public enum AnalyzerLanguage: String, Sendable, CaseIterable, Codable {
    /// Spanish, the team's language and the default.
    case spanish = "es"
    /// English (Porter2).
    case english = "en"
}
