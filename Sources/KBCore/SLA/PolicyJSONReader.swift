import Foundation

/// A value decoded by `JSONSerialization` together with the JSON path that reached it,
/// so that every complaint about a policy names the exact place (`$.targets.1.first_response`).
struct PolicyJSONReader {
    let value: Any
    let path: String

    init(value: Any, path: String = "$") {
        self.value = value
        self.path = path
    }

    /// Parses a whole document; a syntax error names the file and, when the parser gives an offset, the line.
    static func parse(data: Data, file: String) throws(PolicyError) -> PolicyJSONReader {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return PolicyJSONReader(value: value)
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                ?? "\(error)"
            throw .malformedJSON(file: file, line: lineOfError(message: message, data: data), reason: lowercasedReason(message))
        }
    }

    /// Foundation reports "… around character N." (a byte offset) or "… line N …"; either gives a line.
    static func lineOfError(message: String, data: Data) -> Int? {
        if let line = number(after: "line ", in: message) { return line }
        guard let offset = number(after: "character ", in: message) else { return nil }
        var line = 1
        for byte in data.prefix(offset) where byte == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    private static func number(after marker: String, in message: String) -> Int? {
        guard let range = message.range(of: marker) else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    private static func lowercasedReason(_ message: String) -> String {
        var text = message
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "unknown syntax error" }
        return first.lowercased() + text.dropFirst()
    }

    func failure(_ reason: String) -> PolicyError { .invalid(path: path, reason: reason) }

    /// The path of a member: `.name` for simple keys, `["…"]` otherwise.
    func childPath(_ key: String) -> String { PolicyJSONReader.memberPath(path, key) }

    static func memberPath(_ base: String, _ key: String) -> String {
        let simple = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        if simple { return base + "." + key }
        return base + "[" + PolicyJSONWriter.quoted(key) + "]"
    }

    /// The members of an object whose keys are fixed field names; unknown keys are errors,
    /// except keys starting with `_`, which are ignored so teams can leave notes in the file.
    func fields(allowed: [String]) throws(PolicyError) -> [String: PolicyJSONReader] {
        let object = try rawObject()
        var result: [String: PolicyJSONReader] = [:]
        for key in object.keys.sorted() {
            if key.hasPrefix("_") { continue }
            guard allowed.contains(key) else {
                throw PolicyJSONReader(value: object[key]!, path: childPath(key))
                    .failure("unknown field; expected one of: " + allowed.joined(separator: ", "))
            }
            result[key] = PolicyJSONReader(value: object[key]!, path: childPath(key))
        }
        return result
    }

    /// The members of an object keyed by user-chosen names (calendars, customers…), in sorted key order.
    func entries() throws(PolicyError) -> [(key: String, reader: PolicyJSONReader)] {
        let object = try rawObject()
        return object.keys.sorted().filter { !$0.hasPrefix("_") }.map { key in
            (key, PolicyJSONReader(value: object[key]!, path: childPath(key)))
        }
    }

    private func rawObject() throws(PolicyError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw failure("expected an object, found \(kind)") }
        return object
    }

    func array() throws(PolicyError) -> [PolicyJSONReader] {
        guard let items = value as? [Any] else { throw failure("expected a list, found \(kind)") }
        return items.enumerated().map { index, item in PolicyJSONReader(value: item, path: path + "[\(index)]") }
    }

    func string() throws(PolicyError) -> String {
        guard !isBool, let text = value as? String else { throw failure("expected a string, found \(kind)") }
        return text
    }

    /// A string with something other than blanks in it, trimmed.
    func name() throws(PolicyError) -> String {
        let text = try string().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw failure("expected a non-empty name") }
        return text
    }

    func strings() throws(PolicyError) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.name()) }
        return result
    }

    func integer(in range: ClosedRange<Int>) throws(PolicyError) -> Int {
        let expectation = "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let number = integerValue else { throw failure("\(expectation), found \(kind)") }
        guard range.contains(number) else { throw failure("\(expectation), found \(number)") }
        return number
    }

    /// A positive duration: a duration text (`15m`, `1h30m`) or an integer number of seconds.
    func duration() throws(PolicyError) -> Int64 {
        let seconds: Int64
        if let number = integerValue {
            seconds = Int64(number)
        } else if !isBool, let text = value as? String, let parsed = PolicyDuration.seconds(of: text) {
            seconds = parsed
        } else {
            throw failure(PolicyDuration.expectation)
        }
        guard seconds > 0 else { throw failure("a duration must be longer than zero") }
        guard seconds <= 3_650 * 86_400 else { throw failure("a duration must not exceed 3650 days") }
        return seconds
    }

    /// A severity key ("1"…"5") of a per-severity table.
    static func severity(ofKey key: String) -> Int? {
        guard key.utf8.count == 1, let number = Int(key), (1...5).contains(number) else { return nil }
        return number
    }

    private var isBool: Bool {
        type(of: value) == Bool.self || type(of: value) == type(of: NSNumber(value: true))
    }

    private var integerValue: Int? {
        guard !isBool, !(value is String), let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    /// What the value is, for error messages.
    var kind: String {
        if isBool { return "a boolean" }
        if value is String { return "a string" }
        if value is NSNull { return "null" }
        if value is [Any] { return "a list" }
        if value is [String: Any] { return "an object" }
        if value is NSNumber { return "a number" }
        return "an unsupported value"
    }
}
