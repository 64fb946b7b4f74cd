import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct ArticleLinksTests {
    static let now = WriterFixtures.time("2026-11-01T12:00:00Z")

    func makeStore(_ directory: TemporaryDirectory) throws -> Store {
        let store = try WriterFixtures.store(in: directory, tickets: [
            WriterFixtures.solved("T-1", "uno", "", service: "portal", resolvedAt: "2026-10-01T10:00:00Z", articles: ["KB-0001"]),
            WriterFixtures.solved("T-2", "dos", "", service: "portal", resolvedAt: "2026-10-02T10:00:00Z"),
            WriterFixtures.solved("T-3", "tres", "", service: "portal", resolvedAt: "2025-01-01T10:00:00Z", articles: ["KB-0002"]),
        ])
        let text = { (id: String) in "---\nid: \(id)\ntitle: t\nstate: wip\naudience: internal\n---\n## Problema\nx\n" }
        _ = try store.indexArticles([ArticleFile(path: "kb/articles/a.md", text: text("KB-0001")),
                                     ArticleFile(path: "kb/articles/b.md", text: text("KB-0002"))], defaultLanguage: .spanish)
        return store
    }

    @Test func linkIsIdempotentAndKeepsItsFirstTime() throws {
        let directory = try TemporaryDirectory()
        let store = try makeStore(directory)
        defer { try? store.close() }
        #expect(try store.link(ticket: "T-2", article: "KB-0001", at: Self.now))
        #expect(try !store.link(ticket: "T-2", article: "KB-0001", at: Timestamp(seconds: Self.now.seconds + 60)))
        #expect(try store.links(forTicket: "T-2") == [Store.ArticleLink(ticketID: "T-2", articleID: "KB-0001", linkedAt: Self.now)])
        #expect(try store.links(forTicket: "T-1").isEmpty)
        #expect(try store.allLinks().count == 1)
    }

    @Test func unknownTicketOrArticleIsRefused() throws {
        let directory = try TemporaryDirectory()
        let store = try makeStore(directory)
        defer { try? store.close() }
        #expect(throws: ArticleLinkError.unknownTicket(id: "T-9")) { try store.link(ticket: "T-9", article: "KB-0001", at: Self.now) }
        #expect(throws: ArticleLinkError.unknownArticle(id: "KB-0009")) { try store.link(ticket: "T-1", article: "KB-0009", at: Self.now) }
        #expect(try store.allLinks().isEmpty)
    }

    @Test func reuseCountsTicketsOnceWhicheverWayTheyLink() throws {
        let directory = try TemporaryDirectory()
        let store = try makeStore(directory)
        defer { try? store.close() }
        try store.link(ticket: "T-1", article: "KB-0001", at: Self.now)
        try store.link(ticket: "T-2", article: "KB-0001", at: Self.now)
        try store.link(ticket: "T-3", article: "KB-0001", at: Self.now)
        #expect(try store.reuseCounts() == ["KB-0001": 3, "KB-0002": 1])
        #expect(try store.reuseCounts(since: WriterFixtures.time("2026-01-01T00:00:00Z")) == ["KB-0001": 2])
    }

    @Test func personNamesSeparateCustomersAndAgents() throws {
        let directory = try TemporaryDirectory()
        var ticket = WriterFixtures.closedTicket()
        ticket.events.append(TicketEvent(at: ticket.createdAt, kind: .detected, author: "monitoreo", text: "alerta"))
        ticket.events.append(TicketEvent(at: ticket.createdAt, kind: .escalation, author: "vendor:certificadora", text: "escalado"))
        ticket.events.append(TicketEvent(at: ticket.createdAt, kind: .action, author: "Sistema", text: "reinicio"))
        let store = try WriterFixtures.store(in: directory, tickets: [ticket])
        defer { try? store.close() }
        let names = try PersonNames.load(from: store)
        #expect(names.customers == ["Banco Austral", "María Pérez"])
        #expect(names.agents == ["ana"])
        #expect(try PersonNames.load(from: store, ticketIDs: ["T-1042"]) == names)
        #expect(try PersonNames.load(from: store, ticketIDs: ["T-9"]) == PersonNames())
    }
}
