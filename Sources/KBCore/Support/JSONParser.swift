import Foundation

/// A strict JSON parser over UTF-8 bytes with limits on depth and size.
///
/// Written by hand because import parses millions of lines: it is several times faster than
/// Foundation's on Linux, reports the byte offset of an error, and refuses deeply nested input
/// with an error instead of overflowing the stack.
///
/// The grammar is read once, by `Reader`, which hands what it finds to a sink: `ValueSink`
/// builds a `JSONValue`, `TapeSink` records positions for a `Tape`. Both see the same checks, so
/// both refuse the same texts with the same error at the same offset.
public struct JSONParser {
    /// Why a text is not acceptable JSON.
    public struct SyntaxError: Error, DiagnosticConvertible, Sendable, Equatable {
        public let offset: Int
        public let reason: String
        /// The message alone: readers that know the file (and the line the text started on) place it.
        public var description: String { "invalid JSON at byte \(offset + 1): \(reason)" }
        public var diagnostic: Diagnostic { Diagnostic(.error, description) }
    }

    /// Deepest nesting of arrays and objects accepted.
    public var maximumDepth = 64

    public init(maximumDepth: Int = 64) {
        self.maximumDepth = maximumDepth
    }

    /// Parses one complete JSON text.
    public func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var copy = text
        let result: Result<JSONValue, SyntaxError> = copy.withUTF8 { bytes in
            do throws(SyntaxError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one complete JSON text held in `bytes`.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes, maximumDepth: maximumDepth, sink: ValueSink())
        try reader.document()
        return reader.sink.values[0]
    }

