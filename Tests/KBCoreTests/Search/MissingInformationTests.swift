import Foundation
import Testing
@testable import KBCore

/// The manual's initial review: what a new ticket lacks, asked in the customer's language from the catalogue.
@Suite struct MissingInformationTests {
    static let bare = IntakeRequest(text: "No funciona", receivedAt: Timestamp(seconds: 1_790_000_000))!

    @Test func aBareRequestLacksEverythingTheManualAsksFor() {
        let missing = MissingInformation.check(request: Self.bare, inferredService: nil, plan: nil)
        #expect(missing.map(\.field) == ["customer", "plan", "service", "started_at", "affected_users", "evidence", "contact"])
    }

    @Test func whatTheTextSaysIsNotAskedFor() {
        let request = IntakeRequest(text: "Desde las 9:15 ningún agente entra; adjunto captura. Escribir a ana@example.com",
                                    receivedAt: Timestamp(seconds: 1_790_000_000))!
        let missing = MissingInformation.check(request: request, inferredService: "portal", plan: "12x5")
        #expect(missing.map(\.field) == ["customer"])
    }

    @Test(arguments: [Language.spanish, .english])
    func theMessageIsInTheLanguageAskedForWithEveryQuestion(language: Language) throws {
        let words = Catalogue.of(language)
        let missing = MissingInformation.check(request: Self.bare, inferredService: nil, plan: nil, language: language)
        let message = try #require(MissingInformation.customerMessage(for: missing, language: language))
        #expect(message.hasPrefix(words["intake.message.opening"]) && message.hasSuffix(words["intake.message.closing"]))
        for field in missing.map(\.field) {
            #expect(message.contains("- " + words["intake.missing.\(field)"]))
        }
        let other = Catalogue.of(language == .spanish ? .english : .spanish)
        #expect(!message.contains(other["intake.missing.plan"]))
    }

    @Test func nothingMissingNoMessage() {
        #expect(MissingInformation.customerMessage(for: [], language: .spanish) == nil)
    }
}
