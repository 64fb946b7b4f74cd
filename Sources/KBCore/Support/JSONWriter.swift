/// Builds JSON text with members in the order they are written, for deterministic output.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var pendingKey = false

    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            return
        }
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if pretty, needsComma.count > 1 { newline() }
    }

    private mutating func newline() {
        text += "\n" + String(repeating: "  ", count: needsComma.count - 1)
    }

    public mutating func beginObject() {
        separate()
        text += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        let hadMembers = needsComma.removeLast()
        if pretty, hadMembers { newline() }
        text += "}"
    }

    public mutating func beginArray() {
        separate()
        text += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        let hadItems = needsComma.removeLast()
        if pretty, hadItems { newline() }
        text += "]"
    }

    /// Writes a member name; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.appendQuoted(name, to: &text)
        text += pretty ? ": " : ":"
        pendingKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendQuoted(value, to: &text)
    }

    public mutating func int(_ value: Int) {
        separate()
        text += String(value)
    }

    public mutating func int64(_ value: Int64) {
        separate()
        text += String(value)
    }

    public mutating func double(_ value: Double, decimals: Int = 3) {
        separate()
        text += JSONWriter.format(value, decimals: decimals)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        text += value ? "true" : "false"
    }

    public mutating func null() {
        separate()
        text += "null"
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number):
            if number.rounded() == number, abs(number) < 9e15 { int64(Int64(number)) } else { double(number, decimals: 6) }
        case .string(let text): string(text)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }

    // Convenience members.
    public mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
    public mutating func member(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func member(_ name: String, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }
    public mutating func member(_ name: String, _ value: Int64) { key(name); int64(value) }
    public mutating func member(_ name: String, _ value: Int64?) {
        key(name)
        if let value { int64(value) } else { null() }
    }
    public mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: String, _ value: Double, decimals: Int = 3) { key(name); double(value, decimals: decimals) }
    public mutating func member(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A fixed-point rendering independent of locale, trailing zeros removed.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled) / Int64(scale)
        var fraction = Int64(scaled) % Int64(scale)
        var digits = decimals
        while digits > 0, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        if digits == 0 { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// Appends `value` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        var start = value.utf8.startIndex
        var index = start
        let utf8 = value.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                text += String(value[start..<index])
                switch byte {
                case 0x22: text += "\\\""
                case 0x5C: text += "\\\\"
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                index = utf8.index(after: index)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        text += String(value[start..<index])
        text += "\""
    }
}