    /// Parses one complete JSON text held in `bytes`, keeping where each value starts: for files people edit,
    /// whose errors must point at a line.
    func parseLocated(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> LocatedJSON {
        var reader = Reader(bytes: bytes, maximumDepth: maximumDepth, sink: LocatedSink())
        try reader.document()
        return reader.sink.values[0]
    }

    /// Checks one complete JSON text exactly as `parse` does and records where its values are,
    /// decoding nothing: a reader then decodes only the values it asks for.
    func tape(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Tape {
        var sink = TapeSink()
        // About one value per 16 bytes in ticket records; a guess that saves regrowing the array.
        sink.nodes.reserveCapacity(bytes.count / 16 + 4)
        var reader = Reader(bytes: bytes, maximumDepth: maximumDepth, sink: sink)
        try reader.document()
        return Tape(bytes: bytes, nodes: reader.sink.nodes)
    }

    // MARK: - Reading

    /// Receives a JSON text's values in document order as the reader checks them.
    private protocol Sink {
        /// A string value or member name; false when its bytes are not valid UTF-8. `text` is the
        /// content between the quotes as written (`escaped` false, `isASCII` known) or as decoded
        /// from its escapes (`escaped` true); `raw` is where the content is written.
        mutating func string(_ text: UnsafeBufferPointer<UInt8>, raw: Range<Int>, escaped: Bool, isASCII: Bool, isKey: Bool) -> Bool
        mutating func number(_ value: Double)
        mutating func bool(_ value: Bool)
        mutating func null()
        mutating func beginContainer(isObject: Bool)
        mutating func endObject(memberCount: Int)
        mutating func endArray(itemCount: Int)
        /// The next value starts at byte `offset`.
        mutating func willRead(at offset: Int)
    }

    private struct Reader<S: Sink> {
        let bytes: UnsafeBufferPointer<UInt8>
        let maximumDepth: Int
        var sink: S
        var index = 0
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, sink: S) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
            self.sink = sink
        }

        func fail(_ reason: String) -> SyntaxError {
            SyntaxError(offset: index, reason: reason)
        }

        mutating func document() throws(SyntaxError) {
            skipWhitespace()
            try value(depth: 0)
            skipWhitespace()
            guard index == bytes.count else { throw fail("unexpected text after the value") }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) {
            guard index < bytes.count else { throw fail("unexpected end of input") }
            sink.willRead(at: index)
            switch bytes[index] {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string(isKey: false)
            case UInt8(ascii: "t"): try literal("true"); sink.bool(true)
            case UInt8(ascii: "f"): try literal("false"); sink.bool(false)
            case UInt8(ascii: "n"): try literal("null"); sink.null()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): sink.number(try number())
            default: throw fail("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail("unexpected end of input") }
            let start = word.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                throw fail("unexpected character")
            }
            index += count
        }

        mutating func object(depth: Int) throws(SyntaxError) {
            guard depth <= maximumDepth else { throw fail("nested deeper than \(maximumDepth) levels") }
            index += 1
            sink.beginContainer(isObject: true)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                sink.endObject(memberCount: 0)
                return
            }
            var count = 0
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw fail("expected a member name in quotes")
                }
                try string(isKey: true)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                skipWhitespace()
                try value(depth: depth)
                count += 1
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    sink.endObject(memberCount: count)
                    return
                } else {
                    throw fail("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) {
            guard depth <= maximumDepth else { throw fail("nested deeper than \(maximumDepth) levels") }
            index += 1
            sink.beginContainer(isObject: false)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                sink.endArray(itemCount: 0)
                return
            }
            var count = 0
            while true {
                skipWhitespace()
                try value(depth: depth)
                count += 1
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    sink.endArray(itemCount: count)
                    return
                } else {
                    throw fail("expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            let isNegative = bytes[index] == UInt8(ascii: "-")
            if isNegative { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
            let integerStart = index
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            let isInteger = index == bytes.count
                || (bytes[index] != UInt8(ascii: ".") && bytes[index] != UInt8(ascii: "e") && bytes[index] != UInt8(ascii: "E"))
            if isInteger, index - integerStart <= 15 {
                // Integers of up to 15 digits are exact in a Double: no need for a String and strtod.
                var magnitude = 0
                for position in integerStart..<index { magnitude = magnitude * 10 + Int(bytes[position] &- 0x30) }
                return isNegative ? -Double(magnitude) : Double(magnitude)
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let number = Double(text), number.isFinite else {
                index = start
                throw fail("number out of range")
            }
            return number
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func string(isKey: Bool) throws(SyntaxError) {
            index += 1
            let start = index
            let count = bytes.count
            // Fast path: no escapes, so the text is the bytes between the quotes. Eight bytes at a time
            // while none of them is a quote, a backslash or a control character.
            var highBits: UInt64 = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let stops = JSONParser.plainRunStops(word)
                    if stops != 0 {
                        // The lowest flagged byte is a real stop (the tests only misfire above one).
                        let plainBits = stops.trailingZeroBitCount & ~7
                        highBits |= word & ((1 << plainBits) &- 1)
                        index += plainBits >> 3
                        break
                    }
                    highBits |= word
                    index += 8
                }
            }
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    let isASCII = highBits & 0x8080_8080_8080_8080 == 0
                    guard sink.string(slice, raw: start..<(index - 1), escaped: false, isASCII: isASCII, isKey: isKey) else {
                        index = start
                        throw fail("invalid UTF-8 in string")
                    }
                    return
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                highBits |= UInt64(byte)
                index += 1
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    let isValid = scratch.withUnsafeBufferPointer { decoded in
                        sink.string(decoded, raw: start..<(index - 1), escaped: true, isASCII: false, isKey: isKey)
                    }
                    guard isValid else { throw fail("invalid UTF-8 in string") }
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < count else { throw fail("unterminated string") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scratch.append(0x22)
                    case UInt8(ascii: "\\"): scratch.append(0x5C)
                    case UInt8(ascii: "/"): scratch.append(0x2F)
                    case UInt8(ascii: "b"): scratch.append(0x08)
                    case UInt8(ascii: "f"): scratch.append(0x0C)
                    case UInt8(ascii: "n"): scratch.append(0x0A)
                    case UInt8(ascii: "r"): scratch.append(0x0D)
                    case UInt8(ascii: "t"): scratch.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"),
                                  bytes[index + 1] == UInt8(ascii: "u") else {
                                throw fail("unpaired surrogate in string")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in string") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw fail("unpaired surrogate in string")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid escape") }
                        scratch.append(contentsOf: UTF8.encode(unicode)!)
                    default:
                        throw fail("invalid escape")
                    }
                default:
                    guard byte >= 0x20 else { throw fail("control character in string") }
                    scratch.append(byte)
                    index += 1
                }
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail("invalid escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = JSONParser.hexDigit(bytes[index]) else { throw fail("invalid escape") }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }

    // MARK: - Sinks

    /// Builds `JSONValue`s: values and member names wait on stacks until their container closes,
    /// so each array is allocated once at its exact size.
    private struct ValueSink: Sink {
        var values: [JSONValue] = []
        var keys: [String] = []

        mutating func string(_ text: UnsafeBufferPointer<UInt8>, raw: Range<Int>, escaped: Bool, isASCII: Bool, isKey: Bool) -> Bool {
            guard let string = JSONParser.validatedString(text) else { return false }
            if isKey {
                keys.append(string)
            } else {
                values.append(.string(string))
            }
            return true
        }

        mutating func number(_ value: Double) { values.append(.number(value)) }
        mutating func bool(_ value: Bool) { values.append(.bool(value)) }
        mutating func null() { values.append(.null) }
        mutating func beginContainer(isObject: Bool) {}
        mutating func willRead(at offset: Int) {}

        mutating func endObject(memberCount: Int) {
            let keyBase = keys.count - memberCount
            let valueBase = values.count - memberCount
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(memberCount)
            for offset in 0..<memberCount {
                members.append((keys[keyBase + offset], values[valueBase + offset]))
            }
            keys.removeSubrange(keyBase...)
            values.removeSubrange(valueBase...)
            values.append(.object(members))
        }

        mutating func endArray(itemCount: Int) {
            let base = values.count - itemCount
            let items = Array(values[base...])
            values.removeSubrange(base...)
            values.append(.array(items))
        }
    }

    /// Builds `LocatedJSON` the way `ValueSink` builds `JSONValue`, with each value's starting offset.
    private struct LocatedSink: Sink {
        var values: [LocatedJSON] = []
        var keys: [String] = []
        var nextOffset = 0
        /// Where the containers still open start, innermost last.
        var openOffsets: [Int] = []

        mutating func string(_ text: UnsafeBufferPointer<UInt8>, raw: Range<Int>, escaped: Bool, isASCII: Bool, isKey: Bool) -> Bool {
            guard let string = JSONParser.validatedString(text) else { return false }
            if isKey {
                keys.append(string)
            } else {
                values.append(LocatedJSON(offset: nextOffset, content: .string(string)))
            }
            return true
        }

        mutating func number(_ value: Double) { values.append(LocatedJSON(offset: nextOffset, content: .number(value))) }
        mutating func bool(_ value: Bool) { values.append(LocatedJSON(offset: nextOffset, content: .bool(value))) }
        mutating func null() { values.append(LocatedJSON(offset: nextOffset, content: .null)) }
        mutating func beginContainer(isObject: Bool) { openOffsets.append(nextOffset) }
        mutating func willRead(at offset: Int) { nextOffset = offset }

        mutating func endObject(memberCount: Int) {
            let keyBase = keys.count - memberCount
            let valueBase = values.count - memberCount
            let members = (0..<memberCount).map { (key: keys[keyBase + $0], value: values[valueBase + $0]) }
            keys.removeSubrange(keyBase...)
            values.removeSubrange(valueBase...)
            values.append(LocatedJSON(offset: openOffsets.removeLast(), content: .object(members)))
        }

        mutating func endArray(itemCount: Int) {
            let base = values.count - itemCount
            let items = Array(values[base...])
            values.removeSubrange(base...)
            values.append(LocatedJSON(offset: openOffsets.removeLast(), content: .array(items)))
        }
    }

    /// Records a `Tape`: one node per value and member name, containers before their contents.
    private struct TapeSink: Sink {
        var nodes: [Tape.Node] = []
        /// Containers still open, innermost last.
        var open: [Int] = []

        mutating func string(_ text: UnsafeBufferPointer<UInt8>, raw: Range<Int>, escaped: Bool, isASCII: Bool, isKey: Bool) -> Bool {
            if !isASCII {
                guard JSONParser.isValidUTF8(text) else { return false }
            }
            var node = Tape.Node(kind: escaped ? .escapedString : .string, isASCII: isASCII, start: raw.lowerBound, end: raw.upperBound)
            if isKey {
                node.fingerprint = isASCII && !escaped ? Tape.Object.fingerprint(text) : Tape.Object.compareAsString
            }
            nodes.append(node)
            return true
        }

        mutating func number(_ value: Double) {
            nodes.append(Tape.Node(number: value))
        }

        mutating func bool(_ value: Bool) {
            nodes.append(Tape.Node(kind: value ? .true : .false))
        }

        mutating func null() {
            nodes.append(Tape.Node(kind: .null))
        }

        mutating func beginContainer(isObject: Bool) {
            open.append(nodes.count)
            nodes.append(Tape.Node(kind: isObject ? .object : .array))
        }

        mutating func endObject(memberCount: Int) { close() }
        mutating func endArray(itemCount: Int) { close() }
        mutating func willRead(at offset: Int) {}

        private mutating func close() {
            let container = open.removeLast()
            nodes[container].end = nodes.count
        }
    }

    // MARK: - Bytes

    /// The high bit of each of the eight bytes of `word` (first byte lowest) that is a quote, a
    /// backslash or below 0x20 (a control character): the classic SWAR tests for a zero byte and for
    /// a byte below n. Zero exactly when there is none; when not, the lowest bit set marks a real
    /// one (a borrow can only flag bytes above a real match).
    @inline(__always)
    static func plainRunStops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highBits
        let hasBackslash = (backslashes &- ones) & ~backslashes & highBits
        let hasControl = (word &- ones &* 0x20) & ~word & highBits
        return hasQuote | hasBackslash | hasControl
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - 0x61 + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - 0x41 + 10)
        default: nil
        }
    }

    /// The string these bytes spell, or nil when they are not valid UTF-8.
    ///
    /// `String(decoding:)` is the fast, non-generic way in, but it repairs what it cannot decode; a
    /// repair replaces 1 to 3 bytes with the 3 bytes of U+FFFD, which differ from what was there,
    /// so the bytes are valid exactly when the result is the same bytes. (`String(validating:)`
    /// answers the same question several times slower on Linux.)
    static func validatedString(_ slice: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: slice, as: UTF8.self)
        let isSame = text.withUTF8 { decoded in
            decoded.count == slice.count
                && (decoded.isEmpty || memcmp(decoded.baseAddress!, slice.baseAddress!, decoded.count) == 0)
        }
        return isSame ? text : nil
    }

    /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, surrogates,
    /// values past U+10FFFF or truncated sequences), the same rule `String(validating:)` applies.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            offset < count && base[offset] & 0xC0 == 0x80
        }
        @inline(__always) func isIn(_ offset: Int, _ range: ClosedRange<UInt8>) -> Bool {
            offset < count && range.contains(base[offset])
        }
        var index = 0
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            switch lead {
            case 0x00...0x7F:
                index += 1
            case 0xC2...0xDF:
                guard isContinuation(index + 1) else { return false }
                index += 2
            case 0xE0:
                guard isIn(index + 1, 0xA0...0xBF), isContinuation(index + 2) else { return false }
                index += 3
            case 0xE1...0xEC, 0xEE, 0xEF:
                guard isContinuation(index + 1), isContinuation(index + 2) else { return false }
                index += 3
            case 0xED:
                guard isIn(index + 1, 0x80...0x9F), isContinuation(index + 2) else { return false }
                index += 3
            case 0xF0:
                guard isIn(index + 1, 0x90...0xBF), isContinuation(index + 2), isContinuation(index + 3) else { return false }
                index += 4
            case 0xF1...0xF3:
                guard isContinuation(index + 1), isContinuation(index + 2), isContinuation(index + 3) else { return false }
                index += 4
            case 0xF4:
                guard isIn(index + 1, 0x80...0x8F), isContinuation(index + 2), isContinuation(index + 3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }
}

