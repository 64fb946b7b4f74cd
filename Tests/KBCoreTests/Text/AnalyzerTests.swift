import Foundation
import Testing
@testable import KBCore

@Suite("Analyzer")
struct AnalyzerTests {
    let spanish = Analyzer()
    let english = Analyzer(language: .english)

    @Test func languageRawValues() {
        #expect(Language(rawValue: "es") == .spanish)
        #expect(Language(rawValue: "en") == .english)
        #expect(Analyzer().language == .spanish)
    }

    @Test func expiredPasswordQueriesShareTerms() {
        let query = spanish.terms("contrasena caducada")
        let document = spanish.terms("las contraseñas caducaron")
        #expect(query == ["contrasen", "caduc"])
        #expect(document == ["las", "contrasen", "caduc"])
        #expect(Set(query).isSubset(of: Set(document)))
        #expect(spanish.terms("contraseña") == spanish.terms("contrasena"))
    }

    @Test func incomingCallQueriesShareTerms() {
        #expect(spanish.terms("llamada entrante") == spanish.terms("llamadas entrantes"))
        #expect(spanish.terms("Llamadas Entrantes") == ["llam", "entrant"])
    }

    @Test(arguments: [
        ("ERR-401", ["err-401"]),
        ("db-01", ["db-01"]),
        ("v2.3", ["v2.3"]),
        ("SIP/2.0", ["sip/2.0"]),
        ("10.0.0.1", ["10.0.0.1"]),
        ("T-1042", ["t-1042"]),
        ("x86_64", ["x86_64"]),
        ("2024-01-15", ["2024-01-15"]),
        ("el servidor DB-01 falló.", ["el", "servidor", "db-01", "fall"]),
        ("versión 2.3. Luego", ["version", "2.3", "lueg"]),
        ("(ERR-401)", ["err-401"]),
        ("ERR-401.", ["err-401"]),
        ("ERR--401", ["err", "401"]),
        ("ERR- 401", ["err", "401"]),
        ("e-mail", ["e", "mail"]),
        ("reinicio. Luego", ["reinici", "lueg"]),
        ("reinicio.Luego", ["reinici", "lueg"]),
        ("puertos 5060", ["puert", "5060"]),
        ("codecs g729", ["codecs", "g729"]),
        // A colon joins digits only: times of day and ports stay whole, a label before a number does not join it.
        ("desde las 16:10 no entran", ["desd", "las", "16:10", "no", "entran"]),
        ("a las 16:10.", ["a", "las", "16:10"]),
        ("09:30:00", ["09:30:00"]),
        ("2026-03-02T09:14:00", ["2026-03-02t09:14:00"]),
        ("10.0.0.1:8080", ["10.0.0.1:8080"]),
        ("ERR:401", ["err", "401"]),
        ("Error: 401", ["error", "401"]),
        ("nota:revisar", ["not", "revis"]),
        ("16: 10", ["16", "10"]),
        ("16 :10", ["16", "10"]),
        ("16::10", ["16", "10"]),
        ("fe80::1", ["fe80", "1"]),
        ("16:", ["16"]),
    ])
    func codesStayWholeAndWordsSplit(text: String, expected: [String]) {
        #expect(spanish.terms(text) == expected)
    }

    @Test(arguments: [
        ("16:10", true), ("09:30:00", true), ("1:1", true),
        ("16", false), ("16:", false), (":10", false), ("16::10", false), ("db-01", false), ("10.0.0.1:8080", false),
        ("a16:10", false), ("", false),
    ])
    func clockTimes(term: String, expected: Bool) {
        #expect(Analyzer.isClockTime(term) == expected)
    }

    @Test func separateWordsNeverFormACode() {
        let terms = spanish.terms("ERR 401, err/ 401, ERR _401")
        #expect(!terms.contains("err-401"))
        #expect(terms == ["err", "401", "err", "401", "err", "401"])
    }

