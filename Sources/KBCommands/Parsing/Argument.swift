/// A positional argument: `@Argument(help: "The ticket id.") var ticket: String`.
///
/// A `String` is required, a `String?` optional, a `[String]` takes every remaining argument (at least one unless
/// declared `= []`). Arguments are taken in declaration order.
@propertyWrapper
struct Argument<Value>: ArgumentSlot {
    private let box = ArgumentBox<Value>()
    private let name: String?
    private let help: String
    private let isOptional: Bool
    private let isRepeating: Bool
    private let take: (inout ArraySlice<String>) -> Value

    var wrappedValue: Value { box.decoded }

    /// A required argument.
    init(name: String? = nil, help: String) where Value == String {
        self.init(name: name, help: help, optional: false, repeating: false) { $0.popFirst() ?? "" }
    }

    /// An argument that may be left out.
    init(name: String? = nil, help: String) where Value == String? {
        self.init(name: name, help: help, optional: true, repeating: false) { $0.popFirst() }
    }

    /// One or more arguments.
    init(name: String? = nil, help: String) where Value == [String] {
        self.init(name: name, help: help, optional: false, repeating: true) { Self.takeAll(&$0) }
    }

    /// Any number of arguments, none included (`= []`).
    init(wrappedValue: [String], name: String? = nil, help: String) where Value == [String] {
        self.init(name: name, help: help, optional: true, repeating: true) { Self.takeAll(&$0) }
    }

    private init(name: String?, help: String, optional: Bool, repeating: Bool, take: @escaping (inout ArraySlice<String>) -> Value) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isRepeating = repeating
        self.take = take
    }

    private static func takeAll(_ positionals: inout ArraySlice<String>) -> [String] {
        defer { positionals.removeAll() }
        return Array(positionals)
    }

    func declarations(label: String) -> [ArgumentDeclaration] {
        [.argument(ArgumentSpec(name ?? label, help: help, optional: isOptional, repeating: isRepeating))]
    }

    func decode(_ parsed: ParsedArguments, label: String, positionals: inout ArraySlice<String>) throws {
        box.value = take(&positionals)
    }
}