extension JSONParser {
    /// A JSON text the parser has checked, kept as the positions of its values in its bytes.
    ///
    /// Nothing is decoded until asked for, so a reader that wants a few members pays for those
    /// only: no string is made for a member name, a timestamp or an enum value read as bytes.
    /// Valid while the bytes it was parsed from are.
    struct Tape {
        enum Kind: UInt8 {
            case null, `false`, `true`, number, string, escapedString, array, object
        }

        /// One value or member name. An object's node is followed by its members (a name node, then
        /// the value's nodes); an array's by its items' nodes.
        struct Node {
            /// Strings: where the content between the quotes is written. Numbers: the value's bits.
            var start = 0
            /// Strings: the end of the content. Containers: the index of the node after the last
            /// node inside.
            var end = 0
            var kind: Kind
            /// Strings written without escapes: whether all their bytes are ASCII.
            var isASCII = false
            /// Member names: `Object.fingerprint` of a plain ASCII name, else `Object.compareAsString`.
            var fingerprint: UInt64 = 0

            init(kind: Kind, isASCII: Bool = false, start: Int = 0, end: Int = 0) {
                self.kind = kind
                self.isASCII = isASCII
                self.start = start
                self.end = end
            }

            init(number: Double) {
                self.init(kind: .number, start: Int(bitPattern: UInt(number.bitPattern)))
            }

