/// A JSON tree with ordered members, rendered as stable, human-editable text.
///
/// `JSONSerialization` cannot keep a chosen key order and its spacing differs between platforms;
/// the shipped `kb/policy.json` must be byte-identical to what `kb init` writes, so we render ourselves.
indirect enum PolicyJSONWriter {
    case string(String)
    case integer(Int64)
    /// A number, `true`, `false` or `null`, written as given.
    case literal(String)
    case array([PolicyJSONWriter])
    case object([(String, PolicyJSONWriter)])

    /// Lists of scalars are written on one line when the whole line fits this width.
    static let inlineWidth = 100

    /// Pretty text with two-space indentation and a final newline.
    var text: String {
        var out = ""
        render(into: &out, indent: 0, prefixWidth: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .string, .integer, .literal: return true
        case .array, .object: return false
        }
    }

    private func render(into out: inout String, indent: Int, prefixWidth: Int) {
        switch self {
        case let .string(text):
            out += PolicyJSONWriter.quoted(text)
        case let .integer(number):
            out += String(number)
        case let .literal(text):
            out += text
        case let .array(items):
            if items.isEmpty {
                out += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                let inline = "[" + items.map(\.inlineText).joined(separator: ", ") + "]"
                if indent * 2 + prefixWidth + inline.count + 1 <= PolicyJSONWriter.inlineWidth {
                    out += inline
                    return
                }
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                // A list of records (holidays) reads best one record a line, however long.
                if case let .object(members) = item, !members.isEmpty, members.allSatisfy({ $0.1.isScalar }) {
                    out += "{" + members.map { PolicyJSONWriter.quoted($0.0) + ": " + $0.1.inlineText }.joined(separator: ", ") + "}"
                } else {
                    item.render(into: &out, indent: indent + 1, prefixWidth: 0)
                }
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case let .object(members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, member) in members.enumerated() {
                let key = PolicyJSONWriter.quoted(member.0) + ": "
                out += String(repeating: "  ", count: indent + 1) + key
                member.1.render(into: &out, indent: indent + 1, prefixWidth: key.count)
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    private var inlineText: String {
        var out = ""
        render(into: &out, indent: 0, prefixWidth: 0)
        return out
    }

    /// The tree of a parsed document, members in their order, so a file kb edits keeps its layout of fields.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .literal("null")
        case let .bool(flag): self = .literal(flag ? "true" : "false")
        case let .number(number):
            if number.rounded() == number, abs(number) < 9e15 { self = .integer(Int64(number)) } else { self = .literal(String(number)) }
        case let .string(text): self = .string(text)
        case let .array(items): self = .array(items.map(PolicyJSONWriter.init))
        case let .object(members): self = .object(members.map { ($0.0, PolicyJSONWriter($0.1)) })
        }
    }

    /// A JSON string literal; non-ASCII text stays readable (UTF-8), control characters are escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
