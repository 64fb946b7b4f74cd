import Foundation
import KBCore

/// Checks a JSON value against a schema of `docs/openapi.yaml` (JSON Schema 2020-12, the keywords the spec
/// uses). A keyword it does not know is itself an error, so no constraint in the spec goes unchecked.
struct SchemaValidator {
    let document: JSONValue

    static let keywords: Set<String> = [
        "$ref", "type", "enum", "const", "required", "properties", "additionalProperties", "items", "minimum", "maximum",
        "pattern", "format", "description",
    ]

    /// The node a local reference (`#/components/schemas/Ticket`) points at.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = document
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    /// Follows `$ref` until a node without one.
    func dereferenced(_ node: JSONValue) -> JSONValue? {
        var current = node
        var hops = 0
        while let reference = current["$ref"]?.stringValue {
            guard let next = resolve(reference), hops < 16 else { return nil }
            current = next
            hops += 1
        }
        return current
    }

    /// Every way `value` breaks `schema`, as `path: reason`.
    func errors(_ value: JSONValue, schema: JSONValue, path: String = "$") -> [String] {
        guard let members = schema.objectValue else { return ["\(path): the schema is not an object"] }
        var errors: [String] = []
        for (keyword, _) in members where !Self.keywords.contains(keyword) {
            errors.append("\(path): unsupported schema keyword '\(keyword)'")
        }
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return errors + ["\(path): unresolved $ref \(reference)"] }
            return errors + self.errors(value, schema: target, path: path)
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return errors + ["\(path): expected \(allowed.joined(separator: " or ")), found \(value.typeName)"]
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], constant != value {
            errors.append("\(path): expected \(constant), found \(value)")
        }
        if let number = value.numberValue {
            if let minimum = schema["minimum"]?.numberValue, number < minimum { errors.append("\(path): \(number) < \(minimum)") }
            if let maximum = schema["maximum"]?.numberValue, number > maximum { errors.append("\(path): \(number) > \(maximum)") }
        }
        if let text = value.stringValue {
            if let pattern = schema["pattern"]?.stringValue, text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
            if schema["format"]?.stringValue == "date-time", Timestamp(iso8601: text) == nil {
                errors.append("\(path): '\(text)' is not an RFC 3339 date-time")
            }
        }
        if let object = value.objectValue {
            let properties = schema["properties"]?.objectValue ?? []
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !object.contains(where: { $0.0 == name }) {
                errors.append("\(path): missing required '\(name)'")
            }
            for (name, member) in object {
                if let property = properties.first(where: { $0.0 == name }) {
                    errors += self.errors(member, schema: property.1, path: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if additional.boolValue == false {
                        errors.append("\(path): unexpected member '\(name)'")
                    } else if additional.objectValue != nil {
                        errors += self.errors(member, schema: additional, path: "\(path).\(name)")
                    }
                }
            }
        }
        if let items = value.arrayValue, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                errors += self.errors(item, schema: itemSchema, path: "\(path)[\(index)]")
            }
        }
        return errors
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case let ("integer", .number(number)):
            return number.rounded() == number
        default:
            return false
        }
    }
}
