import Foundation

/// A value of the policy file together with the JSON path that reached it, so that every complaint about a
/// policy names the exact place (`$.targets.1.first_response`); reading the file also records where each path's
/// value is written, so the complaint names its line too.
struct PolicyJSONReader {
    let value: LocatedJSON
    let path: String

    init(value: LocatedJSON, path: String = "$") {
        self.value = value
        self.path = path
    }

    /// Parses a whole document with kb's JSON parser; a syntax error names the file, line and column.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, file: String) throws(PolicyError) -> PolicyJSONReader {
        do {
            return PolicyJSONReader(value: try JSONParser().parseLocated(text))
        } catch {
            let location = Diagnostic.Location(path: file, offset: error.offset, in: text)
            throw .malformedJSON(file: file, line: location.line ?? 1, column: location.column ?? 1, reason: error.reason)
        }
    }

    /// Parses a whole document given as bytes (a UTF-8 byte order mark is skipped).
    static func parse(data: Data, file: String) throws(PolicyError) -> PolicyJSONReader {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let result: Result<PolicyJSONReader, PolicyError> = bytes.withUnsafeBufferPointer { text in
            do throws(PolicyError) {
                return .success(try parse(text, file: file))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The byte offset of the value at each JSON path of the document, for placing errors.
    func offsets() -> [String: Int] {
        var result: [String: Int] = [:]
        func visit(_ value: LocatedJSON, _ path: String) {
            result[path] = value.offset
            switch value.content {
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, path + "[\(index)]") }
            case .object(let members):
                // A name written twice is an error that points at the second.
                for member in members { visit(member.value, PolicyJSONReader.memberPath(path, member.key)) }
            default:
                break
            }
        }
        visit(value, path)
        return result
    }

    /// The path one level up: `$.a.b` → `$.a`, `$.a[2]` → `$.a`, `$.a["x y"]` → `$.a`; nil for `$`.
    static func parentPath(_ path: String) -> String? {
        guard path != "$", let last = path.last else { return nil }
        if last == "]" {
            // `[index]` or `["key"]`: the opening bracket is the last `[` outside the quoted key.
            var inQuotes = false
            var escaped = false
            var open: String.Index?
            for index in path.indices {
                let character = path[index]
                if escaped { escaped = false; continue }
                if character == "\\" && inQuotes { escaped = true; continue }
                if character == "\"" { inQuotes.toggle() } else if character == "[" && !inQuotes { open = index }
            }
            return open.map { String(path[..<$0]) }
        }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
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
        var result: [String: PolicyJSONReader] = [:]
        for (key, reader) in try members() {
            guard allowed.contains(key) else {
                throw reader.failure("unknown field; expected one of: " + allowed.joined(separator: ", "))
            }
            result[key] = reader
        }
        return result
    }

    /// The members of an object keyed by user-chosen names (calendars, customers…), in sorted key order.
    func entries() throws(PolicyError) -> [(key: String, reader: PolicyJSONReader)] {
        try members()
    }

    /// An object's members in sorted key order, notes (`_…`) left out; a name written twice is an error.
    private func members() throws(PolicyError) -> [(key: String, reader: PolicyJSONReader)] {
        guard case .object(let members) = value.content else { throw failure("expected an object, found \(kind)") }
        var seen = Set<String>()
        var result: [(key: String, reader: PolicyJSONReader)] = []
        for member in members where !member.key.hasPrefix("_") {
            let reader = PolicyJSONReader(value: member.value, path: childPath(member.key))
            guard seen.insert(member.key).inserted else {
                throw reader.failure("\"\(member.key)\" is written twice in this object; keep one")
            }
            result.append((member.key, reader))
        }
        return result.sorted { $0.key < $1.key }
    }

    var isArray: Bool {
        if case .array = value.content { return true }
        return false
    }

    func array() throws(PolicyError) -> [PolicyJSONReader] {
        guard case .array(let items) = value.content else { throw failure("expected a list, found \(kind)") }
        return items.enumerated().map { index, item in PolicyJSONReader(value: item, path: path + "[\(index)]") }
    }

    func string() throws(PolicyError) -> String {
        guard case .string(let text) = value.content else { throw failure("expected a string, found \(kind)") }
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
        } else if case .string(let text) = value.content, let parsed = PolicyDuration.seconds(of: text) {
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

    private var integerValue: Int? {
        guard case .number(let number) = value.content, number.rounded() == number, abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    /// What the value is, for error messages.
    var kind: String {
        switch value.content {
        case .bool: "a boolean"
        case .string: "a string"
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        case .number: "a number"
        }
    }
}
