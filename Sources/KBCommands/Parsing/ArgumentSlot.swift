/// A property the parser fills: `@Option`, `@Flag`, `@Argument` or an `@OptionGroup` of them.
///
/// `label` is the property's name (without the wrapper's `_`): it names the option (`includeArchived` is
/// `--include-archived`) unless the declaration gives a name.
protocol ArgumentSlot {
    /// What the property declares, for the parser and for help.
    func declarations(label: String) -> [ArgumentDeclaration]
    /// Sets the property from the parsed command line; positional arguments are taken from the front of
    /// `positionals` in declaration order.
    func decode(_ parsed: ParsedArguments, label: String, positionals: inout ArraySlice<String>) throws
}

/// One thing a command line may hold.
enum ArgumentDeclaration {
    case option(OptionSpec)
    case argument(ArgumentSpec)
}

extension ArgumentSlot {
    /// `--include-archived` for `includeArchived`.
    static func optionName(_ label: String) -> String {
        var name = "--"
        for character in label {
            if character.isUppercase {
                name += "-" + character.lowercased()
            } else {
                name.append(character)
            }
        }
        return name
    }
}
