import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct IncidentHistoryFinderTests {
    typealias F = ReviewFixtures

    @Test func findsClosedPastIncidentsOfTheSameProblem() throws {
        let directory = try TemporaryDirectory()
        let store = try F.store(in: directory, tickets: [F.overnight] + F.history + F.background(40))
        defer { try? store.close() }
        let finder = try IncidentHistoryFinder(store: store, builder: F.builder(for: store))
        let history = try finder.history(for: F.overnight, now: F.now)

        let ids = history.similar.map(\.id)
        // The two certificate incidents on the portal come first; never the ticket itself, an open ticket, a later
        // one, or one sharing a single word ("caída").
        #expect(Array(ids.prefix(2)).sorted() == ["T-1900", "T-1901"])
        for excluded in ["T-2001", "T-1904", "T-2100", "T-2002", "T-1903"] { #expect(!ids.contains(excluded)) }
        #expect(history.similar.allSatisfy { $0.similarity > 0 && $0.similarity <= 1 })
        #expect(history.similar.first?.sameService == true)
        #expect(history.similar.first { $0.id == "T-1901" }?.daysBefore == 16)
        #expect(history.similar.first { $0.id == "T-1901" }?.resolution == "Se reemplazó el certificado")

        // Names say who, not what: the customer's and agents' names never select tickets.
        for name in ["banc", "austral", "ana", "pedro", "t-2001"] { #expect(!history.searchTerms.contains(name)) }
        #expect(history.searchTerms.count <= IncidentHistoryFinder.maximumTerms)
        #expect(history.searchTerms.contains("certific"))

        // Another customer's report of the same service during the impact window.
        #expect(history.concurrent.map(\.id) == ["T-2002"])

        let review = Review(ticket: F.overnight, policy: .default, history: history, now: F.now)
        #expect(review.recurrence.incidents.map(\.id) == ["T-1901", "T-1900"])
        #expect(review.impact.customers == ["Banco Austral", "Mutual Andina"])
        #expect(review.impact.channels == ["correo", "telefono"])
        let minutes: Int64 = 185 * 2
        #expect(review.impact.customerImpactMinutes == minutes)
        // Related but not the same problem: listed, not counted as a recurrence.
        let loose = try #require(history.similar.first { $0.id == "T-1902" })
        #expect(loose.similarity < 0.5)
    }

    @Test func commonWordsNeverSelectAndAllCommonTextSearchesNarrowly() throws {
        let directory = try TemporaryDirectory()
        var tickets: [Ticket] = []
        for index in 0..<30 {
            var ticket = F.history[0]
            ticket.id = "T-\(3000 + index)"
            ticket.title = index.isMultiple(of: 2) ? "Portal lento en reportes" : "Portal caído en horario punta"
            ticket.rootCause = index == 7 ? "Certificado vencido" : "Carga alta"
            tickets.append(ticket)
        }
        let store = try F.store(in: directory, tickets: tickets)
        defer { try? store.close() }
        let finder = try IncidentHistoryFinder(store: store, builder: F.builder(for: store), postingBudget: 10)
        var ticket = tickets[7]
        ticket.id = "T-NEW"
        let selection = try finder.selectWords(for: ticket)
        // "portal", "caído", "horario", "punta" are in 15 or more tickets and "certificado" in all 30 (their
        // resolution), over the budget of 10: only the rare "vencido" is searched (found once, in T-3007; the new
        // ticket is not stored).
        #expect(selection.mode == .any)
        #expect(selection.words.map(\.term) == ["venc"])
        // Stored, the same ticket finds nothing with words only it contains.
        let stored = try finder.selectWords(for: tickets[7])
        #expect(stored.mode == .all)

        var plain = tickets[1]
        plain.id = "T-NEW2"
        plain.rootCause = nil
        let common = try finder.selectWords(for: plain)
        // Every word is common: the three weightiest (title words) must all match, so the query stays narrow.
        #expect(common.mode == .all)
        #expect(common.words.map(\.term) == ["caid", "horari", "portal"])
    }

    /// Every word common: no BM25 over huge doclists; the latest matches imported before the ticket, ranked by
    /// how much of its title and cause they share.
    @Test func commonWordsFindTheLatestMatchesBeforeTheTicket() throws {
        let directory = try TemporaryDirectory()
        var tickets: [Ticket] = []
        for index in 0..<40 {
            var ticket = F.history[0]
            ticket.id = String(format: "T-%04d", 4000 + index)
            ticket.createdAt = Timestamp(seconds: F.at("2026-01-01T10:00:00-03:00").seconds + Int64(index) * 86_400)
            ticket.title = index.isMultiple(of: 2) ? "Portal caído en horario punta" : "Portal caído por carga alta"
            ticket.rootCause = index.isMultiple(of: 2) ? "Balanceador saturado en horario punta" : "Carga alta en la base"
            ticket.resolution = "Se reinició"
            ticket.status = index == 38 ? .inProgress : .closed
            tickets.append(ticket)
        }
        let store = try F.store(in: directory, tickets: tickets)
        defer { try? store.close() }
        let finder = try IncidentHistoryFinder(store: store, builder: F.builder(for: store), postingBudget: 10)
        let reviewed = tickets[36]
        let history = try finder.history(for: reviewed, now: F.now)
        #expect(history.searchTerms == ["horari", "punt", "caid"])
        let ids = history.similar.map(\.id)
        // Only the even tickets share all three words; never the ticket itself, the open one or later ones.
        #expect(ids.first == "T-4034")
        #expect(ids.allSatisfy { Int($0.dropFirst(2))! % 2 == 0 && Int($0.dropFirst(2))! < 4036 })
        #expect(ids.count == 18)
        #expect(history.similar.allSatisfy { $0.similarity == 1 })
        #expect(!history.similarIsTruncated)
    }

    @Test func stopWordsShortWordsNumbersAndYearsAreNotSearched() {
        #expect(!IncidentHistoryFinder.isWorthSearching("de"))
        #expect(!IncidentHistoryFinder.isWorthSearching("12"))
        #expect(!IncidentHistoryFinder.isWorthSearching("2026"))
        #expect(IncidentHistoryFinder.isWorthSearching("401"))
        #expect(IncidentHistoryFinder.isWorthSearching("err-401"))
        #expect(IncidentHistoryFinder.isWorthSearching("certific"))
    }

    @Test func customerRedactorHidesOtherCustomersAndAgents() throws {
        let directory = try TemporaryDirectory()
        let store = try F.store(in: directory, tickets: [F.overnight] + F.history)
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: .default, builder: F.builder(for: store))
        let redactor = try reviewer.customerRedactor(for: F.overnight, language: .spanish)
        let text = redactor.redact("Banco Austral y Mutual Andina; atendió ana con luis y pedro; firmó Carla")
        #expect(text == "Banco Austral y [cliente]; atendió [agente] con [agente] y [agente]; firmó Carla")
    }

    @Test func reviewerRefusesTicketsReviewsAreNotFor() throws {
        let directory = try TemporaryDirectory()
        var open = F.overnight
        open.id = "T-OPEN"
        open.status = .inProgress
        var minor = F.overnight
        minor.id = "T-MINOR"
        minor.severity = 3
        let store = try F.store(in: directory, tickets: [open, minor])
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: .default, builder: F.builder(for: store))
        #expect(throws: ReviewError.ticketNotFound(id: "T-NONE")) { try reviewer.review(id: "T-NONE", now: F.now, language: .spanish) }
        #expect(throws: ReviewError.notClosed(id: "T-OPEN", status: .inProgress)) {
            try reviewer.review(id: "T-OPEN", now: F.now, language: .spanish)
        }
        #expect(throws: ReviewError.severityOutOfScope(id: "T-MINOR", severity: 3)) {
            try reviewer.review(id: "T-MINOR", now: F.now, language: .spanish)
        }
        let forced = try reviewer.review(id: "T-MINOR", now: F.now, language: .spanish, force: true)
        #expect(forced.warnings.contains { $0.code == .forcedReview })
    }
}
