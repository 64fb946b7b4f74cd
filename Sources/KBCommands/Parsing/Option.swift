/// An option taking a value, declared once with its type, default and help: `@Option(help: "…") var limit = 10`.
///
/// An optional property defaults to nil, an array property repeats (`--service a --service b`), a property
/// with neither a default nor `?` is required. Values are decoded through the type's `ExpressibleByArgument`
/// conformance and checked against `range`; help shows the default and the allowed values.
@propertyWrapper
struct Option<Value>: ArgumentSlot {
    private let box = ArgumentBox<Value>()
    private let name: String?
    private let valueName: String?
    private let help: String
    private let isRepeating: Bool
    private let choices: [String]?
    private let defaultText: String?
    private let rangeText: String?
    private let isRequired: Bool
    /// Turns every value given for the option (none when absent) into the property's value.
    private let convert: (_ values: [String], _ name: String, _ valueName: String) throws -> Value

    var wrappedValue: Value { box.decoded }

    /// An option with a default value.
    init(wrappedValue: Value, name: String? = nil, valueName: String? = nil, help: String) where Value: ExpressibleByArgument {
        self.init(name: name, valueName: valueName ?? Value.valueName, help: help, repeating: false,
                  choices: Value.allValueStrings, defaultText: wrappedValue.argumentText) { values, name, _ in
            try values.last.map { try Value.parse($0, option: name) } ?? wrappedValue
        }
    }

    /// A number with a default, checked against `range`.
    init(wrappedValue: Value, name: String? = nil, valueName: String? = nil, help: String, range: ClosedRange<Value>)
    where Value: ExpressibleByArgument & Comparable {
        self.init(name: name, valueName: valueName ?? Value.valueName, help: help, repeating: false,
                  choices: nil, defaultText: wrappedValue.argumentText, rangeText: Self.describe(range)) { values, name, _ in
            try values.last.map { try Self.parse($0, name: name, as: Value.self, range: range) } ?? wrappedValue
        }
    }

    /// A required option: leaving it out is a usage error.
    init(name: String? = nil, valueName: String? = nil, help: String, range: ClosedRange<Value>? = nil)
    where Value: ExpressibleByArgument & Comparable {
        self.init(name: name, valueName: valueName ?? Value.valueName, help: help, repeating: false,
                  choices: Value.allValueStrings, defaultText: nil, rangeText: Self.describe(range), required: true) { values, name, valueName in
            guard let text = values.last else { throw UsageError("missing expected option '\(name) <\(valueName)>'") }
            return try Self.parse(text, name: name, as: Value.self, range: range)
        }
    }

    /// An option that may be left out (nil).
    init<Wrapped: ExpressibleByArgument>(name: String? = nil, valueName: String? = nil, help: String)
    where Value == Wrapped? {
        self.init(name: name, valueName: valueName ?? Wrapped.valueName, help: help, repeating: false,
                  choices: Wrapped.allValueStrings, defaultText: nil) { values, name, _ in
            try values.last.map { try Wrapped.parse($0, option: name) }
        }
    }

    /// An option given any number of times, each value checked against `range` when there is one.
    init<Element: ExpressibleByArgument & Comparable>(name: String? = nil, valueName: String? = nil, help: String,
                                                      range: ClosedRange<Element>? = nil) where Value == [Element] {
        self.init(name: name, valueName: valueName ?? Element.valueName, help: help, repeating: true,
                  choices: Element.allValueStrings, defaultText: nil, rangeText: Self.describe(range)) { values, name, _ in
            try values.map { try Self.parse($0, name: name, as: Element.self, range: range) }
        }
    }

    private init(name: String?, valueName: String?, help: String, repeating: Bool, choices: [String]?,
                 defaultText: String?, rangeText: String? = nil, required: Bool = false,
                 convert: @escaping ([String], String, String) throws -> Value) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.isRepeating = repeating
        self.choices = choices
        self.defaultText = defaultText
        self.rangeText = rangeText
        self.isRequired = required
        self.convert = convert
    }

    func declarations(label: String) -> [ArgumentDeclaration] {
        let name = name ?? Self.optionName(label)
        let valueName = valueName ?? String(name.dropFirst(2)).uppercased()
        return [.option(OptionSpec(names: [name], valueName: valueName, help: help, isRepeating: isRepeating,
                                   choices: choices, defaultValue: defaultText, range: rangeText, isRequired: isRequired))]
    }

    func decode(_ parsed: ParsedArguments, label: String, positionals: inout ArraySlice<String>) throws {
        guard case .option(let spec) = declarations(label: label)[0] else { return }
        box.value = try convert(parsed.all(spec.primaryName), spec.primaryName, spec.valueName ?? "")
    }

    /// `1 to 5` for `1...5`.
    private static func describe<Bound: ExpressibleByArgument>(_ range: ClosedRange<Bound>?) -> String? {
        range.map { "\($0.lowerBound.argumentText) to \($0.upperBound.argumentText)" }
    }

    /// `text` as a `Type` within `range`; a usage error naming the option and what it needs otherwise.
    private static func parse<Type: ExpressibleByArgument & Comparable>(_ text: String, name: String, as type: Type.Type,
                                                                        range: ClosedRange<Type>?) throws -> Type {
        guard let value = Type(argument: text), range?.contains(value) ?? true else {
            throw UsageError("\(name) needs \(Type.expectation)\(describe(range).map { " from " + $0 } ?? ""), not '\(text)'")
        }
        return value
    }
}
