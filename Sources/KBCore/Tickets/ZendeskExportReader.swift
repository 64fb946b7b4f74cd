import Foundation

/// Reads the ticket objects of a Zendesk export one at a time, whatever the export's size.
///
/// Two layouts:
/// - JSON with a `tickets` array (`{"tickets": […], "next_page": …, "end_of_stream": …}`, pretty or
///   minified, one or several such pages in a row): streamed element by element, so only one ticket
///   is in memory at a time; each ticket is named `tickets[INDEX]` and by the line it starts on.
///   Broken structure between tickets, or a file that ends inside one, stops the import with the line.
/// - JSON Lines, one ticket object per line (or one page object per line): read line by line, and a
///   broken line is rejected on its own.
public final class ZendeskExportReader {
    /// What the reader hands out.
    public enum Item {
        /// A ticket object; `label` is `tickets[INDEX]` inside a `tickets` array.
        case ticket(JSONValue, line: Int, label: String?)
        /// A ticket that could not be read as JSON.
        case rejected(line: Int, label: String?, problem: TicketError)
    }

    /// The largest single ticket object (with any inline comments) the reader keeps: the same bound as a JSON
    /// Lines record, since parsed JSON takes about ten times its text in memory (64 MB took 700 MB).
    public static let maximumTicketBytes = Ticket.Limits.maximumTextBytes * 2

    private let input: ByteInput
    private let file: String
    private let parser = JSONParser()

    /// Reads `input` from where it stands; `file` names it in errors.
    public init(input: ByteInput, file: String) {
        self.input = input
        self.file = file
    }

    /// Calls `body` for every ticket in file order; stops early when it returns false.
    public func forEachTicket(_ body: (Item) throws -> Bool) throws {
        if try isJSONLines() {
            try readLines(body)
        } else {
            try readStream(body)
        }
    }

    /// JSON Lines when the first line alone is a complete JSON object with no `tickets` member.
    private func isJSONLines() throws -> Bool {
        let prefix = try input.peek(1 << 20).bytes
        var start = 0
        while start < prefix.count, [0x20, 0x09, 0x0D, 0x0A].contains(prefix[start]) { start += 1 }
        guard let end = prefix[start...].firstIndex(of: 0x0A) else { return false }
        let firstLine = prefix[start..<end]
        guard let value = firstLine.withUnsafeBufferPointer({ try? parser.parse($0) }), value.objectValue != nil else { return false }
        return value["tickets"] == nil
    }

