import Foundation
import Testing
@testable import KBCore

@Suite("Synonyms")
struct SynonymsTests {
    let analyzer = Analyzer()

    static let sample = """
        # Sinónimos del equipo de soporte
        contraseña, clave, password

        inicio de sesión, login, logueo   # ingreso al portal
        llamada, call
        caído, sin servicio, down
        clave, PIN
        """

    @Test func parsesGroupsAsAnalysedEntries() throws {
        let synonyms = try Synonyms(parsing: Self.sample, analyzer: analyzer)
        #expect(synonyms.groups.count == 5)
        #expect(synonyms.groups[0] == [["contrasen"], ["clav"], ["password"]])
        #expect(synonyms.groups[1] == [["inici", "de", "sesion"], ["login"], ["logue"]])
    }

    @Test func alternativesOfATermAreTheOtherEntriesOfItsGroups() throws {
        let synonyms = try Synonyms(parsing: Self.sample, analyzer: analyzer)
        let password = analyzer.terms("contraseñas")
        #expect(synonyms.alternatives(for: password) == [["clav"], ["password"]])
        // "clave" is in two groups: the union, in file order.
        #expect(synonyms.alternatives(for: "clav") == [["contrasen"], ["password"], ["pin"]])
        #expect(synonyms.alternatives(for: "login") == [["inici", "de", "sesion"], ["logue"]])
        #expect(synonyms.alternatives(for: "impresora").isEmpty)
    }

    @Test func multiWordEntriesExpandAsPhrases() throws {
        let synonyms = try Synonyms(parsing: Self.sample, analyzer: analyzer)
        #expect(synonyms.alternatives(for: analyzer.terms("inicio de sesion")) == [["login"], ["logue"]])
        let query = analyzer.terms("error de inicio de sesión con la clave")
        #expect(synonyms.expansions(in: query) == [
            SynonymExpansion(range: 2 ..< 5, alternatives: [["login"], ["logue"]]),
            SynonymExpansion(range: 7 ..< 8, alternatives: [["contrasen"], ["password"], ["pin"]]),
        ])
        #expect(synonyms.expansions(in: analyzer.terms("inicio del día")).isEmpty)
    }

    @Test func matchesRegardlessOfAccentsAndInflection() throws {
        let synonyms = try Synonyms(parsing: Self.sample, analyzer: analyzer)
        #expect(synonyms.alternatives(for: analyzer.terms("caida")) == [["sin", "servici"], ["down"]])
        #expect(synonyms.alternatives(for: analyzer.terms("Llamadas")) == [["call"]])
    }

    @Test func blankLinesCommentsAndCRLFAreIgnored() throws {
        let text = "\u{FEFF}# solo comentarios\r\n\r\n   \r\nvpn, túnel\r\n# fin"
        let synonyms = try Synonyms(parsing: text, analyzer: analyzer)
        #expect(synonyms.groups == [[["vpn"], ["tunel"]]])
        #expect(Synonyms.empty.groups.isEmpty)
        #expect(Synonyms.empty.alternatives(for: "vpn").isEmpty)
    }

    @Test(arguments: [
        ("vpn, túnel\ncontraseña,, clave", SynonymsError.emptyEntry(path: "kb/synonyms.txt", line: 2)),
        ("vpn, túnel,\n", SynonymsError.emptyEntry(path: "kb/synonyms.txt", line: 1)),
        ("# c\n\nvpn, ¿?", SynonymsError.entryWithoutTerms(path: "kb/synonyms.txt", line: 3, entry: "¿?")),
        ("contraseña clave password", SynonymsError.singleEntryGroup(path: "kb/synonyms.txt", line: 1)),
        ("a, b\ncontraseña, contraseñas", SynonymsError.singleEntryGroup(path: "kb/synonyms.txt", line: 2)),
    ])
    func errorsNameTheLine(text: String, expected: SynonymsError) {
        #expect(throws: expected) {
            try Synonyms(parsing: text, analyzer: analyzer)
        }
    }

    @Test func errorMessagesCarryPathAndLine() {
        #expect(SynonymsError.emptyEntry(path: "kb/synonyms.txt", line: 4).description
            == "kb/synonyms.txt:4: error: empty synonym entry (two commas in a row, or a comma at the start or end)")
        #expect(SynonymsError.unreadable(path: "kb/synonyms.txt", reason: "no such file").description
            == "kb/synonyms.txt: error: cannot read synonyms: no such file")
    }

    @Test func readsFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kb-synonyms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("synonyms.txt")
        try Data("vpn, túnel\n".utf8).write(to: file)
        let synonyms = try Synonyms(contentsOfFile: file.path, analyzer: analyzer)
        #expect(synonyms.alternatives(for: "vpn") == [["tunel"]])

        try Data([0x76, 0x70, 0x6E, 0x2C, 0xFF]).write(to: file)
        #expect(throws: SynonymsError.unreadable(path: "kb/synonyms.txt", reason: "not valid utf-8")) {
            try Synonyms(contentsOfFile: file.path, displayPath: "kb/synonyms.txt", analyzer: analyzer)
        }
        let missing = directory.appendingPathComponent("missing.txt").path
        #expect(throws: SynonymsError.unreadable(path: missing, reason: "no such file")) {
            try Synonyms(contentsOfFile: missing, analyzer: analyzer)
        }
    }

    @Test func englishGroupsUseTheEnglishStemmer() throws {
        let english = Analyzer(language: .english)
        let synonyms = try Synonyms(parsing: "password, passcode\nsign in, log in, login", analyzer: english)
        #expect(synonyms.alternatives(for: english.terms("passwords")) == [["passcod"]])
        #expect(synonyms.alternatives(for: english.terms("signing in")) == [["log", "in"], ["login"]])
    }
}
