/// Every input of an import that could not be opened or told apart, found before anything was read: an import is
/// refused as a whole, listing all of them rather than one per run.
public struct ImportInputErrors: Error, CustomStringConvertible {
    /// One error per input (`TicketError.unreadable`, `ImportFormatError`…), in the order the inputs were given.
    public let problems: [any Error]

    /// One diagnostic per input, each printed on its own line.
    public var diagnostics: [Diagnostic] { problems.map(Diagnostic.init) }

    public var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}
