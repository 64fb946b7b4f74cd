import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Generated tickets (`TicketGenerator`) with a marker planted in every internal note, and the project's demo
/// articles with markers in their internal blocks and in every internal or unvalidated article: no customer
/// material (`kb training`, both formats, both languages, filtered or not) ever contains a marker.
/// (`kb review --audience customer` has its own property test, `ReviewPrivacyPropertyTests`.)
@Suite struct PrivacyPropertyTests {
    static let marker = "MARCAPRIV"

    /// The demo articles of this checkout with markers planted; a few articles of its own when it has none.
    static func plantArticles(into directory: TemporaryDirectory) throws -> Int {
        var planted = 0
        let demo = SharedTestData.packageRoot.appendingPathComponent("kb/articles")
        var files = (try? ArticleScanner.scan(root: SharedTestData.packageRoot)) ?? []
        if files.isEmpty || !FileManager.default.fileExists(atPath: demo.path) {
            files = [ArticleFile(path: "kb/articles/portal/a.md", text: """
                ---
                id: KB-0001
                title: Clave caducada
                state: validated
                audience: customer
                services: [portal]
                ---
                ## Problema
                La clave caducó.

                ## Solución
                Restablecerla.
                <!-- internal -->
                Nota.
                <!-- /internal -->
                """)]
        }
        for file in files {
            guard var text = file.text else { continue }
            text = text.replacingOccurrences(of: "<!-- internal -->", with: "<!-- internal -->\n\(marker)-A\(planted) en bloque interno")
            if text.contains("audience: internal") || !text.contains("state: validated") {
                text = text.replacingOccurrences(of: "## ", with: "\(marker)-B\(planted)\n\n## ")
            }
            if text.contains(marker) { planted += 1 }
            try directory.write(file.path, text)
        }
        return planted
    }

    /// `count` generated tickets with a numbered marker at the start of every internal note.
    static func plantTickets(seed: UInt64, count: Int) throws -> (jsonl: String, planted: Int) {
        var lines = ""
        var planted = 0
        try TicketGenerator(seed: seed).writeJSONLines(count: count) { line in
            var ticket = try Ticket(json: JSONParser().parse(line))
            for index in ticket.events.indices where ticket.events[index].visibility == .internal {
                ticket.events[index].text = "\(marker)-T\(planted) " + ticket.events[index].text
                planted += 1
            }
            lines += ticket.jsonText() + "\n"
        }
        return (lines, planted)
    }

    @Test(arguments: [UInt64(7), 987_654_321])
    func internalNotesNeverReachCustomerMaterial(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let policy = SharedTestData.packageRoot.appendingPathComponent("kb/policy.json")
        if let text = try? String(contentsOf: policy, encoding: .utf8) { try directory.write("kb/policy.json", text) }
        let articles = try Self.plantArticles(into: directory)
        let (jsonl, planted) = try Self.plantTickets(seed: seed, count: 300)
        #expect(planted > 100, "the generator should write internal notes")
        try directory.write("tickets.jsonl", jsonl)
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr.prefix(500))")

        var sawFAQ = false
        var articleCount = 0
        for language in ["es", "en"] {
            for format in ["md", "html"] {
                for filter in [["--faq-limit", "50"], ["--service", "portal"]] {
                    let result = runKB(["training", "--lang", language, "--format", format, "--out", "-"] + filter, in: directory.url)
                    #expect(result.code == 0, "\(result.stderr.prefix(500))")
                    let leaks = result.stdout.components(separatedBy: "\n").filter { $0.contains(Self.marker) }
                    #expect(leaks.isEmpty, "seed \(seed), \(language) \(format) \(filter): a marker reached customers: \(leaks.prefix(3))")
                    sawFAQ = sawFAQ || result.stdout.contains(language == "es" ? "Preguntas frecuentes" : "Frequently asked questions")
                    articleCount += result.stdout.components(separatedBy: "<article").count - 1
                }
            }
        }
        #expect(sawFAQ, "the FAQ should come from the generated tickets, or they were not used")
        if articles > 1 { #expect(articleCount > 0, "demo articles should reach the HTML material") }
    }
}
