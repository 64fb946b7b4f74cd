import KBCore

/// Typed values of query parameters and form fields, read as the CLI reads the options of the same name: a bad
/// value is a 422 problem naming the parameter and saying what it expects.
extension QueryParameters {
    /// The first value of `name` with surrounding spaces removed; nil when absent or blank (an empty form field).
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every non-blank value of `name`, in order (`?service=portal&service=correo`).
    public func texts(_ name: String) -> [String] {
        values(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The value of `name` as a whole number in `range`, or nil when absent or blank.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let text = text(name) else { return nil }
        return try Self.integer(text, name: name, in: range)
    }

    /// Every value of `name` as a whole number in `range`.
    public func integers(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> [Int] {
        var numbers: [Int] = []
        for text in texts(name) { numbers.append(try Self.integer(text, name: name, in: range)) }
        return numbers
    }

    private static func integer(_ text: String, name: String, in range: ClosedRange<Int>) throws(Problem) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw Problem.invalidField(name, "problem.parameter_integer", ["name": name, "low": String(range.lowerBound),
                                                                       "high": String(range.upperBound), "found": String(text.prefix(40))])
        }
        return number
    }

    /// The value of `name` as a day (`2026-03-01`, midnight UTC) or an ISO 8601 time with its offset, as the CLI's
    /// `--since`, `--until` and `--now` read them; nil when absent or blank.
    public func timestamp(_ name: String) throws(Problem) -> Timestamp? {
        guard let text = text(name) else { return nil }
        guard let stamp = Timestamp(day: text) ?? Timestamp(iso8601: text) else {
            throw Problem.invalidField(name, "problem.parameter_time", ["name": name, "found": String(text.prefix(40))])
        }
        return stamp
    }

    /// The value of `name` as one of `T`'s cases (by raw value, case-insensitive); nil when absent or blank.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type = T.self) throws(Problem) -> T?
    where T.RawValue == String {
        guard let text = text(name) else { return nil }
        guard let value = T.allCases.first(where: { $0.rawValue == text.lowercased() }) else {
            let choices = T.allCases.map(\.rawValue)
            throw Problem.invalidField(name, "problem.parameter_choice", ["name": name, "choices": choices.dropLast().joined(separator: ", "),
                                                                      "last": choices.last ?? "", "found": String(text.prefix(40))])
        }
        return value
    }

    /// Whether the flag `name` is on: present and empty, `1`, `true`, `on` or `yes` (a checked checkbox sends `on`);
    /// `0`, `false`, `off` and `no` are off, like absence.
    public func flag(_ name: String) throws(Problem) -> Bool {
        guard let value = self[name] else { return false }
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        default: throw Problem.invalidField(name, "problem.parameter_flag", ["name": name, "found": String(value.prefix(40))])
        }
    }

    /// Refuses any parameter not in `known` or `lang` (every route takes it: the language of its problem details), so a
    /// misspelt filter is an error rather than silently ignored.
    public func checkKnown(_ known: Set<String>) throws(Problem) {
        let known = known.union(["lang"])
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw Problem.invalidField(unknown, "problem.parameter_unknown",
                                       ["name": String(unknown.prefix(40)), "known": known.sorted().joined(separator: ", ")])
        }
    }
}
