import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct ArticleLinkCommandTests {
    func workspace() throws -> TemporaryDirectory {
        let directory = try WriterCLIFixtures.workspace(
            tickets: [WriterCLIFixtures.closed(id: "T-1042", title: "No carga el login"),
                      WriterCLIFixtures.closed(id: "T-1077", title: "Login en blanco")],
            articles: ["kb/articles/login.md": ArticleLintCommandTests.article(id: "KB-0007")])
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    @Test func linkingTwiceChangesNothing() throws {
        let directory = try workspace()
        let first = runKB(["article", "link", "T-1077", "KB-0007"], in: directory.url)
        #expect(first.code == 0)
        #expect(first.stdout == "linked T-1077 to KB-0007 (No carga el login)\n")
        let second = runKB(["article", "link", "T-1077", "KB-0007"], in: directory.url)
        #expect(second.code == 0)
        #expect(second.stdout == "T-1077 is already linked to KB-0007; nothing changed\n")
        let json = runKB(["article", "link", "T-1077", "KB-0007", "--json"], in: directory.url)
        #expect(json.stdout == "{\"ticket\":\"T-1077\",\"article\":\"KB-0007\",\"linked\":false}\n")
        let store = try Store(path: directory.url.appendingPathComponent(".kb/kb.sqlite").path, access: .write)
        defer { try? store.close() }
        #expect(try store.links(forTicket: "T-1077").map(\.articleID) == ["KB-0007"])
        #expect(try store.links(forTicket: "T-1077").first?.linkedAt == Timestamp(iso8601: "2026-11-01T12:00:00Z"))
        // The ticket's own data is untouched.
        #expect(try store.ticket(id: "T-1077")?.articles == [])
    }

    @Test func unknownTicketOrUnindexedArticleFails() throws {
        let directory = try workspace()
        let ticket = runKB(["article", "link", "T-9", "KB-0007"], in: directory.url)
        #expect(ticket.code == 1)
        #expect(ticket.stderr == "error: ticket 'T-9' not found in the store; run 'kb import FILE' first\n")
        try directory.write("kb/articles/new.md", ArticleLintCommandTests.article(id: "KB-0008"))
        let article = runKB(["article", "link", "T-1042", "KB-0008"], in: directory.url)
        #expect(article.code == 1)
        #expect(article.stderr == "error: article 'KB-0008' is not indexed; check the id, or run 'kb index' if its file is new\n")
        #expect(runKB(["index"], in: directory.url).code == 0)
        #expect(runKB(["article", "link", "T-1042", "KB-0008"], in: directory.url).code == 0)
        #expect(runKB(["article", "link", "T-1042"], in: directory.url).code == 64)
    }

    @Test func groupWithoutSubcommandShowsHelp() throws {
        let directory = try workspace()
        let result = runKB(["article"], in: directory.url)
        #expect(result.code == 0)
        for name in ["draft", "lint", "link"] { #expect(result.stdout.contains("\n  \(name) ")) }
        #expect(runKB(["help", "article", "draft"], in: directory.url).stdout.contains("USAGE: kb article draft"))
    }
}
