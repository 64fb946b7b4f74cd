import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// The CLI's `--json` is KBCore's JSON: the bytes `kb … --json` prints are the `jsonText()` of the result the
/// `KnowledgeBase` entry point returns for the same request, which is what the HTTP API answers.
@Suite struct KnowledgeBaseJSONTests {
    static let now = Timestamp(iso8601: "2026-11-01T12:00:00Z")!

    static func workspace() throws -> TemporaryDirectory {
        let tickets = [
            WriterCLIFixtures.closed(id: "T-1042", title: "No carga el login del portal"),
            WriterCLIFixtures.closed(id: "T-1077", title: "El login del portal queda en blanco", status: .inProgress),
        ]
        let directory = try WriterCLIFixtures.workspace(tickets: tickets, articles: [
            "kb/articles/portal/login.md": ArticleFixtures.validated(
                id: "KB-0007", title: "Pantalla de login en blanco", problem: "El login del portal queda en blanco.",
                solution: "Recargar sin caché."),
        ])
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    static func knowledgeBase(_ directory: TemporaryDirectory) -> KnowledgeBase {
        KnowledgeBase(workspace: Workspace(root: directory.url), clock: { now })
    }

    @Test func searchJSONIsKnowledgeBaseJSON() throws {
        let directory = try Self.workspace()
        let cli = runKB(["search", "--json", "--limit", "5", "--type", "ticket", "login", "portal"], in: directory.url)
        #expect(cli.code == 0, "\(cli.stderr)")
        var filters = SearchFilters()
        filters.limit = 5
        filters.type = .ticket
        let response = try Self.knowledgeBase(directory).search(SearchRequest(query: "login portal", filters: filters))
        #expect(!response.results.isEmpty)
        #expect(cli.stdout == response.jsonText() + "\n")
    }

    @Test func showJSONIsKnowledgeBaseJSON() throws {
        let directory = try Self.workspace()
        let cli = runKB(["show", "--json", "T-1077", "KB-0007", "T-1042"], in: directory.url)
        #expect(cli.code == 0, "\(cli.stderr)")
        let result = try Self.knowledgeBase(directory).show(ShowRequest(ids: ["T-1077", "KB-0007", "T-1042"]))
        #expect(result.tickets.map(\.ticket.id) == ["T-1077", "T-1042"] && result.articles.map(\.article.id) == ["KB-0007"])
        #expect(cli.stdout == result.jsonText() + "\n")
        // Indented, and the open ticket's SLA measured at the knowledge base's clock (KB_NOW for the CLI).
        #expect(cli.stdout.hasPrefix("[\n  {\n    \"id\": \"T-1077\""))
        #expect(cli.stdout.contains("\"measured_at\": \"2026-11-01T12:00:00Z\""))
    }

    @Test func suggestJSONIsKnowledgeBaseJSON() throws {
        let directory = try Self.workspace()
        let text = "No carga el login del portal\nLa pantalla queda en blanco"
        let cli = runKB(["suggest", "--json", "--customer", "Banco Austral"], in: directory.url, stdin: text)
        #expect(cli.code == 0, "\(cli.stderr)")
        var request = try #require(IntakeRequest(text: text, receivedAt: Self.now))
        request.customer = "Banco Austral"
        let suggestion = try Self.knowledgeBase(directory).suggest(request)
        #expect(!suggestion.solutions.isEmpty, "\(suggestion.text)")
        #expect(cli.stdout == suggestion.jsonText() + "\n")
    }

    /// The reports the writers' commands print as JSON come from the same entry points.
    @Test func writerReportsAreKnowledgeBaseJSON() throws {
        let directory = try Self.workspace()
        let knowledgeBase = Self.knowledgeBase(directory)
        #expect(runKB(["gaps", "--json"], in: directory.url).stdout == (try knowledgeBase.gaps(GapsRequest())).jsonText() + "\n")
        #expect(runKB(["article", "lint", "--json"], in: directory.url).stdout == (try knowledgeBase.lintArticles()).jsonText() + "\n")
        #expect(runKB(["index", "--json"], in: directory.url).stdout == (try knowledgeBase.index()).jsonText() + "\n")
    }
}
