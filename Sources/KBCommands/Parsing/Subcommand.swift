/// One `kb` subcommand: its spec and what it does.
///
/// Declare new commands as `ParsableCommand`s (typed options); this is the protocol the dispatcher calls.
protocol Subcommand {
    static var spec: CommandSpec { get }
    /// Runs the command; returns the exit code (0 success, 1 failure).
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32
    /// Nested subcommands (`kb article draft`), dispatched by their spec name.
    static var children: [any Subcommand.Type] { get }
}

extension Subcommand {
    static var children: [any Subcommand.Type] { [] }
}
