/// A type a command-line value decodes into: `@Option var limit: Int`, `@Option var since: Timestamp?`.
///
/// The type says once how its values are written, what a valid one looks like and, for enumerations, which values
/// exist; every option of that type shares it, in parsing, errors and help.
protocol ExpressibleByArgument {
    /// The value written as `argument`, or nil when it is not one.
    init?(argument: String)
    /// What a valid value looks like, for errors: `a whole number`, `a date such as 2026-03-01`.
    static var expectation: String { get }
    /// The placeholder in help and usage (`N`, `DATE`); nil: the option's name in capitals.
    static var valueName: String? { get }
    /// Every valid value, checked by the parser and listed in help; nil for open types.
    static var allValueStrings: [String]? { get }
    /// The value as written on the command line, for a default shown in help.
    var argumentText: String { get }
}

extension ExpressibleByArgument {
    static var valueName: String? { nil }
    static var allValueStrings: [String]? { nil }

    /// `text` as a value of this type, or a usage error naming `option` and what it needs.
    static func parse(_ text: String, option: String) throws -> Self {
        guard let value = Self(argument: text) else { throw UsageError("\(option) needs \(expectation), not '\(text)'") }
        return value
    }
}

extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    init?(argument: String) { self.init(rawValue: argument) }
    static var expectation: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }
    static var allValueStrings: [String]? { allCases.map(\.rawValue) }
    var argumentText: String { rawValue }
}

extension String: ExpressibleByArgument {
    init?(argument: String) { self = argument }
    static var expectation: String { "a text" }
    var argumentText: String { self }
}

extension Int: ExpressibleByArgument {
    init?(argument: String) { self.init(argument) }
    static var expectation: String { "a whole number" }
    static var valueName: String? { "N" }
    var argumentText: String { String(self) }
}

extension UInt64: ExpressibleByArgument {
    init?(argument: String) { self.init(argument) }
    static var expectation: String { "a whole number from 0 to \(UInt64.max)" }
    static var valueName: String? { "N" }
    var argumentText: String { String(self) }
}
