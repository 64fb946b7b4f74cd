import Foundation
import Testing
import KBTestSupport
@testable import KBCore
@testable import KBCommands

/// `kb automations` on the demo store, judged as a lead would (issue 18): no two proposals of one kind say the
/// same thing, and no title names a person.
@Suite struct DemoAutomationsTests {
    /// Folded words of four letters or more (or holding a digit: `N2`), cut to five: a crude stem, independent of
    /// kb's analyzer.
    static func words(_ text: String) -> Set<String> {
        Set(AccentFolding.fold(text).split { !$0.isLetter && !$0.isNumber }
            .filter { $0.count >= 4 || $0.contains(where: \.isNumber) }.map { String($0.prefix(5)) })
    }

    /// The part of a title quoted from the tickets, or the whole title.
    static func quoted(_ title: String) -> String {
        guard let start = title.firstIndex(of: "«"), let end = title.lastIndex(of: "»"), start < end else { return title }
        return String(title[title.index(after: start)..<end])
    }

    @Test(arguments: ["es", "en"]) func proposalsOfOneKindSayDifferentThingsAndNameNobody(language: String) throws {
        let directory = try DemoStoreDocumentsTests.demoWorkspace()
        let report = try DemoStoreDocumentsTests.json(["automations", "--lang", language, "--format", "json"], in: directory)
        let proposals = try #require(report["proposals"] as? [[String: Any]])
        try #require(!proposals.isEmpty)
        let byKind = Dictionary(grouping: proposals) { $0["kind"] as? String ?? "" }
        for (kind, group) in byKind {
            let titles = group.compactMap { $0["title"] as? String }
            // The kind's own wording ("Alerta de monitoreo para …") is in every title: compare what is left.
            let template = titles.count < 2 ? [] : titles.map { Self.words(Self.quoted($0)) }.reduce(Self.words(Self.quoted(titles[0]))) {
                $0.intersection($1)
            }
            for (index, title) in titles.enumerated() {
                for other in titles[(index + 1)...] {
                    let (a, b) = (Self.words(Self.quoted(title)).subtracting(template), Self.words(Self.quoted(other)).subtracting(template))
                    let jaccard = Double(a.intersection(b).count) / Double(max(1, a.union(b).count))
                    #expect(jaccard < 0.5, "\(kind): «\(title)» and «\(other)» say the same thing")
                }
            }
            // The issue's examples, by their subject: one password FAQ, one backup-trunk runbook, one CloudSMS cause.
            let subjects: [String: [String]] = ["self_service": ["contrase", "clave", "password"], "runbook": ["respaldo"],
                                                "problem_record": ["cloudsms"], "knowledge_article": ["cloudsms"]]
            for word in subjects[kind] ?? [] {
                let holding = group.filter { proposal in
                    let text = ([proposal["title"] as? String ?? ""] + (proposal["steps"] as? [String] ?? [])).joined(separator: " ")
                    return AccentFolding.fold(text).contains(word)
                }
                #expect(holding.count <= 1, "\(kind) proposals about \(word): \(holding.compactMap { $0["title"] as? String })")
            }
        }
        // Nobody in a title: the store's agents, customers and their people, nor the end users tickets mention.
        let store = try Store(path: directory.url.appendingPathComponent(".kb/kb.sqlite").path)
        let people = try PersonNames.load(from: store)
        let names = (people.agents + people.customers + TicketGenerator.endUsers).map(AccentFolding.fold)
        for proposal in proposals {
            let title = AccentFolding.fold(proposal["title"] as? String ?? "")
            let titleWords = Set(title.split { !$0.isLetter && !$0.isNumber && $0 != "." }.map(String.init))
            for name in names where name.count >= 3 {
                let nameWords = name.split(separator: " ").map(String.init)
                #expect(!nameWords.allSatisfy(titleWords.contains), "«\(title)» names \(name)")
            }
            // Every proposal says how its hours were computed, with its numbers, and dates its evidence.
            let calculation = proposal["calculation"] as? String ?? ""
            #expect(calculation.contains("\(proposal["manual_minutes"] as? Int ?? -1) min"))
            let dates = proposal["evidence_dates"] as? [String] ?? []
            #expect(dates.count == (proposal["evidence"] as? [String] ?? []).count && dates.allSatisfy { $0.count == 10 })
        }
    }
}
