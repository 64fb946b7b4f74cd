/// The document formats customer material is rendered in.
public enum TrainingFormat: String, Sendable, CaseIterable, Codable {
    /// Markdown (`training.md` template).
    case markdown = "md"
    /// A self-contained, print-ready HTML page (`training.html` template).
    case html

    /// The name of the template that renders this format.
    public var templateName: String { "training.\(rawValue)" }
}
