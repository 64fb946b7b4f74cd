import Foundation
import Testing
@testable import KBCore

@Suite struct JSONParserTests {
    let parser = JSONParser()

    func parse(_ bytes: [UInt8]) throws(JSONParser.SyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONParser.SyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParser.SyntaxError) { return .success(try parser.parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The parse error for `bytes`, or nil when they parse.
    func error(_ bytes: [UInt8]) -> JSONParser.SyntaxError? {
        do {
            _ = try parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func nestedContainersKeepTheirOwnMembers() throws {
        let value = try parser.parse("""
            {"a": [1, {"b": [], "c": {}}, [2, [3, 4]], "x"], "d": {"e": {"f": [true, false, null]}}, "g": 5}
            """)
        let expected: JSONValue = .object([
            ("a", .array([
                .number(1), .object([("b", .array([])), ("c", .object([]))]),
                .array([.number(2), .array([.number(3), .number(4)])]), .string("x"),
            ])),
            ("d", .object([("e", .object([("f", .array([.bool(true), .bool(false), .null]))]))])),
            ("g", .number(5)),
        ])
        #expect(value == expected)
    }

    @Test func repeatedMembersAreKeptInOrderAndTheLastWins() throws {
        let value = try parser.parse(#"{"k": 1, "other": 2, "k": 3}"#)
        #expect(value.objectValue?.map(\.0) == ["k", "other", "k"])
        #expect(value["k"] == .number(3))
    }

    /// Strings of every length around the 8-byte steps of the fast scan, with the character that
    /// ends it (quote, escape, control character, non-ASCII) at every position.
    @Test func stringsOfEveryLengthAndBoundary() throws {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            #expect(try parser.parse("\"\(plain)\"") == .string(plain))
            for position in 0..<max(length, 1) where length > 0 {
                var escaped = Array(plain)
                escaped[position] = "\""
                let text = String(escaped)
                let json = "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
                #expect(try parser.parse(json) == .string(text))

                var accented = Array(plain)
                accented[position] = "ñ"
                #expect(try parser.parse("\"\(String(accented))\"") == .string(String(accented)))

                var control = Array(plain.utf8)
                control[position] = 0x0A
                #expect(error([0x22] + control + [0x22])?.reason == "control character in string")

                var backslashed = Array(plain.utf8)
                backslashed.insert(contentsOf: [0x5C, 0x6E], at: position)
                var expected = Array(plain.utf8)
                expected.insert(0x0A, at: position)
                #expect(try parse([0x22] + backslashed + [0x22]) == .string(String(decoding: expected, as: UTF8.self)))
            }
        }
    }

    @Test func escapesDecode() throws {
        let value = try parser.parse(#""\"\\\/\b\f\n\r\t\u00e9\u00F1\ud83d\ude00 fin""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\té\u{F1}😀 fin"))
    }

    @Test func validUTF8OfEveryWidthIsKept() throws {
        let text = "año ü ß € 中文 😀 \u{10FFFF} Ωmega"
        #expect(try parser.parse("{\"\(text)\": \"\(text)\"}") == .object([(text, .string(text))]))
    }

    /// Malformed UTF-8 is refused with or without escapes in the string: lone continuation bytes,
    /// overlong forms, surrogates, values past U+10FFFF, bytes that never start a sequence and
    /// truncated sequences (a truncated 4-byte sequence is replaced by U+FFFD byte for byte in
    /// length, so it is a sharp test of the check).
    @Test(arguments: [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x90, 0x80], [0xF0, 0x90, 0x80, 0x41], [0xEF, 0xBF],
    ] as [[UInt8]])
    func invalidUTF8IsRefused(sequence: [UInt8]) {
        for prefix in [[], Array("abcdefghij".utf8)] as [[UInt8]] {
            let plain: [UInt8] = [0x22] + prefix + sequence + Array("xyz".utf8) + [0x22]
            #expect(error(plain)?.reason == "invalid UTF-8 in string", "\(prefix + sequence)")
            let escaped: [UInt8] = [0x22] + prefix + Array(#"\n"#.utf8) + sequence + [0x22]
            #expect(error(escaped)?.reason == "invalid UTF-8 in string", "escaped \(prefix + sequence)")
            let key: [UInt8] = [0x7B, 0x22] + sequence + [0x22, 0x3A, 0x31, 0x7D]
            #expect(error(key)?.reason == "invalid UTF-8 in string", "key \(sequence)")
        }
    }

    @Test func theReplacementCharacterItselfIsValid() throws {
        #expect(try parse([0x22, 0xEF, 0xBF, 0xBD, 0x22]) == .string("\u{FFFD}"))
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("7", 7.0), ("-42", -42.0), ("123456789012345", 123_456_789_012_345.0),
        ("1234567890123456789", 1_234_567_890_123_456_789.0), ("-9007199254740993", -9_007_199_254_740_993.0),
        ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000.0), ("2E-2", 0.02), ("1.5e+2", 150.0), ("10", 10.0),
    ])
    func numbersParse(text: String, expected: Double) throws {
        let value = try #require(try parser.parse(text).numberValue)
        #expect(value == expected)
        #expect(value.sign == expected.sign)
        #expect(try parser.parse("[\(text)]") == .array([.number(expected)]))
    }

    @Test(arguments: ["01", "-", "-a", "1.", "1.e3", "1e", "1e+", ".5", "+1", "0x10"])
    func malformedNumbersAreRefused(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parser.parse(text) }
    }

    @Test func outOfRangeNumbersAreRefused() {
        #expect(error(Array("1e400".utf8))?.reason == "number out of range")
    }

    @Test func integersAsTheyAreStored() throws {
        #expect(try parser.parse(#"{"severity": 3}"#)["severity"]?.intValue == 3)
        #expect(try parser.parse(#"{"severity": 3.0}"#)["severity"]?.intValue == 3)
        #expect(try parser.parse(#"{"severity": 3.5}"#)["severity"]?.intValue == nil)
    }

    @Test func nestingIsLimited() throws {
        let limited = JSONParser(maximumDepth: 3)
        #expect(try limited.parse("[[[1]]]") == .array([.array([.array([.number(1)])])]))
        #expect(throws: JSONParser.SyntaxError.self) { try limited.parse("[[[[1]]]]") }
        #expect(throws: JSONParser.SyntaxError.self) { try limited.parse(#"{"a":{"b":{"c":{}}}}"#) }
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parser.parse(deep) }
    }

    @Test(arguments: [
        ("", "unexpected end of input"), ("{", "expected a member name in quotes"), ("[1,", "unexpected end of input"),
        (#"{"a" 1}"#, "expected ':'"), (#"{"a":1 "b":2}"#, "expected ',' or '}'"), ("[1 2]", "expected ',' or ']'"),
        (#""abc"#, "unterminated string"), (#""a\"#, "unterminated string"), (#""\x""#, "invalid escape"),
        (#""\u12""#, "invalid escape"), (#""\ud800""#, "unpaired surrogate in string"),
        (#""\udc00""#, "unpaired surrogate in string"), (#""\ud800\u0041""#, "unpaired surrogate in string"),
        ("tru", "unexpected end of input"), ("nul1", "unexpected character"), ("[1] x", "unexpected text after the value"),
        ("{\"a\":1,}", "expected a member name in quotes"),
    ])
    func syntaxErrorsAreNamed(text: String, reason: String) {
        #expect(error(Array(text.utf8))?.reason == reason)
    }

    @Test func errorOffsetsPointAtTheProblem() {
        // The invalid byte is in the string that starts at offset 6 (after the quote, offset 7).
        let bytes: [UInt8] = Array(#"{"a": "ok"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(error(bytes)?.offset == 7)
        #expect(error(Array("[1, 2, x]".utf8))?.offset == 7)
    }

    @Test func whitespaceAroundValuesIsAllowed() throws {
        #expect(try parser.parse(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n") == .object([("a", .array([.number(1), .number(2)]))]))
    }

    // MARK: - Tape

    /// A deterministic generator, so a failing case can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A tape read back as a `JSONValue` through the tape's own reading API.
    static func value(of tape: JSONParser.Tape.Value) -> JSONValue {
        switch tape.kind {
        case .null: .null
        case .false: .bool(false)
        case .true: .bool(true)
        case .number: .number(tape.numberValue!)
        case .string, .escapedString: .string(tape.stringValue!)
        case .array: .array(tape.items!.map(value(of:)))
        case .object: .object(tape.object!.members.map { ($0.0, value(of: $0.1)) })
        }
    }

    func viaTape(_ bytes: [UInt8], parser: JSONParser = JSONParser()) -> Result<JSONValue, JSONParser.SyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParser.SyntaxError) {
                return .success(try parser.tape(buffer).withRoot { Self.value(of: $0) })
            } catch {
                return .failure(error)
            }
        }
    }

    func viaValue(_ bytes: [UInt8], parser: JSONParser = JSONParser()) -> Result<JSONValue, JSONParser.SyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParser.SyntaxError) { return .success(try parser.parse(buffer)) } catch { return .failure(error) }
        }
    }

