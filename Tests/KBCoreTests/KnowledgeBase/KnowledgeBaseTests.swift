import Foundation
import Testing
import KBCore
import KBTestSupport

/// The entry point the CLI and the server share: what it loads when, and what a workspace without a database gives.
@Suite struct KnowledgeBaseTests {
    static let now = Timestamp(iso8601: "2026-11-01T12:00:00Z")!

    static func workspace(tickets: Int) throws -> (TemporaryDirectory, KnowledgeBase) {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/portal/login.md", ArticleFixtures.validated(
            id: "KB-0007", title: "Pantalla de login en blanco", problem: "El login del portal queda en blanco.",
            solution: "Recargar sin caché."))
        let knowledgeBase = KnowledgeBase(workspace: Workspace(root: directory.url), clock: { now })
        if tickets > 0 {
            let store = try knowledgeBase.store(.create)
            for number in 1...tickets {
                let ticket = try Ticket(json: JSONParser().parse(TicketFixtures.line(id: "T-\(number)")))
                _ = try store.upsert(ticket)
            }
        }
        return (directory, knowledgeBase)
    }

    @Test func withoutADatabaseEachCapabilitySaysWhatItCanDo() throws {
        let (directory, knowledgeBase) = try Self.workspace(tickets: 0)
        defer { withExtendedLifetime(directory) {} }
        #expect(try knowledgeBase.existingStore() == nil)
        #expect(throws: StoreError.self) { try knowledgeBase.search(SearchRequest(query: "login")) }
        let lint = try knowledgeBase.lintArticles()
        #expect(lint.withoutDatabase && lint.fileCount == 1)
        let training = try knowledgeBase.training(TrainingRequest())
        #expect(training.missingDatabase == knowledgeBase.workspace.databasePath)
        #expect(training.pack.articleCount == 1 && training.document.contains("Recargar sin caché"))
        // Looking did not create the database.
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }

    @Test func capabilitiesShareOneStoreAndMeasureAtTheClock() throws {
        let (directory, knowledgeBase) = try Self.workspace(tickets: 2)
        defer { withExtendedLifetime(directory) {} }
        let store = try knowledgeBase.store()
        #expect(try knowledgeBase.store() === store)
        #expect(try knowledgeBase.searchEngine() === knowledgeBase.searchEngine())
        let index = try knowledgeBase.index()
        #expect(index.added == ["kb/articles/portal/login.md"])
        let link = try knowledgeBase.linkArticle(ticket: "T-1", article: "KB-0007")
        #expect(link.linked && link.articleTitle == "Pantalla de login en blanco")
        #expect(link.jsonText() == "{\"ticket\":\"T-1\",\"article\":\"KB-0007\",\"linked\":true}")
        #expect(try store.links(forTicket: "T-1").first?.linkedAt == Self.now)
        #expect(try !knowledgeBase.linkArticle(ticket: "T-1", article: "KB-0007").linked)
        let shown = try knowledgeBase.show(ShowRequest(ids: ["T-2"]))
        #expect(shown.tickets.first?.sla.measuredAt == Self.now)
        let partly = try knowledgeBase.show(ShowRequest(ids: ["T-1", "T-9", "KB-0007", "T-9"]))
        #expect(partly.tickets.map(\.ticket.id) == ["T-1"] && partly.articles.map(\.article.id) == ["KB-0007"])
        #expect(partly.missing == ["T-9"])
        #expect(partly.tickets.first?.ticket.articles.contains("KB-0007") == true, "a recorded link is one of the ticket's articles")
        knowledgeBase.close()
        #expect(try knowledgeBase.store() !== store)
    }

    @Test func searchBatchAnswersEachLineAndNamesTheBadOnes() throws {
        let (directory, knowledgeBase) = try Self.workspace(tickets: 2)
        defer { withExtendedLifetime(directory) {} }
        let file = try UserFile(directory.write("q.tsv", "qid\tquery\nq1\tlogin portal\nsin tabulador\n\nq2\tblanco\nq3\t¡de la!\n"),
                                displayPath: "q.tsv")
        var answers: [String] = []
        var problems: [String] = []
        let count = try knowledgeBase.searchBatch(file: file, mode: .any, filters: SearchFilters(),
                                                  answer: { answers.append($0.jsonText()) },
                                                  problem: { problems.append($0.formatted) })
        #expect(count == 2 && problems.count == 2 && problems.first == "q.tsv:3: error: expected qid<TAB>query")
        #expect(problems.last?.hasPrefix("q.tsv:6: error: nothing searchable in '¡de la!'") == true)
        #expect(answers == ["{\"qid\":\"q1\",\"results\":[\"T-1\",\"T-2\"]}", "{\"qid\":\"q2\",\"results\":[\"T-1\",\"T-2\"]}"])
    }

    @Test func intakeFromTextAndFromATicket() throws {
        #expect(IntakeRequest(text: "  \n ", receivedAt: Self.now) == nil)
        let request = try #require(IntakeRequest(text: "No carga el portal\nPantalla en blanco\ndesde las 9", receivedAt: Self.now))
        #expect(request.title == "No carga el portal" && request.description == "Pantalla en blanco\ndesde las 9")
        let ticket = try IntakeRequest(ticketJSON: Data(TicketFixtures.line(id: "T-7").utf8), source: "t.json")
        #expect(ticket.ticketID == "T-7" && ticket.customer == "Acme" && ticket.plan == "12x5")
        #expect(throws: TicketError.self) { try IntakeRequest(ticketJSON: Data("{".utf8), source: "t.json") }
        let big = Data(repeating: 0x20, count: IntakeRequest.maximumInputBytes + 1)
        #expect(throws: IntakeRequest.tooLarge("stdin")) { try IntakeRequest(ticketJSON: big, source: "stdin") }
    }
}
