import Foundation

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) read whole, by header name.
struct CSVTable {
    let header: [String]
    let rows: [[String]]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError(description: "cannot read \(path)")
        }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        let bytes = [UInt8](data)
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") { position += 1 }
                endField()
                records.append(record)
                record.removeAll()
            } else {
                field.append(byte)
            }
            position += 1
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        guard let first = records.first else { throw BenchError(description: "\(path) is empty") }
        header = first
        // A record cut short (a truncated copy of a file) is dropped rather than read with shifted columns.
        rows = records.dropFirst().filter { $0.count == first.count }
    }

    /// The value of column `name` in `row`, or "" when the file has no such column.
    func value(_ row: [String], _ name: String) -> String {
        guard let column = header.firstIndex(of: name) else { return "" }
        return row[column]
    }
}