    static let samples: [String] = [
        #"{"id":"T-0000001","title":"Solicitud de manual o guía","severity":5,"tags":["a","b"],"n":-1.5e3,"#
            + #""events":[{"at":"2025-01-01T09:03:18-06:00","kind":"created","text":"Línea\n\"dos\" \u00e9\ud83d\ude00"}],"#
            + #""extra":{},"list":[],"deep":[[{"x":[null,true,false,0,-0,12345678901234567]}]]}"#,
        #"[1, "dos", {"tres": [4, {"cinco": "seis"}]}, "\/\\\b\f\r\t", "año ü ß € 中文 😀"]"#,
        #"  "solo"  "#, "0", "-12.5E-3", "true", "null", "[]", "{}",
    ]

    /// The tape checks exactly what `parse` checks: same values, same errors at the same offsets,
    /// on valid texts and on thousands of damaged copies of them.
    @Test func tapeAgreesWithParse() {
        var random = SplitMix64(state: 42)
        let alphabet: [UInt8] = Array(#"{}[]",:\u0123456789aeflnrstu-+.eE \#t"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xA9, 0xED, 0xA0, 0xF0, 0x9F, 0xFF]
        var cases: [[UInt8]] = Self.samples.map { Array($0.utf8) }
        for sample in Self.samples.map({ Array($0.utf8) }) {
            for _ in 0..<400 {
                var damaged = sample
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let position = Int.random(in: 0...damaged.count, using: &random)
                    let byte = alphabet.randomElement(using: &random)!
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0 where position < damaged.count: damaged[position] = byte
                    case 1 where position < damaged.count: damaged.remove(at: position)
                    default: damaged.insert(byte, at: position)
                    }
                }
                cases.append(damaged)
            }
        }
        var agreed = 0
        for bytes in cases {
            let expected = viaValue(bytes)
            let actual = viaTape(bytes)
            switch (expected, actual) {
            case let (.success(first), .success(second)):
                #expect(first == second, "\(String(decoding: bytes, as: UTF8.self))")
            case let (.failure(first), .failure(second)):
                #expect(first == second, "\(String(decoding: bytes, as: UTF8.self))")
            default:
                Issue.record("parse and tape disagree on \(bytes): \(expected) / \(actual)")
            }
            agreed += 1
        }
        #expect(agreed == cases.count)
        let limited = JSONParser(maximumDepth: 3)
        #expect(viaTape(Array("[[[[1]]]]".utf8), parser: limited) == viaValue(Array("[[[[1]]]]".utf8), parser: limited))
    }

    @Test(arguments: [
        [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x90, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xC3, 0x28],
    ] as [[UInt8]])
    func tapeRefusesInvalidUTF8(sequence: [UInt8]) {
        for text in [[0x22] + sequence + [0x22], [0x22, 0x5C, 0x6E] + sequence + [0x22], [0x7B, 0x22] + sequence + [0x22, 0x3A, 0x31, 0x7D]] {
            #expect(viaTape(text) == viaValue(text))
            if case .failure(let error) = viaTape(text) {
                #expect(error.reason == "invalid UTF-8 in string")
            } else {
                Issue.record("accepted \(text)")
            }
        }
    }

    /// The validator the tape uses agrees with the standard library's on every short sequence
    /// drawn from the bytes where UTF-8's rules change.
    @Test func utf8ValidationMatchesTheStandardLibrary() {
        let boundaries: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var random = SplitMix64(state: 7)
        for _ in 0..<100_000 {
            let length = Int.random(in: 0...10, using: &random)
            let bytes = (0..<length).map { _ in boundaries.randomElement(using: &random)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let actual = bytes.withUnsafeBufferPointer { JSONParser.isValidUTF8($0) }
            if actual != expected {
                Issue.record("\(bytes): validator says \(actual), standard library \(expected)")
                return
            }
        }
        let long = Array(String(repeating: "añadir ü 😀 ", count: 50).utf8)
        #expect(long.withUnsafeBufferPointer { JSONParser.isValidUTF8($0) })
        #expect(!(long + [0xE2, 0x82]).withUnsafeBufferPointer { JSONParser.isValidUTF8($0) })
    }

    @Test func tapeMembersCompareAsStrings() throws {
        let text = #"{"id":1,"\u0069d":2,"caf\u00e9":3,"cafe\u0301":4,"other":5,"K":6}"#
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try parser.tape(buffer).withRoot { root in
                #expect(root.member("id")?.numberValue == 2)
                #expect(root.member("café")?.numberValue == 4)
                #expect(root.member("cafe\u{301}")?.numberValue == 4)
                #expect(root.member("\u{212A}")?.numberValue == 6)  // KELVIN SIGN is canonically K
                #expect(root.member("other")?.numberValue == 5)
                #expect(root.member("missing") == nil)
                #expect(root.member("other")?.member("x") == nil)
            }
        }
    }

    /// Lookups by field name go through fingerprints of the first 7 bytes and the length: names
    /// that share those, escaped names and very long names must still be told apart exactly.
    @Test func tapeObjectLookupsByFieldName() throws {
        let long = String(repeating: "n", count: 300)
        let text = #"{"created_at":1,"created_by":2,"resolution":3,"resolutions":4,"resolved_at":5,"#
            + #""a":6,"":7,"\u0074ext":8,"text":9,"x":null,"# + "\"\(long)\":10,\"\(long)m\":11,\"created_at\":12}"
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try parser.tape(buffer).withRoot { root in
                let object = try #require(root.object)
                #expect(object.member("created_at")?.numberValue == 12)
                #expect(object.member("created_by")?.numberValue == 2)
                #expect(object.member("resolution")?.numberValue == 3)
                #expect(object.member("resolutions")?.numberValue == 4)
                #expect(object.member("resolved_at")?.numberValue == 5)
                #expect(object.member("resolved")?.numberValue == nil)
                #expect(object.member("a")?.numberValue == 6)
                #expect(object.member("")?.numberValue == 7)
                #expect(object.member("text")?.numberValue == 9)
                #expect(object.member("x")?.isNull == true)
                #expect(object.member("created_a") == nil)
                #expect(object.member(named: long)?.numberValue == 10)
                #expect(object.member(named: long + "m")?.numberValue == 11)
                #expect(object.members.count == 13)
                #expect(object.members[7].0 == "text")
            }
        }
        // An escaped name is found by the name it spells, and the last of repeated names wins.
        let escaped = Array(#"{"text":1,"\u0074ext":2}"#.utf8)
        try escaped.withUnsafeBufferPointer { buffer in
            try parser.tape(buffer).withRoot { root in
                #expect(root.object?.member("text")?.numberValue == 2)
            }
        }
    }
}
