/// Every input of an import that could not be opened or told apart, found before anything was read: an import is
/// refused as a whole, listing all of them rather than one per run.
public struct ImportInputErrors: Error, CustomStringConvertible {
    /// One error per input (`TicketError.unreadable`, `ImportFormatError`…), in the order the inputs were given.
    public let problems: [any Error]

    /// One line per input, each `FILE: error: …` or `error: …`.
    public var description: String {
        problems.map { problem in
            let text = String(describing: problem)
            return text.contains(": error: ") ? text : "error: " + text
        }.joined(separator: "\n")
    }
}
