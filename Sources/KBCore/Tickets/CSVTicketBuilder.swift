import Foundation

/// Turns CSV records into tickets through a mapping, with the same validation as JSON Lines.
///
/// A record becomes a native JSON object and goes through `Ticket(json:)`, so a bad value gets the
/// message a JSON line would get, with the column it came from: `severity (column "Prioridad"): …`.
public struct CSVTicketBuilder {
    private struct Field {
        let name: String
        let column: Int?
        let columnName: String?
        let spec: CSVFieldMapping
        let foldedValues: [String: JSONValue]
    }

    /// The mapping the builder reads records with.
    public let mapping: CSVMapping
    /// The header's column names, trimmed.
    public let columns: [String]
    private let fields: [Field]
    private let extraColumns: [(index: Int, name: String)]

    /// Resolves the mapping against a header; a column the mapping names but the header lacks is an error.
    ///
    /// `file` names the file in errors.
    public init(header: CSVRecord, mapping: CSVMapping, file: String) throws(CSVError) {
        self.mapping = mapping
        var names: [String] = []
        for index in 0..<header.count {
            let raw = Self.trimmed(header.field(index))
            let name = mapping.encoding.decode(raw) ?? String(decoding: raw, as: UTF8.self)
            names.append(name.isEmpty ? "column \(index + 1)" : name)
        }
        columns = names
        func find(_ column: String) -> Int? {
            names.firstIndex(of: column) ?? names.firstIndex { $0.lowercased() == column.lowercased() }
        }
        var resolved: [Field] = []
        var used = Set<Int>()
        for field in CSVMapping.ticketFields {
            var spec = mapping.fields[field]
            if spec == nil, let index = find(field), !mapping.ignoredColumns.contains(names[index]) {
                spec = CSVFieldMapping(column: names[index])
            }
            guard let spec else {
                if CSVMapping.requiredFields.contains(field) {
                    throw .unmappedField(path: file, field: field, columns: names)
                }
                continue
            }
            var index: Int?
            if let column = spec.column {
                guard let found = find(column) else {
                    if spec.defaultValue != nil { continue }
                    throw .unknownColumn(path: file, field: field, column: column, columns: names)
                }
                index = found
                used.insert(found)
            }
            var folded: [String: JSONValue] = [:]
            for (cell, value) in spec.values { folded[cell.lowercased()] = value }
            resolved.append(Field(name: field, column: index, columnName: index.map { names[$0] }, spec: spec, foldedValues: folded))
        }
        fields = resolved
        var extras: [(Int, String)] = []
        if mapping.keepsUnmappedColumns {
            var seen: [String: Int] = [:]
            for (index, name) in names.enumerated() where !used.contains(index) && !mapping.ignoredColumns.contains(name) {
                seen[name, default: 0] += 1
                extras.append((index, seen[name]! == 1 ? name : "\(name) (\(seen[name]!))"))
            }
        }
        extraColumns = extras
    }

    /// The ticket of one record; throws `CSVError` for a record the mapping cannot read and
    /// `TicketError` for a value the ticket validation refuses.
    public func ticket(from record: CSVRecord, timeZoneCheck: (String) -> Bool = { _ in true }) throws -> Ticket {
        if record.count != columns.count {
            let surplusIsEmpty = record.count > columns.count
                && (columns.count..<record.count).allSatisfy { Self.trimmed(record.field($0)).isEmpty }
            guard surplusIsEmpty else { throw CSVError.raggedRecord(fields: record.count, expected: columns.count) }
        }
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(fields.count + 1)
        for field in fields {
            var text: String?
            if let column = field.column {
                let raw = Self.trimmed(record.field(column))
                if !raw.isEmpty {
                    guard let decoded = mapping.encoding.decode(raw) else {
                        throw CSVError.invalidText(column: columns[column], encoding: mapping.encoding.rawValue)
                    }
                    text = decoded
                }
            }
            guard let text else {
                if let fallback = field.spec.defaultValue { members.append((field.name, fallback)) }
                continue
            }
            members.append((field.name, try value(of: text, for: field)))
        }
        var extra: [(String, JSONValue)] = []
        for (index, name) in extraColumns where index < record.count {
            let raw = Self.trimmed(record.field(index))
            guard !raw.isEmpty else { continue }
            guard let decoded = mapping.encoding.decode(raw) else {
                throw CSVError.invalidText(column: name, encoding: mapping.encoding.rawValue)
            }
            extra.append((name, .string(decoded)))
        }
        if !extra.isEmpty { members.append(("extra", .object(extra))) }
        do {
            return try Ticket(json: .object(members), timeZoneCheck: timeZoneCheck)
        } catch {
            // Name the column a bad value came from; other errors keep the JSON Lines wording.
            if case let .invalidField(name, reason) = error,
               let field = fields.first(where: { $0.name == name }), let column = field.columnName {
                throw CSVError.invalidValue(field: name, column: column, reason: reason)
            }
            throw error
        }
    }

    private func value(of text: String, for field: Field) throws(CSVError) -> JSONValue {
        let column = field.columnName ?? ""
        if let mapped = field.spec.values[text] ?? field.foldedValues[text.lowercased()] { return mapped }
        switch field.name {
        case "severity":
            if let number = Int(text) { return .number(Double(number)) }
            let known = field.spec.values.keys.sorted()
            let hint = known.isEmpty ? "; map it with \"values\" in the mapping" : " or one of: \(known.joined(separator: ", "))"
            throw .invalidValue(field: field.name, column: column, reason: "unknown value '\(text.prefix(60))'; expected 1 to 5\(hint)")
        case "created_at", "resolved_at", "closed_at":
            let format = field.spec.timeFormat ?? .iso8601
            guard let reading = format.read(text) else {
                let expected = field.spec.timeFormat.map { "does not match the format '\($0.pattern)'" }
                    ?? "is not an ISO 8601 time such as 2026-03-02T09:14:00-03:00; give the column's \"format\" in the mapping"
                throw .invalidValue(field: field.name, column: column, reason: "'\(text.prefix(60))' \(expected)")
            }
            let offset: Int
            if let written = reading.offsetSeconds {
                offset = written
            } else if let zone = mapping.timezone {
                offset = zone.offset(atLocal: reading.localSeconds)
            } else {
                throw .invalidValue(field: field.name, column: column, reason: "'\(text.prefix(60))' has no UTC offset; set \"timezone\" in the mapping (e.g. \"America/Santiago\") to read local times")
            }
            let stamp = Timestamp(seconds: reading.localSeconds - Int64(offset), offsetSeconds: Int32(offset))
            return .string(stamp.iso8601)
        case "tags", "articles":
            let items = text.components(separatedBy: field.spec.separator)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            return .array(items.map { .string(field.spec.prefix + $0) })
        default:
            return .string(field.spec.prefix + text)
        }
    }

    /// The bytes without leading and trailing spaces, tabs and line ends.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }
}
