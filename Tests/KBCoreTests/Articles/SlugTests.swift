import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("No carga el login del portal", "no-carga-el-login-del-portal"),
        ("Contraseña caducada: ¿qué hago?", "contrasena-caducada-que-hago"),
        ("ERR-401 en WhatsApp (v2.3)", "err-401-en-whatsapp-v2-3"),
        ("  --Straße & Œuvre--  ", "strasse-oeuvre"),
        ("Error 500 🔥 en el portal", "error-500-en-el-portal"),
        ("ÁÉÍÓÚ ü Ñ", "aeiou-u-n"),
    ])
    func foldsAndDashes(title: String, expected: String) {
        #expect(Slug.make(title, fallback: "T-1") == expected)
        #expect(Slug.isValid(expected))
    }

    static let hostileTitles: [String] = [
        "../../etc/passwd", "/abs", "/", ".", "..", "a\u{0}b", "\u{0}", String(repeating: "ñ", count: 300),
        "!!!???...---", "🔥🚒💥", "", "   ", "con\\barra\\invertida", "CON", "nul.txt", "a/../../b",
        String(repeating: "palabra ", count: 40), "日本語のタイトル", "\u{202E}gnp.exe",
    ]

    @Test(arguments: hostileTitles)
    func hostileTitlesGiveSafeNames(title: String) {
        let slug = Slug.make(title, fallback: "T-0042")
        #expect(Slug.isValid(slug), "\(slug)")
        #expect(!slug.isEmpty && slug != "." && slug != "..")
        #expect(slug.utf8.count <= 80)
        #expect(!slug.contains("/") && !slug.contains("\u{0}") && !slug.contains("."))
    }

    @Test func fallsBackToTicketIDThenArticle() {
        #expect(Slug.make("!!!", fallback: "T-0042") == "t-0042")
        #expect(Slug.make("🔥", fallback: "🔥") == "article")
        #expect(Slug.make("../../etc/passwd", fallback: "x") == "etc-passwd")
    }

    @Test func longTitlesCutAtAWordWithinEightyBytes() {
        let slug = Slug.make(String(repeating: "ñ", count: 300))
        #expect(slug == String(repeating: "n", count: 80))
        let words = Slug.make(String(repeating: "palabra ", count: 40))
        #expect(words.utf8.count <= 80)
        #expect(words.hasSuffix("palabra"))
    }

    @Test(arguments: hostileTitles)
    func draftPathsStayInsideArticles(title: String) throws {
        let directory = try TemporaryDirectory()
        let ticket = WriterFixtures.closedTicket(title: title, service: "../../x")
        let path = ArticleDrafter.relativePath(title: title, ticket: ticket)
        let articles = directory.url.appendingPathComponent("kb/articles").standardizedFileURL.path + "/"
        let resolved = directory.url.appendingPathComponent(path).standardizedFileURL.path
        #expect(resolved.hasPrefix(articles), "\(path)")
        #expect(path.hasPrefix("kb/articles/x/") && path.hasSuffix(".md"))
    }

    @Test func draftsOfHostileTitlesAreWrittenInsideArticles() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let drafter = ArticleDrafter(language: .spanish, templates: try WriterFixtures.templates())
        var written: Set<String> = []
        for (index, title) in Self.hostileTitles.enumerated() {
            let ticket = WriterFixtures.closedTicket(id: "T-\(index)", title: title, service: index % 2 == 0 ? "../.." : nil)
            let draft = try drafter.draft(from: ticket, id: ArticleIDAllocator.format(index + 1), date: WriterFixtures.time("2026-11-01T12:00:00Z"))
            guard written.insert(draft.path).inserted else { continue }
            try draft.write(root: directory.url)
            let parsed = try Article.parse(text: String(contentsOf: directory.url.appendingPathComponent(draft.path), encoding: .utf8),
                                           path: draft.path)
            #expect(parsed.title == draft.title)
        }
        // Nothing escaped: every file on disk under the temporary folder is an article under kb/articles.
        let files = try ArticleScanner.scan(root: directory.url).map(\.path)
        #expect(Set(files) == written)
        let everything = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
        #expect(everything.allSatisfy { $0 == "kb" || $0.hasPrefix("kb/articles") }, "\(everything)")
    }

    @Test func writerRefusesPathsOutsideArticles() throws {
        let directory = try TemporaryDirectory()
        let draft = ArticleDraft(id: "KB-0001", ticketID: "T-1", title: "x", language: .spanish, path: "kb/articles/../../evil.md", text: "x")
        #expect(throws: ArticleDraftError.unwritable(path: draft.path, reason: "not a draft path under kb/articles")) {
            try draft.write(root: directory.url)
        }
    }
}
