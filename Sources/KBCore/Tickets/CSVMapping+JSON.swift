import Foundation

extension CSVMapping {
    /// Reads a mapping file.
    public static func load(path: String) throws -> CSVMapping {
        let json: JSONValue
        do {
            json = try MappingFile.json(at: path)
        } catch let error as JSONParser.SyntaxError {
            throw CSVError.invalidMapping(source: path, path: "$", reason: error.description)
        }
        return try CSVMapping(json: json, source: path)
    }

    /// Reads the JSON form of a mapping; `source` names it in errors.
    ///
    /// Unknown members are errors (a typo must not pass silently); members starting with `_` are notes.
    public init(json: JSONValue, source: String) throws(CSVError) {
        self.init()
        func fail(_ path: String, _ reason: String) -> CSVError { .invalidMapping(source: source, path: path, reason: reason) }
        guard let members = json.objectValue else { throw fail("$", "expected an object with \"fields\", found \(json.typeName)") }
        for (key, value) in members where !key.hasPrefix("_") {
            switch key {
            case "fields":
                guard let entries = value.objectValue else { throw fail("fields", "expected an object, found \(value.typeName)") }
                for (field, entry) in entries where !field.hasPrefix("_") {
                    guard Self.ticketFields.contains(field) else {
                        throw fail("fields.\(field)", "unknown field; fields: \(Self.ticketFields.joined(separator: ", "))")
                    }
                    fields[field] = try Self.fieldMapping(field, entry, fail)
                }
            case "timezone":
                guard let text = value.stringValue, let zone = CSVTimeZone(text) else {
                    throw fail("timezone", "expected an IANA time zone such as \"America/Santiago\" or an offset such as \"-03:00\"")
                }
                timezone = zone
            case "delimiter":
                switch value.stringValue {
                case ",": delimiter = UInt8(ascii: ",")
                case ";": delimiter = UInt8(ascii: ";")
                case "\t", "tab": delimiter = 0x09
                default: throw fail("delimiter", "expected \",\", \";\" or \"tab\"")
                }
            case "encoding":
                guard let name = value.stringValue, let parsed = CSVEncoding(name: name) else {
                    throw fail("encoding", "expected one of: \(CSVEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                encoding = parsed
            case "ignore":
                guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                    throw fail("ignore", "expected an array of column names")
                }
                ignoredColumns = Set(items.compactMap(\.stringValue))
            case "keep_unmapped":
                guard let flag = value.boolValue else { throw fail("keep_unmapped", "expected true or false") }
                keepsUnmappedColumns = flag
            default:
                throw fail(key, "unknown member; expected fields, timezone, delimiter, encoding, ignore or keep_unmapped")
            }
        }
    }

    private static func fieldMapping(_ field: String, _ entry: JSONValue, _ fail: (String, String) -> CSVError) throws(CSVError) -> CSVFieldMapping {
        let path = "fields.\(field)"
        if let column = entry.stringValue {
            guard !column.isEmpty else { throw fail(path, "needs a column name") }
            return CSVFieldMapping(column: column)
        }
        guard let members = entry.objectValue else {
            throw fail(path, "expected a column name or an object with \"column\", found \(entry.typeName)")
        }
        var mapping = CSVFieldMapping()
        for (key, value) in members where !key.hasPrefix("_") {
            switch key {
            case "column":
                guard let column = value.stringValue, !column.isEmpty else { throw fail("\(path).column", "expected a column name") }
                mapping.columns.insert(column, at: 0)
            case "columns":
                guard listFields.contains(field) else { throw fail("\(path).columns", "only list fields (tags, articles) read several columns") }
                guard let items = value.arrayValue, !items.isEmpty,
                      items.allSatisfy({ !($0.stringValue ?? "").isEmpty }) else {
                    throw fail("\(path).columns", "expected an array of column names, e.g. [\"tag_1\", \"tag_2\"]")
                }
                mapping.columns += items.compactMap(\.stringValue)
            case "values":
                guard let entries = value.objectValue else { throw fail("\(path).values", "expected an object of cell value → \(field) value") }
                for (cell, native) in entries {
                    try checkNative(native, field: field, path: "\(path).values[\"\(cell)\"]", fail)
                    mapping.values[cell] = native
                }
            case "format":
                guard timeFields.contains(field) else {
                    throw fail("\(path).format", "only time fields (\(ticketFields.filter(timeFields.contains).joined(separator: ", "))) take a format")
                }
                guard let pattern = value.stringValue else { throw fail("\(path).format", "expected a pattern such as \"dd/MM/yyyy HH:mm\"") }
                do {
                    mapping.timeFormat = try CSVTimeFormat(pattern: pattern)
                } catch {
                    throw fail("\(path).format", error.reason)
                }
            case "prefix":
                guard let prefix = value.stringValue else { throw fail("\(path).prefix", "expected text") }
                mapping.prefix = prefix
            case "default":
                try checkNative(value, field: field, path: "\(path).default", fail)
                mapping.defaultValue = value
            case "separator":
                guard listFields.contains(field) else { throw fail("\(path).separator", "only list fields (tags, articles) take a separator") }
                guard let separator = value.stringValue, !separator.isEmpty else { throw fail("\(path).separator", "expected a non-empty text") }
                mapping.separator = separator
            default:
                throw fail("\(path).\(key)", "unknown member; expected column, columns, values, format, prefix, default or separator")
            }
        }
        guard !mapping.columns.isEmpty || mapping.defaultValue != nil else {
            throw fail(path, "needs a \"column\" or a \"default\"")
        }
        return mapping
    }

    /// Checks a value the mapping writes into a field, so a typo in the mapping is reported once, not on every row.
    private static func checkNative(_ value: JSONValue, field: String, path: String, _ fail: (String, String) -> CSVError) throws(CSVError) {
        switch field {
        case "severity":
            guard let number = value.intValue, (1...5).contains(number) else {
                throw fail(path, "expected a severity 1 to 5 (1 Crítica … 5 Solicitudes), found \(value.typeName)")
            }
        case "status":
            guard let text = value.stringValue, TicketStatus(rawValue: text) != nil else {
                throw fail(path, "expected one of: \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case "channel":
            guard let text = value.stringValue, Channel(rawValue: text) != nil else {
                throw fail(path, "expected one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case "created_at", "resolved_at", "closed_at", "first_response_at", "updated_at":
            guard let text = value.stringValue, Timestamp(iso8601: text) != nil else {
                throw fail(path, "expected an ISO 8601 time with an offset, such as 2026-03-02T09:14:00-03:00")
            }
        case "tags", "articles":
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                throw fail(path, "expected an array of strings")
            }
        default:
            guard value.stringValue != nil else { throw fail(path, "expected text, found \(value.typeName)") }
        }
    }
}
