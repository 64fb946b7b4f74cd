import Foundation
import KBCore

/// A reader for the subset of YAML `docs/openapi.yaml` is written in, producing the JSON value it stands for:
/// block mappings and sequences by indentation (a sequence item may open a mapping on its own line), plain,
/// single- and double-quoted scalars, flow sequences of scalars, `{}` and `[]`, and `#` comments. Anything
/// else (anchors, block scalars, flow mappings with content, tabs) is an error naming the line, so the spec
/// cannot drift into YAML this reader would misread.
struct YAMLSubset {
    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "openapi.yaml:\(line): \(message)" }
    }

    private struct Line {
        var indent: Int
        var text: String
        let number: Int
    }

    private var lines: [Line] = []
    private var position = 0

    static func parse(_ text: String) throws -> JSONValue {
        var reader = YAMLSubset()
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            if raw.contains("\t") { throw ParseError(line: index + 1, message: "tabs are not allowed") }
            let content = try stripComment(raw, line: index + 1)
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let indent = content.prefix { $0 == " " }.count
            reader.lines.append(Line(indent: indent, text: trimmed, number: index + 1))
        }
        guard let first = reader.lines.first else { return .null }
        let value = try reader.node(indent: first.indent)
        if reader.position < reader.lines.count {
            throw ParseError(line: reader.lines[reader.position].number, message: "unexpected indentation")
        }
        return value
    }

    /// The line without a trailing comment (`#` at the start or after a space, outside quotes).
    private static func stripComment(_ line: String, line number: Int) throws -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                break
            }
            result.append(character)
            previous = character
        }
        return result
    }

    private mutating func node(indent: Int) throws -> JSONValue {
        let line = lines[position]
        guard line.indent == indent else { throw ParseError(line: line.number, message: "expected indentation \(indent)") }
        if line.text == "-" || line.text.hasPrefix("- ") { return try sequence(indent: indent) }
        return try mapping(indent: indent)
    }

    private mutating func sequence(indent: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        while position < lines.count, lines[position].indent == indent,
              lines[position].text == "-" || lines[position].text.hasPrefix("- ") {
            let line = lines[position]
            let rest = line.text == "-" ? "" : String(line.text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty {
                position += 1
                guard position < lines.count, lines[position].indent > indent else {
                    throw ParseError(line: line.number, message: "an empty sequence item")
                }
                items.append(try node(indent: lines[position].indent))
            } else if Self.splitKey(rest) != nil {
                // `- key: value` opens a mapping whose keys sit two columns right of the dash.
                lines[position] = Line(indent: indent + 2, text: rest, number: line.number)
                items.append(try mapping(indent: indent + 2))
            } else {
                items.append(try Self.scalar(rest, line: line.number))
                position += 1
            }
        }
        return .array(items)
    }

    private mutating func mapping(indent: Int) throws -> JSONValue {
        var members: [(String, JSONValue)] = []
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            if line.text.hasPrefix("- ") { throw ParseError(line: line.number, message: "a sequence item inside a mapping") }
            guard let (rawKey, rawValue) = Self.splitKey(line.text) else {
                throw ParseError(line: line.number, message: "expected 'key: value'")
            }
            let key = try Self.key(rawKey, line: line.number)
            if members.contains(where: { $0.0 == key }) { throw ParseError(line: line.number, message: "duplicate key '\(key)'") }
            position += 1
            if rawValue.isEmpty {
                guard position < lines.count, lines[position].indent > indent else {
                    throw ParseError(line: line.number, message: "'\(key)' has no value")
                }
                members.append((key, try node(indent: lines[position].indent)))
            } else {
                members.append((key, try Self.scalar(rawValue, line: line.number)))
            }
        }
        if position < lines.count, lines[position].indent > indent {
            throw ParseError(line: lines[position].number, message: "unexpected indentation")
        }
        return .object(members)
    }

    /// `key: value` split at the first `: ` (or a final `:`) outside quotes.
    private static func splitKey(_ text: String) -> (String, String)? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" {
                let next = text.index(after: index)
                if next == text.endIndex { return (String(text[..<index]), "") }
                if text[next] == " " {
                    return (String(text[..<index]), text[next...].trimmingCharacters(in: .whitespaces))
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func key(_ text: String, line: Int) throws -> String {
        guard case let .string(key) = try scalar(text, line: line, typed: false) else {
            throw ParseError(line: line, message: "keys are strings")
        }
        return key
    }

    private static func scalar(_ text: String, line: Int, typed: Bool = true) throws -> JSONValue {
        if text.hasPrefix("\"") { return .string(try doubleQuoted(text, line: line)) }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { throw ParseError(line: line, message: "unterminated 'string'") }
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if text == "{}" { return .object([]) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw ParseError(line: line, message: "unterminated flow sequence") }
            let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if inner.isEmpty { return .array([]) }
            return .array(try splitFlow(inner, line: line).map { try scalar($0, line: line) })
        }
        if let first = text.first, "{&*!|>%@`".contains(first) {
            throw ParseError(line: line, message: "'\(first)' starts YAML this reader does not support")
        }
        guard typed else { return .string(text) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "~": return .null
        default: break
        }
        if text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
           let number = Double(text) {
            return .number(number)
        }
        return .string(text)
    }

    private static func doubleQuoted(_ text: String, line: Int) throws -> String {
        var result = ""
        var escaping = false
        var closed = false
        for character in text.dropFirst() {
            if closed { throw ParseError(line: line, message: "text after a closing quote") }
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"", "\\", "/": result.append(character)
                default: throw ParseError(line: line, message: "unsupported escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                closed = true
            } else {
                result.append(character)
            }
        }
        guard closed else { throw ParseError(line: line, message: "unterminated \"string\"") }
        return result
    }

    private static func splitFlow(_ text: String, line: Int) throws -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        if items.contains(where: \.isEmpty) { throw ParseError(line: line, message: "an empty flow sequence item") }
        return items
    }
}
