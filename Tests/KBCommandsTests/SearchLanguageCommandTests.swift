import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// English tickets imported into a Spanish workspace are stemmed as English and found by English word forms.
@Suite struct SearchLanguageCommandTests {
    @Test func cancelFindsEnglishCancellations() throws {
        let directory = try TemporaryDirectory()
        #expect(runKB(["init"], in: directory.url).code == 0)
        let tickets = [
            ("E-1", "Cancellation request", "I would like to cancel my subscription before the next billing cycle."),
            ("E-2", "Refund after cancelling", "My order was cancelled last week and I am still waiting for the refund."),
            ("S-1", "Portal lento", "Las pantallas demoran mucho en cargar desde esta mañana."),
        ].map { id, title, description in
            TicketFixtures.line(id: id, title: title).replacingOccurrences(of: "La pantalla queda en blanco", with: description)
        }
        try Data((tickets.joined(separator: "\n") + "\n").utf8).write(to: directory.url.appendingPathComponent("tickets.jsonl"))
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        for query in ["cancel", "cancellation"] {
            let result = runKB(["search", "--mode", "all", "--type", "ticket", "--json", query], in: directory.url)
            #expect(result.code == 0)
            #expect(result.stdout.contains("\"id\":\"E-1\""), "\(query): \(result.stdout)")
            #expect(result.stdout.contains("\"id\":\"E-2\""), "\(query): \(result.stdout)")
            #expect(!result.stdout.contains("\"id\":\"S-1\""))
        }
    }
}