            var number: Double { Double(bitPattern: UInt64(UInt(bitPattern: start))) }
        }

        let bytes: UnsafeBufferPointer<UInt8>
        let nodes: [Node]

        /// Calls `body` with the top-level value, readable only inside `body`.
        func withRoot<R, E: Error>(_ body: (Value) throws(E) -> R) throws(E) -> R {
            let result: Result<R, E> = nodes.withUnsafeBufferPointer { nodes in
                do throws(E) { return .success(try body(Value(nodes: nodes, bytes: bytes, index: 0))) } catch { return .failure(error) }
            }
            return try result.get()
        }

        /// A value in a tape: a position, read on demand.
        struct Value {
            let nodes: UnsafeBufferPointer<Node>
            let bytes: UnsafeBufferPointer<UInt8>
            let index: Int

            var kind: Kind { nodes[index].kind }

            var isNull: Bool { kind == .null }

            /// A short name of the value's type, as `JSONValue.typeName` gives it.
            var typeName: String {
                switch kind {
                case .null: "null"
                case .false, .true: "a boolean"
                case .number: "a number"
                case .string, .escapedString: "a string"
                case .array: "an array"
                case .object: "an object"
                }
            }

            var numberValue: Double? {
                kind == .number ? nodes[index].number : nil
            }

