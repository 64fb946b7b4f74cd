import Foundation

/// Reads the top-level members of stored ticket documents (the compressed JSON of the `packed` column) by name,
/// decompressing each document only as far as the members asked for lie, and at most once.
///
/// A scan that compares one early member of thousands of tickets (the root causes of a recurrence window) decodes a
/// fraction of each, where `doc ->> '$.name'` in SQL decompresses and parses the whole document once per member; the
/// few tickets it keeps are read on from where it stopped. One buffer serves every document of a scan.
///
/// A member is found as SQLite's `->>` finds it: its first occurrence, its name compared as written. The document
/// stays readable until the next `start` or `finish`; the block it decodes must stay valid as long (a row's blob
/// during its step).
///
/// Used by one thread at a time, and no method's access to its state overlaps another's: its state goes without the
/// dynamic exclusivity checks a class's properties get (one per byte the scan reads, otherwise).
final class StoredDocumentReader {
    @exclusivity(unchecked) private var buffer: UnsafeMutableBufferPointer<UInt8>
    @exclusivity(unchecked) private var block = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The document's size, and how much of it is decoded; where in `block` decoding goes on.
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var decoded = 0
    @exclusivity(unchecked) private var position = 0
    /// The members scanned so far: name (between its quotes) and value, as byte ranges of the document.
    @exclusivity(unchecked) private var members: [(name: Range<Int>, value: Range<Int>)] = []
    /// Where the scan of the next member begins, and whether the object's closing brace was reached.
    @exclusivity(unchecked) private var scanned = 0
    @exclusivity(unchecked) private var isComplete = false
    @exclusivity(unchecked) private var isOpen = false

    /// How much of the current document is decoded so far.
    var decodedCount: Int { decoded }

    /// Bytes decoded at a time beyond what the scan needs: a scan makes a few calls per document, and the members
    /// read most (a ticket's root cause, about 650 bytes in) usually come with the first.
    private static let decodeStep = 1_024

    init() {
        buffer = .allocate(capacity: 8_192)
    }

    deinit {
        buffer.deallocate()
    }

    /// Starts reading the document compressed in `block`.
    func start(_ block: UnsafeBufferPointer<UInt8>) throws {
        let header: (count: Int, contentStart: Int)
        do {
            header = try BlockCompressor.header(block)
        } catch {
            throw Self.damaged("\(error)")
        }
        if header.count > buffer.count {
            buffer.deallocate()
            buffer = .allocate(capacity: max(header.count, 2 * buffer.count))
        }
        self.block = block
        count = header.count
        position = header.contentStart
        decoded = 0
        members.removeAll(keepingCapacity: true)
        scanned = 0
        isComplete = false
        isOpen = true
        if BlockCompressor.isStored(block), count > 0 {
            buffer.baseAddress!.update(from: block.baseAddress! + 1, count: count)
            decoded = count
        }
    }

    /// Ends reading the current document: its block may go away.
    func finish() {
        block = UnsafeBufferPointer(start: nil, count: 0)
        isOpen = false
    }