    @Test func foldsDiacriticsAfterStemming() {
        #expect(spanish.terms("pingüino") == spanish.terms("pinguino"))
        #expect(spanish.terms("sesión") == ["sesion"])
        #expect(spanish.terms("CONTRASEÑA Contraseña") == ["contrasen", "contrasen"])
        #expect(spanish.terms("façade") == spanish.terms("facade"))
        #expect(english.terms("Straße") == ["strasse"])
        #expect(english.terms("İSTANBUL Łódź") == ["istanbul", "lodz"])
        #expect(spanish.terms("ΚΑΛΗΜΕΡΑ") == ["καλημερα"])
    }

    @Test func decomposedAccentsAnalyseLikePrecomposed() {
        let composed = "contraseña caducó sesión pingüino"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        #expect(spanish.terms(decomposed) == spanish.terms(composed))
    }

    @Test func byteRangesPointAtTheOriginalText() throws {
        let text = "¡Atención! La contraseña de ERR-401 caducó."
        let utf8 = Array(text.utf8)
        let tokens = spanish.tokens(text)
        let originals = tokens.map { String(decoding: utf8[$0.byteRange], as: UTF8.self) }
        #expect(originals == ["Atención", "La", "contraseña", "de", "ERR-401", "caducó"])
        #expect(tokens.map(\.term) == ["atencion", "la", "contrasen", "de", "err-401", "caduc"])
    }

    @Test func englishKeepsApostrophesForTheStemmer() {
        #expect(english.terms("The customer's passwords don't work") == ["the", "custom", "password", "don't", "work"])
        #expect(english.terms("customer’s") == ["custom"])
        #expect(spanish.terms("l'aplicació") == ["l", "aplicac"])
        #expect(english.terms("'quoted' users'") == ["quot", "user"])
    }

    @Test func englishStemsWithPorter2() {
        #expect(english.terms("Running connections failed") == ["run", "connect", "fail"])
    }

    @Test func tokensAtTheLengthCap() {
        let longest = String(repeating: "a", count: Analyzer.maximumTokenBytes)
        let tooLong = String(repeating: "b", count: Analyzer.maximumTokenBytes + 1)
        #expect(english.terms("x \(longest) y").count == 3)
        #expect(english.terms("x \(tooLong) y") == ["x", "y"])
        // Two-byte letters count in bytes: 33 × "ñ" is 66 bytes.
        #expect(spanish.terms(String(repeating: "ñ", count: 33)).isEmpty)
    }

