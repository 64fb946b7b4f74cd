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
}
