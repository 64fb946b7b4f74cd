import Foundation
import Testing
@testable import KBCore

@Suite struct AccentFoldingTests {
    /// What the analyzer writes for one letter: lower-cased, then folded (`TextScalar`, the search path).
    static func analyzerFold(_ value: UInt32) -> String {
        var lowered: [UInt32] = []
        TextScalar.appendLowercased(value, to: &lowered)
        var bytes = [UInt8](repeating: 0, count: lowered.count * TextScalar.maximumFoldedBytes)
        let length = bytes.withUnsafeMutableBufferPointer { buffer in
            lowered.reduce(0) { offset, scalar in TextScalar.writeFoldedUTF8(scalar, to: buffer, at: offset) }
        }
        return String(decoding: bytes[..<length], as: UTF8.self)
    }

    /// Search and redaction (and slugs, headings, grouping) fold every Latin letter the same way.
    @Test func stringFoldingAgreesWithTheAnalyzer() {
        for value in UInt32(0x41) ..< 0x250 {
            guard let scalar = Unicode.Scalar(value), TextScalar.kind(of: value) == .letter else { continue }
            #expect(AccentFolding.fold(String(scalar)) == Self.analyzerFold(value), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [("Łukasz Żółć", "lukasz zolc"), ("Straße Æsir", "strasse aesir"), ("Þór Øster", "thor oster"),
                      ("Jørgen Ĳssel", "jorgen ijssel"), ("Contraseña ÉXITO", "contrasena exito")])
    func foldsToTheASCIISpelling(written: String, typed: String) {
        #expect(AccentFolding.fold(written) == typed)
        #expect(AccentFolding.fold("e\u{301}xito") == "exito")
    }

    /// A name the store knows with ß or ł is hidden whichever way the text spells it, as search finds it.
    @Test(arguments: [("Transportes Łódź", "transportes lodz"), ("Bäckerei Straße", "Backerei Strasse"),
                      ("Grupo Æsir", "grupo aesir")])
    func redactionMatchesEitherSpelling(known: String, written: String) {
        let byKnown = Redactor(language: .spanish, customerNames: [known])
        #expect(byKnown.redact("Llamó \(written) por el portal").hasPrefix("Llamó [cliente]"))
        let byWritten = Redactor(language: .spanish, customerNames: [written])
        #expect(byWritten.redact("Llamó \(known) por el portal").hasPrefix("Llamó [cliente]"))
    }

    @Test func slugsSpellFoldedLetters() {
        #expect(Slug.make("Straße Łódź Œuvre Þing ĥ") == "strasse-lodz-oeuvre-thing-h")
    }
}
