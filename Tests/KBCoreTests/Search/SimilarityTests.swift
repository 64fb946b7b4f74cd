import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Similar tickets at intake: candidates found by the request's selected words, ordered by the cosine of whole-text
/// tf·idf vectors (`TermVector`).
@Suite struct SimilarityTests {
    static func vector(_ text: String, idf: (String) -> Double = { _ in 1 }) -> TermVector {
        let analyzer = Analyzer(language: .spanish)
        let analysis = TermVector.Analysis(analyzer: analyzer, ignored: Set(MoreLikeThis.ignoredWords.flatMap { analyzer.terms($0) }))
        return TermVector(fields: [(text, 1)], analysis: analysis) { term, _ in idf(term) }
    }

    @Test func cosineIsOneForTheSameTextAndZeroWithoutSharedWords() {
        let vpn = Self.vector("El túnel VPN con la sede remota se cae")
        #expect(abs(vpn.cosine(vpn) - 1) < 1e-9)
        #expect(Self.vector("La VPN de la sede remota se cae cada pocos minutos").cosine(vpn) > 0.3)
        #expect(vpn.cosine(Self.vector("factura duplicada")) == 0)
        let other = Self.vector("Caída de la VPN del sitio remoto")
        #expect(abs(vpn.cosine(other) - other.cosine(vpn)) < 1e-12)
    }

    /// Function and conversational words weigh nothing, and neither does a term whose idf is 0.
    @Test func ignoredWordsAndCommonTermsWeighNothing() {
        let common = Analyzer(language: .spanish).terms("conecta")
        let vector = Self.vector("Hola equipo, la VPN no conecta con el servidor, gracias") { common.contains($0) ? 0 : 1 }
        #expect(Set(vector.weights.keys) == Set(Analyzer(language: .spanish).terms("VPN servidor")))
        #expect(Self.vector("Hola, gracias").weights.isEmpty)
    }

    /// The similar ticket that shares the request's whole text comes before one that only repeats its rarest word.
    @Test func theWholeTextDecidesWhichTicketIsMostSimilar() throws {
        let (directory, knowledgeBase) = try SuggesterTests.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let suggestion = try knowledgeBase.suggest(IntakeRequest(
            title: "Caída de la VPN del sitio remoto", description: "El túnel VPN con la sede remota se cae cada pocos minutos.",
            receivedAt: Timestamp(iso8601: "2026-11-02T12:00:00Z")!))
        let tickets = suggestion.solutions.filter { $0.type == .ticket }
        #expect(tickets.first?.id == "T-9000003")
        // Scores are cosines, best first.
        for (first, second) in zip(tickets, tickets.dropFirst()) { #expect(first.score >= second.score) }
        #expect(tickets.allSatisfy { $0.score >= 0 && $0.score <= 1 + 1e-9 })
    }
}