    /// The string member `name`, escapes decoded; nil when the document has none or it is null.
    func string(_ name: StaticString) throws -> String? {
        guard let range = try member(name) else { return nil }
        // A string without escapes or control characters is its bytes (checked as UTF-8 as the parser checks them).
        if range.count >= 2, buffer[range.lowerBound] == UInt8(ascii: "\""), buffer[range.upperBound - 1] == UInt8(ascii: "\"") {
            let content = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[range.lowerBound + 1..<range.upperBound - 1])
            if !content.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }), let text = JSONParser.validatedString(content) {
                return text
            }
        }
        return try value(name) { value throws -> String? in
            guard !value.isNull else { return nil }
            guard let text = value.stringValue else { throw Self.damaged("'\(name)' is \(value.typeName), not a string") }
            return text
        } ?? nil
    }

    /// Calls `body` with the member `name` as the document writes it (a string with its quotes and escapes); nil when
    /// the document has none.
    func withRawMember<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        guard let range = try member(name) else { return nil }
        return try body(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[range]))
    }

    /// Calls `body` with the member `name` parsed; nil when the document has none.
    func value<R>(_ name: StaticString, _ body: (JSONParser.Tape.Value) throws -> R) throws -> R? {
        guard let range = try member(name) else { return nil }
        let tape: JSONParser.Tape
        do {
            tape = try JSONParser().tape(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[range]))
        } catch {
            throw Self.damaged("'\(name)': \(error)")
        }
        return try tape.withRoot(body)
    }

    /// The bytes of the first member named `name` (its value as written), scanning and decoding on as far as needed.
    func member(_ name: StaticString) throws -> Range<Int>? {
        precondition(isOpen, "a stored document is read between start and finish")
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        let bytes = UnsafeBufferPointer(buffer)
        for member in members where bytes[member.name].elementsEqual(wanted) { return member.value }
        while !isComplete {
            guard let member = try nextMember() else { break }
            members.append(member)
            if bytes[member.name].elementsEqual(wanted) { return member.value }
        }
        return nil
    }

    // MARK: - Ticket members

    /// The `articles` member of a ticket document: the article ids it names, in its order (empty when none).
    func articleIDs() throws -> [String] {
        try value("articles") { value throws -> [String] in
            guard !value.isNull else { return [] }
            guard let items = value.items else { throw Self.damaged("'articles' is \(value.typeName), not an array") }
            return try items.map { item throws -> String in
                guard let id = item.stringValue else { throw Self.damaged("an article id is \(item.typeName), not a string") }
                return id
            }
        } ?? []
    }

    /// The `to` of every `escalation` event of a ticket document, in its order, as written.
    func escalationTargets() throws -> [String] {
        // An escalation event names its kind: events without those bytes (nor an escape that could spell them) have
        // none, and are not parsed.
        let named = try withRawMember("events") { raw in Self.contains(raw, "escalation") || Self.contains(raw, "\\u") }
        guard named == true else { return [] }
        return try value("events") { value throws -> [String] in
            guard !value.isNull else { return [] }
            guard let items = value.items else { throw Self.damaged("'events' is \(value.typeName), not an array") }
            return items.compactMap { event in
                guard event.member("kind")?.stringValue == EventKind.escalation.rawValue else { return nil }
                return event.member("to")?.stringValue
            }
        } ?? []
    }

    /// The `to` of every `escalation` event that names a vendor (`vendor:NAME`, in any case), in order, as written.
    ///
    /// Escalations to support's own levels are common; events that name no vendor (nor hold an escape that could
    /// spell one) are not parsed.
    func vendorEscalationTargets() throws -> [String] {
        let named = try withRawMember("events") { raw in Self.containsVendorName(raw) || Self.contains(raw, "\\u") }
        guard named == true else { return [] }
        return try escalationTargets().filter { $0.lowercased().hasPrefix("vendor:") }
    }

    /// Whether `bytes` hold `vendor:` in any case of its ASCII letters.
    static func containsVendorName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let name: [UInt8] = Array("vendor".utf8)
        var index = 6
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: ":")), bytes.count - index) else { return false }
            let colon = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
            // ASCII letters differ from their capitals in bit 0x20 alone.
            if (0..<6).allSatisfy({ base[colon - 6 + $0] | 0x20 == name[$0] }) { return true }
            index = colon + 1
        }
        return false
    }

    /// Whether `bytes` hold `pattern` (`memmem`, which Glibc's module does not export).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        let length = pattern.utf8CodeUnitCount
        guard length > 0, bytes.count >= length, let base = bytes.baseAddress else { return length == 0 }
        let first = Int32(pattern.utf8Start.pointee)
        var index = 0
        while index <= bytes.count - length {
            guard let found = memchr(base + index, first, bytes.count - length + 1 - index) else { return false }
            let at = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
            if memcmp(base + at, pattern.utf8Start, length) == 0 { return true }
            index = at + 1
        }
        return false
    }

    // MARK: - Scanning

    /// The next top-level member, or nil after the object's last one.
    private func nextMember() throws -> (name: Range<Int>, value: Range<Int>)? {
        var index = scanned
        if index == 0 {
            index = try skipSpace(from: index)
            guard try byte(at: index) == UInt8(ascii: "{") else { throw Self.damaged("the document is not an object") }
            index = try skipSpace(from: index + 1)
            if try byte(at: index) == UInt8(ascii: "}") { return end() }
        }
        guard try byte(at: index) == UInt8(ascii: "\"") else { throw Self.damaged("a member name expected at byte \(index)") }
        let nameStart = index + 1
        let nameEnd = try stringEnd(from: index)
        index = try skipSpace(from: nameEnd)
        guard try byte(at: index) == UInt8(ascii: ":") else { throw Self.damaged("':' expected at byte \(index)") }
        let valueStart = try skipSpace(from: index + 1)
        let valueEnd = try valueEnd(from: valueStart)
        index = try skipSpace(from: valueEnd)
        switch try byte(at: index) {
        case UInt8(ascii: ","): scanned = try skipSpace(from: index + 1)
        case UInt8(ascii: "}"): isComplete = true
        default: throw Self.damaged("',' or '}' expected at byte \(index)")
        }
        return (nameStart..<nameEnd - 1, valueStart..<valueEnd)
    }

    private func end() -> (name: Range<Int>, value: Range<Int>)? {
        isComplete = true
        return nil
    }

    /// The byte at `index`, decoding on as far as it; nil past the document's end.
    @inline(__always)
    private func byte(at index: Int) throws -> UInt8? {
        if index >= decoded {
            guard index < count else { return nil }
            try decode(through: index)
        }
        return buffer[index]
    }

    private func decode(through index: Int) throws {
        let target = min(count, max(index + 1, decoded + Self.decodeStep))
        do {
            try BlockCompressor.decode(block, at: &position, produced: &decoded,
                                       into: UnsafeMutableBufferPointer(rebasing: buffer[..<count]), until: target)
        } catch {
            throw Self.damaged("\(error)")
        }
    }

    private func skipSpace(from start: Int) throws -> Int {
        var index = start
        while let byte = try byte(at: index), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        return index
    }

    /// The index after the closing quote of the string whose opening quote is at `start`.
    private func stringEnd(from start: Int) throws -> Int {
        var index = start + 1
        while true {
            // Strings are most of a document and the scan crosses them all: `memchr` finds each quote, and one
            // preceded by an odd run of backslashes is escaped.
            let base = buffer.baseAddress!, limit = decoded
            while index < limit {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), limit - index) else {
                    index = limit
                    break
                }
                let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var backslashes = 0
                while quote - backslashes - 1 > start, base[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0 { return quote + 1 }
                index = quote + 1
            }
            guard index < count else { throw Self.damaged("a string runs past the end") }
            if index >= decoded { try decode(through: index) }
        }
    }

    /// The index after the value that begins at `start`: a string, an object or array (with everything inside), or a
    /// number or literal.
    private func valueEnd(from start: Int) throws -> Int {
        guard let first = try byte(at: start) else { throw Self.damaged("a value expected at byte \(start)") }
        switch first {
        case UInt8(ascii: "\""):
            return try stringEnd(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while true {
                let base = buffer.baseAddress!, limit = decoded
                while index < limit {
                    switch base[index] {
                    case UInt8(ascii: "\""):
                        index = try stringEnd(from: index)
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return index + 1 }
                    default:
                        break
                    }
                    index += 1
                }
                guard index < count else { throw Self.damaged("a container runs past the end") }
                if index >= decoded { try decode(through: index) }
            }
        default:
            var index = start
            while let byte = try byte(at: index), byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
                  byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 {
                index += 1
            }
            guard index > start else { throw Self.damaged("a value expected at byte \(start)") }
            return index
        }
    }

    private static func damaged(_ detail: String) -> StoreError {
        StoreError.corrupted(path: "tickets", detail: "a stored ticket does not decode: \(detail)")
    }
}
