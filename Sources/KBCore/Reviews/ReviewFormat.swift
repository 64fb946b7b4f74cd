/// The document formats a review is written in.
public enum ReviewFormat: String, Sendable, CaseIterable {
    case md, html, json

    /// The file name extension of a document in this format.
    public var fileExtension: String { rawValue }
}