    private func readLines(_ body: (Item) throws -> Bool) throws {
        let reader = LineReader(input: input, maximumLineBytes: Self.maximumTicketBytes)
        var stop = false
        try reader.forEachLine { number, line in
            switch line {
            case .tooLong(let bytes):
                stop = try !body(.rejected(line: number, label: nil, problem: .lineTooLong(bytes: bytes, limit: reader.maximumLineBytes)))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return true }
                let value: JSONValue
                switch Result(catching: { () throws(JSONParser.SyntaxError) in try parser.parse(bytes) }) {
                case .success(let parsed):
                    value = parsed
                case .failure(let error):
                    stop = try !body(.rejected(line: number, label: nil, problem: .invalidJSON(reason: error.description)))
                    return !stop
                }
                if let tickets = value["tickets"]?.arrayValue {
                    for (index, ticket) in tickets.enumerated() where !stop {
                        stop = try !body(.ticket(ticket, line: number, label: "tickets[\(index)]"))
                    }
                } else {
                    stop = try !body(.ticket(value, line: number, label: nil))
                }
            }
            return !stop
        }
    }

    private func readStream(_ body: (Item) throws -> Bool) throws {
        let stream = ZendeskJSONStream(input: input, name: file)
        do {
            while true {
                try stream.skipWhitespace()
                guard let byte = try stream.peek() else { return }
                guard byte == UInt8(ascii: "{") else {
                    throw ZendeskImportError.invalidExport(path: file, line: stream.line, reason: "invalid JSON: expected '{' to start a ticket or a {\"tickets\": […]} page")
                }
                guard try readObject(stream, body) else { return }
            }
        } catch is ZendeskJSONStream.Truncated {
            throw ZendeskImportError.invalidExport(path: file, line: stream.line, reason: "the file ends in the middle of the JSON; the export looks truncated, download it again")
        }
    }

    /// Reads one top-level object: a page whose `tickets` array is streamed, or a single ticket.
    private func readObject(_ stream: ZendeskJSONStream, _ body: (Item) throws -> Bool) throws -> Bool {
        let startLine = stream.line
        _ = try stream.next()
        var capture: [UInt8] = [UInt8(ascii: "{")]
        var tooLong = false
        var isPage = false
        var first = true
        while true {
            try stream.skipWhitespace()
            guard let byte = try stream.peek() else { throw ZendeskJSONStream.Truncated() }
            if byte == UInt8(ascii: "}") {
                _ = try stream.next()
                break
            }
            if !first {
                try stream.expect(UInt8(ascii: ","), "',' or '}'")
                try stream.skipWhitespace()
            }
            first = false
            guard try stream.peek() == UInt8(ascii: "\"") else {
                throw ZendeskImportError.invalidExport(path: file, line: stream.line, reason: "invalid JSON: expected a member name in quotes")
            }
            var key: [UInt8] = []
            try stream.captureString(into: &key)
            try stream.skipWhitespace()
            try stream.expect(UInt8(ascii: ":"), "':'")
            try stream.skipWhitespace()
            if key.elementsEqual("\"tickets\"".utf8), try stream.peek() == UInt8(ascii: "[") {
                isPage = true
                capture = []
                guard try readTickets(stream, body) else { return false }
                continue
            }
            if isPage || tooLong {
                var ignored: [UInt8] = []
                _ = try stream.captureValue(into: &ignored, limit: 0)
                continue
            }
            if capture.count > 1 { capture.append(UInt8(ascii: ",")) }
            capture += key
            capture.append(UInt8(ascii: ":"))
            if case .tooLong = try stream.captureValue(into: &capture, limit: Self.maximumTicketBytes) {
                tooLong = true
                capture = []
            }
        }
        if isPage { return true }
        if tooLong {
            return try body(.rejected(line: startLine, label: nil, problem: .ticketTooLong(bytes: nil, limit: Self.maximumTicketBytes)))
        }
        capture.append(UInt8(ascii: "}"))
        return try body(parse(capture, line: startLine, label: nil))
    }

    /// Streams the elements of a `tickets` array (the stream is at its `[`).
    private func readTickets(_ stream: ZendeskJSONStream, _ body: (Item) throws -> Bool) throws -> Bool {
        _ = try stream.next()
        try stream.skipWhitespace()
        if try stream.peek() == UInt8(ascii: "]") {
            _ = try stream.next()
            return true
        }
        var index = 0
        while true {
            try stream.skipWhitespace()
            let line = stream.line
            let label = "tickets[\(index)]"
            var element: [UInt8] = []
            let capture: ZendeskJSONStream.Capture
            do {
                capture = try stream.captureValue(into: &element, limit: Self.maximumTicketBytes)
            } catch is ZendeskJSONStream.Truncated {
                throw ZendeskImportError.invalidExport(path: file, line: line, reason: "the file ends inside \(label); the export looks truncated, download it again")
            }
            let item: Item
            switch capture {
            case .tooLong(let bytes):
                item = .rejected(line: line, label: label, problem: .ticketTooLong(bytes: bytes, limit: Self.maximumTicketBytes))
            case .complete:
                item = parse(element, line: line, label: label)
            }
            guard try body(item) else { return false }
            index += 1
            try stream.skipWhitespace()
            guard let next = try stream.next() else {
                throw ZendeskImportError.invalidExport(path: file, line: stream.line, reason: "the file ends after \(label); the export looks truncated, download it again")
            }
            if next == UInt8(ascii: "]") { return true }
            guard next == UInt8(ascii: ",") else {
                throw ZendeskImportError.invalidExport(path: file, line: stream.line, reason: "invalid JSON: expected ',' or ']' after \(label)")
            }
        }
    }

    private func parse(_ bytes: [UInt8], line: Int, label: String?) -> Item {
        do {
            let value = try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.SyntaxError) in try parser.parse(buffer) }
            return .ticket(value, line: line, label: label)
        } catch {
            return .rejected(line: line, label: label, problem: .invalidJSON(reason: error.description))
        }
    }
}
