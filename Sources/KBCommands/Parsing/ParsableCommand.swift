/// A `kb` subcommand declared as a value: its configuration, its options as properties, `validate()` for the
/// checks between them, and `run` for the work.
///
/// Options are decoded once, before `run`; a bad value or a failed validation is a usage error (exit 64 with the
/// usage line). Help is rendered from the same declarations, so a default is written once.
protocol ParsableCommand: ParsableArguments, Subcommand {
    static var configuration: CommandConfiguration { get }
    /// Does the work with the decoded options; returns the exit code (0 success, 1 failure).
    func run(_ context: CommandContext) throws -> Int32
}

extension ParsableCommand {
    static var spec: CommandSpec {
        var options: [OptionSpec] = []
        var arguments: [ArgumentSpec] = []
        for declaration in Self().declarations {
            switch declaration {
            case .option(let option): options.append(option)
            case .argument(let argument): arguments.append(argument)
            }
        }
        return CommandSpec(name: configuration.name, abstract: configuration.abstract, discussion: configuration.discussion,
                           arguments: arguments, options: options, subcommands: children.map { $0.spec },
                           examples: configuration.examples)
    }

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let command = Self()
        var positionals = arguments.positionals[...]
        try command.decode(arguments, positionals: &positionals)
        try command.validate()
        return try command.run(context)
    }
}
