/// A file a review command writes: its name (relative to the output folder) and its text.
public struct ReviewDocument: Sendable, Equatable {
    public var fileName: String
    public var text: String

    public init(fileName: String, text: String) {
        self.fileName = fileName
        self.text = text
    }
}
