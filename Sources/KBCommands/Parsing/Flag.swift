/// An option without a value, true when given: `@Flag(help: "Print the result as JSON.") var json: Bool`.
@propertyWrapper
struct Flag: ArgumentSlot {
    private let box = ArgumentBox<Bool>()
    private let name: String?
    private let help: String

    var wrappedValue: Bool { box.decoded }

    init(name: String? = nil, help: String) {
        self.name = name
        self.help = help
    }

    func declarations(label: String) -> [ArgumentDeclaration] {
        [.option(.flag(name ?? Self.optionName(label), help: help))]
    }

    func decode(_ parsed: ParsedArguments, label: String, positionals: inout ArraySlice<String>) throws {
        box.value = parsed.flag(name ?? Self.optionName(label))
    }
}
