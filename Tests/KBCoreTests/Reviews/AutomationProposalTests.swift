import Testing
@testable import KBCore

@Suite struct AutomationProposalTests {
    @Test func evidenceIsSortedNaturallyWithoutDuplicates() {
        #expect(AutomationProposal.sortedIDs(["T-10", "T-9", "T-100", "T-9", "A-2"]) == ["A-2", "T-9", "T-10", "T-100"])
        #expect(AutomationProposal.sortedIDs(["T-0000050", "T-0000007"]) == ["T-0000007", "T-0000050"])
    }

    @Test(arguments: [(3, 1.0, 0.5), (9, 1.0, 0.75), (3, 0.0, 0.25), (27, 0.5, 0.68)])
    func confidenceGrowsWithOccurrencesAndConsistency(occurrences: Int, consistency: Double, expected: Double) {
        #expect(AutomationProposal.confidence(occurrences: occurrences, consistency: consistency) == expected)
    }

    @Test func hoursSavedUseAtLeastOneMonth() {
        #expect(AutomationProposal.hoursSaved(manualMinutes: 120, months: 0.2, kind: .runbook) == 1.6)
        #expect(AutomationProposal.hoursSaved(manualMinutes: 120, months: 4, kind: .selfService) == 0.45)
    }

    @Test func manualWorkCountsCappedGapsPerAuthor() {
        let start = Timestamp(seconds: 1_000_000)
        func event(_ minute: Int64, _ kind: EventKind, _ author: String?) -> TicketEvent {
            TicketEvent(at: Timestamp(seconds: start.seconds + minute * 60), kind: kind, author: author)
        }
        let events = [
            event(0, .created, "cliente"),
            event(5, .action, "ana"),      // first of ana: 10
            event(12, .evidence, "ana"),   // 7
            event(13, .action, "bruno"),   // first of bruno: 10
            event(20, .comment, "ana"),    // not work
            event(120, .action, "ana"),    // gap 108 → 30
            event(121, .action, nil),      // first of nobody: 10
        ]
        #expect(AutomationIncident.workSeconds(of: events).map { $0 / 60 } == [0, 10, 7, 10, 0, 30, 10])
    }
}