    @Test func overlongJoinedRunsBecomeWords() {
        let url = "portal.example.com/soporte/tickets/12345/adjuntos/captura-de-pantalla.png"
        #expect(url.utf8.count > Analyzer.maximumTokenBytes)
        #expect(spanish.terms(url) == [
            "portal", "exampl", "com", "soport", "tickets", "12345", "adjunt", "captur", "de", "pantall", "png",
        ])
        let short = "portal.example.com/tickets/12345"
        #expect(spanish.terms(short) == [short])
    }

    @Test func invalidUTF8AndControlCharactersSeparateTokens() {
        let bytes: [UInt8] = Array("uno".utf8) + [0xFF, 0xC3] + Array("dos".utf8) + [0x00, 0x07, 0x1B]
            + Array("tres".utf8) + [0xED, 0xA0, 0x80] + Array("cuatro".utf8) + [0xF0, 0x9F] + Array("cinco".utf8) + [0xE2, 0x82]
        var terms: [String] = []
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            spanish.analyze(buffer) { term, start, end in
                terms.append(String(decoding: term, as: UTF8.self))
                ranges.append(start ..< end)
                return true
            }
        }
        #expect(terms == ["uno", "dos", "tres", "cuatr", "cinc"])
        #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= bytes.count })
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["uno", "dos", "tres", "cuatro", "cinco"])
    }

    @Test func emptyAndSeparatorOnlyInputs() {
        #expect(spanish.terms("").isEmpty)
        #expect(spanish.terms(" \t\n.,;-/_ ¿? ¡! «» — …").isEmpty)
    }

    @Test func stopsWhenTheCallbackSaysSo() {
        var calls = 0
        var text = "uno dos tres ERR-401 cuatro"
        text.withUTF8 { buffer in
            spanish.analyze(buffer) { _, _, _ in
                calls += 1
                return calls < 2
            }
        }
        #expect(calls == 2)
    }

    @Test func errorsFromTheCallbackPropagate() {
        struct Stop: Error {}
        var text = "uno dos"
        #expect(throws: Stop.self) {
            try text.withUTF8 { buffer in
                try spanish.analyze(buffer) { (_, _, _) throws(Stop) -> Bool in throw Stop() }
            }
        }
    }

    @Test func hugeInputsStayBoundedAndDoNotCrash() {
        // 10 MB: one giant letter run, one giant joined run, random bytes.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 7_000_000)
        bytes.append(0x20)
        for index in 0 ..< 500_000 {
            bytes.append(UInt8(ascii: index % 2 == 0 ? "x" : "-"))
            bytes.append(UInt8(ascii: "1"))
        }
        bytes.append(0x20)
        var generator = SplitMix64(seed: 42)
        for _ in 0 ..< 2_000_000 {
            bytes.append(UInt8(truncatingIfNeeded: generator.next()))
        }
        var count = 0
        var longest = 0
        var ordered = true
        var previousEnd = 0
        bytes.withUnsafeBufferPointer { buffer in
            spanish.analyze(buffer) { term, start, end in
                count += 1
                longest = max(longest, end - start)
                ordered = ordered && start >= previousEnd && end <= buffer.count && start < end
                previousEnd = end
                _ = term.count
                return true
            }
        }
        #expect(bytes.count >= 10_000_000)
        #expect(count > 500_000)
        #expect(longest <= Analyzer.maximumTokenBytes)
        #expect(ordered)
    }

    @Test func foldingMatchesUnicodeDecomposition() {
        // Every precomposed Latin-1 / Latin Extended-A letter folds to the
        // base letter of its canonical decomposition.
        for value in UInt32(0xC0) ..< 0x180 {
            let scalar = Unicode.Scalar(value)!
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard decomposed.count > 1, let base = decomposed.first, base.isASCII else { continue }
            var folded = [UInt8](repeating: 0, count: TextScalar.maximumFoldedBytes)
            let length = folded.withUnsafeMutableBufferPointer { TextScalar.writeFoldedUTF8(value, to: $0, at: 0) }
            folded.removeLast(folded.count - length)
            #expect(String(decoding: folded, as: UTF8.self) == String(base).lowercased(), "U+\(String(value, radix: 16))")
        }
    }

    @Test func queryTextIsAnalysedLikeDocuments() {
        let document = spanish.tokens("El cliente no puede iniciar sesión en el portal")
        let query = spanish.terms("iniciar sesion portal")
        #expect(Set(query).isSubset(of: Set(document.map(\.term))))
    }

    /// Words are scanned eight ASCII bytes at a time: a digit, a joiner or a non-ASCII letter at any
    /// position of a long run must end up exactly where it does in a short one.
    @Test func longRunsScanLikeShortOnes() {
        for length in 0..<20 {
            let letters = String(repeating: "b", count: length)
            for position in 0...length {
                var characters = Array(letters)
                characters.insert("7", at: position)
                let code = String(characters)
                #expect(spanish.terms("x \(code) y") == ["x", code, "y"])
                #expect(spanish.terms("\(code.uppercased())-ZZ") == [code + "-zz"])
                #expect(spanish.terms("\(letters) \(code)") == (length == 0 ? [code] : [letters, code]))
            }
            #expect(spanish.terms(letters + "ñ" + letters + "." + letters) == (length == 0 ? ["n"] : [letters + "n" + letters, letters]))
            #expect(spanish.terms(letters.uppercased() + "Ñ" + letters.uppercased()) == [letters + "n" + letters])
        }
    }
}

/// A small deterministic generator so the random-bytes test is repeatable.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
