import Testing
@testable import KBCore

@Suite struct FilterVocabularyTests {
    static let customers = FilterVocabulary(option: "--customer",
                                            known: ["Banco Cafetero", "Clínica San Rafael", "clinica san rafael", "Acme", "Acme"])

    @Test(arguments: [
        ("banco cafetero", ["Banco Cafetero"]), ("BANCO  CAFETERO ", ["Banco Cafetero"]),
        ("Clinica San Rafael", ["Clínica San Rafael", "clinica san rafael"]), ("acme", ["Acme"]),
    ])
    func valuesMatchIgnoringCaseAccentsAndSpacing(typed: String, stored: [String]) throws {
        #expect(try Self.customers.resolve([typed]) == stored)
    }

    @Test func anUnknownValueListsTheKnownOnesSorted() {
        #expect(Self.customers.known == ["Acme", "Banco Cafetero", "Clínica San Rafael", "clinica san rafael"])
        #expect(throws: UnknownFilterValueError(option: "--customer", value: "Banco Sur", known: Self.customers.known)) {
            try Self.customers.resolve(["acme", "Banco Sur"])
        }
        let error = UnknownFilterValueError(option: "--status", value: "cerrado", known: ["closed", "new"])
        #expect(error.description == "no --status 'cerrado' (compared ignoring case and accents); known values: closed, new")
        #expect(error.isUsageProblem)
    }

    @Test func statusesAreTicketStatusesAndArticleStates() throws {
        let known = KnowledgeBase.statusVocabulary.known
        #expect(Set(known) == Set(TicketStatus.allCases.map(\.rawValue) + ArticleState.allCases.map(\.rawValue)))
        #expect(try KnowledgeBase.statusVocabulary.resolve(["CLOSED", "Validated"]) == ["closed", "validated"])
        #expect(throws: UnknownFilterValueError.self) { try KnowledgeBase.statusVocabulary.resolve(["cerrado"]) }
    }
}
