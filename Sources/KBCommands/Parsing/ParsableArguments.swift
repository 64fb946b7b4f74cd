/// A set of command-line options and arguments declared as properties (`@Option`, `@Flag`, `@Argument`,
/// `@OptionGroup`), decoded once from the command line and checked by `validate()` before the command runs.
protocol ParsableArguments {
    /// A value with every property undecoded; the parser fills it.
    init()
    /// Checks the values against each other (`--json` with `--format md`, `--until` without `--since`) and throws
    /// a `UsageError` when they do not fit; runs after every value is decoded and before `run`.
    func validate() throws
}

extension ParsableArguments {
    func validate() throws {}

    /// The declared properties, in declaration order, with their labels.
    private var slots: [(label: String, slot: any ArgumentSlot)] {
        Mirror(reflecting: self).children.compactMap { child in
            guard let slot = child.value as? any ArgumentSlot, let label = child.label else { return nil }
            return (String(label.drop(while: { $0 == "_" })), slot)
        }
    }

    /// What the properties declare, for the parser and for help.
    var declarations: [ArgumentDeclaration] {
        slots.flatMap { $0.slot.declarations(label: $0.label) }
    }

    /// Fills every property from `parsed`, positional arguments in declaration order.
    func decode(_ parsed: ParsedArguments, positionals: inout ArraySlice<String>) throws {
        for (label, slot) in slots {
            try slot.decode(parsed, label: label, positionals: &positionals)
        }
    }
}
