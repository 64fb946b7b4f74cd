import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The weight of function words in ticket ranking.
@Suite struct FunctionWordWeightTests {
    /// In ranked ticket queries function words stay, weighed down; content words keep their whole idf.
    @Test func functionWordsWeighLessInTicketQueries() throws {
        let (directory, knowledgeBase) = try SuggesterTests.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let engine = try knowledgeBase.searchEngine()
        let match = try #require(try engine.ticketMatch(for: "la VPN no conecta durante la noche"))
        let weights = Dictionary(match.phrases.map { ($0.text.lowercased(), $0.weight) }, uniquingKeysWith: { first, _ in first })
        #expect(weights["durante"] == StopWords.queryWeight)
        #expect(weights["vpn"] == 1)
        #expect(weights["conecta"] == 1)
        // A query of function words only counts them fully.
        let only = try #require(try engine.ticketMatch(for: "durante la"))
        #expect(only.phrases.allSatisfy { $0.weight == 1 })
    }
}
