import Foundation

extension String {
    /// The text with `\r\n` and `\r` turned into `\n`.
    func replacingNewlineSequences() -> String {
        guard utf8.contains(13) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
