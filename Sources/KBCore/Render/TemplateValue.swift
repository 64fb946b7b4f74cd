/// A value a Mustache template renders: the JSON data model, with object keys kept in order.
///
/// Falsey values (which skip sections and show inverted sections) are `null`, `false`, `0`,
/// the empty string and the empty list; everything else, including an empty object, is truthy.
public indirect enum TemplateValue: Sendable, Hashable {
    /// Text, HTML-escaped by `{{name}}` and inserted as is by `{{{name}}}`.
    case string(String)
    /// A number; integral values print without a fraction (`1`, not `1.0`). Integers beyond 2⁵³ lose precision.
    case number(Double)
    /// Prints `true` or `false`; `false` hides sections.
    case bool(Bool)
    /// A missing value: prints nothing and hides sections.
    case null
    /// A list: sections repeat once per item.
    case array([TemplateValue])
    /// Named members, looked up by `{{name}}` and `{{a.b}}`.
    case object(TemplateObject)

    /// An object from ordered key–value pairs.
    public static func object(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        .object(TemplateObject(pairs.map { ($0.key, $0.value) }))
    }

    /// The member of an object, or nil for a missing key or a value that is not an object.
    public subscript(key: String) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// Whether a section over this value renders (see the type's documentation).
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .number(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// The text an interpolation tag inserts (before escaping).
    ///
    /// Lists print their items joined by `", "`, so `{{tags}}` reads naturally; objects and null print nothing.
    public var interpolationText: String {
        switch self {
        case .string(let text): return text
        case .number(let number): return TemplateValue.format(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .object: return ""
        case .array(let items): return items.map(\.interpolationText).joined(separator: ", ")
        }
    }

    /// Integral numbers print as integers; others use Swift's shortest round-trip form, which is locale-independent.
    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return number.description
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Keeps the literal's key order.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}