            /// The number as an integer when it has no fractional part, as `JSONValue.intValue`.
            var intValue: Int? {
                guard let number = numberValue, number.rounded() == number, abs(number) < 9e15 else { return nil }
                return Int(number)
            }

            /// The index of the node after this value and everything inside it.
            private var next: Int {
                switch kind {
                case .array, .object: nodes[index].end
                default: index + 1
                }
            }

            /// The UTF-8 of a string as written between its quotes (escapes not decoded).
            private var rawBytes: UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[nodes[index].start..<nodes[index].end])
            }

            /// Calls `body` with a string's UTF-8 (decoded), or returns nil when this is not a string.
            func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
                switch kind {
                case .string:
                    return try body(rawBytes)
                case .escapedString:
                    return try Self.unescaped(rawBytes).withUnsafeBufferPointer(body)
                default:
                    return nil
                }
            }

            var stringValue: String? {
                withUTF8 { String(decoding: $0, as: UTF8.self) }
            }

            /// The items of an array, nil for anything else.
            var items: [Value]? {
                guard kind == .array else { return nil }
                var items: [Value] = []
                var item = index + 1
                while item < nodes[index].end {
                    let value = Value(nodes: nodes, bytes: bytes, index: item)
                    items.append(value)
                    item = value.next
                }
                return items
            }

            /// The last member named `key` (null included) of an object, names compared as Swift
            /// strings; nil when there is none or this is not an object.
            func member(_ key: String) -> Value? {
                object?.member(key)
            }

            /// The value as an object whose members can be looked up by name; nil for other values.
            var object: Object? {
                kind == .object ? Object(self) : nil
            }

            /// Decodes the escapes of string content the parser has already checked.
            private static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
                var decoded: [UInt8] = []
                decoded.reserveCapacity(raw.count)
                var index = 0
                func hex4(at offset: Int) -> UInt32 {
                    var value: UInt32 = 0
                    for position in offset..<(offset + 4) { value = value * 16 + (JSONParser.hexDigit(raw[position]) ?? 0) }
                    return value
                }
                while index < raw.count {
                    let byte = raw[index]
                    guard byte == UInt8(ascii: "\\") else {
                        decoded.append(byte)
                        index += 1
                        continue
                    }
                    let escape = raw[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "b"): decoded.append(0x08)
                    case UInt8(ascii: "f"): decoded.append(0x0C)
                    case UInt8(ascii: "n"): decoded.append(0x0A)
                    case UInt8(ascii: "r"): decoded.append(0x0D)
                    case UInt8(ascii: "t"): decoded.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = hex4(at: index)
                        index += 4
                        if (0xD800...0xDBFF).contains(scalar) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4(at: index + 2) - 0xDC00)
                            index += 6
                        }
                        if let unicode = Unicode.Scalar(scalar), let encoded = UTF8.encode(unicode) {
                            decoded.append(contentsOf: encoded)
                        }
                    default:
                        // \" \\ \/ stand for themselves.
                        decoded.append(escape)
                    }
                }
                return decoded
            }
        }

        /// An object's members. A member name written as plain ASCII carries a fingerprint made
        /// when it was parsed, its length and first 7 bytes (all of it when shorter), so looking a
        /// field up costs one comparison per member; any other name is compared as a Swift string.
        struct Object {
            let value: Value

            init(_ value: Value) {
                self.value = value
            }

            /// The fingerprint of names that must be compared as strings.
            static let compareAsString = UInt64.max

            /// Length (capped below 255) in the top byte, the first 7 bytes below.
            @inline(__always)
            static func fingerprint(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
                var fingerprint = UInt64(min(name.count, 254)) << 56
                var offset = 0
                while offset < min(name.count, 7) {
                    fingerprint |= UInt64(name[offset]) << (offset * 8)
                    offset += 1
                }
                return fingerprint
            }

            private func node(_ index: Int) -> Value {
                Value(nodes: value.nodes, bytes: value.bytes, index: index)
            }

            /// Calls `body` with the node indices of each member's name and value, in order.
            @inline(__always)
            private func forEachMember(_ body: (_ name: Int, _ value: Int) -> Void) {
                let nodes = value.nodes
                var name = value.index + 1
                let end = nodes[value.index].end
                while name < end {
                    let valueIndex = name + 1
                    body(name, valueIndex)
                    let valueNode = nodes[valueIndex]
                    name = valueNode.kind == .object || valueNode.kind == .array ? valueNode.end : valueIndex + 1
                }
            }

            var members: [(String, Value)] {
                var members: [(String, Value)] = []
                forEachMember { name, value in members.append((node(name).stringValue ?? "", node(value))) }
                return members
            }

            /// The last member named `key` (null included), nil when there is none. Names compare as
            /// Swift strings do; plain ASCII names against an ASCII key, the usual case, compare as
            /// bytes, which is the same thing for them.
            func member(_ key: String) -> Value? {
                let utf8 = Array(key.utf8)
                guard utf8.allSatisfy({ $0 < 0x80 }) else { return member(named: key) }
                return member(key, utf8: utf8, fingerprint: utf8.withUnsafeBufferPointer { Self.fingerprint($0) })
            }

            /// `member(_:)` for an ASCII key whose UTF-8 and fingerprint are already at hand.
            func member(_ key: String, utf8 keyBytes: [UInt8], fingerprint keyFingerprint: UInt64) -> Value? {
                let nodes = value.nodes
                let bytes = value.bytes
                let keyCount = keyBytes.count
                var found = -1
                forEachMember { name, value in
                    let nameNode = nodes[name]
                    if nameNode.fingerprint == keyFingerprint {
                        guard keyCount > 7 else {
                            found = value
                            return
                        }
                        guard nameNode.end - nameNode.start == keyCount else { return }
                        var offset = 7
                        while offset < keyCount, bytes[nameNode.start + offset] == keyBytes[offset] { offset += 1 }
                        if offset == keyCount { found = value }
                    } else if nameNode.fingerprint == Self.compareAsString, node(name).stringValue == key {
                        found = value
                    }
                }
                return found < 0 ? nil : node(found)
            }

            /// The last member named `key` (null included), names compared as Swift strings.
            func member(named key: String) -> Value? {
                var found = -1
                forEachMember { name, value in
                    if node(name).stringValue == key { found = value }
                }
                return found < 0 ? nil : node(found)
            }
        }
    }
}
