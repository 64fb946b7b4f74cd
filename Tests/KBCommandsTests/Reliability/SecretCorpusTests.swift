import Foundation
import Testing
@testable import KBCore
import KBTestSupport
@testable import KBCommands

/// The planted corpus (`SecretCorpus`): over 300 secrets, personal data and internal texts, written in over 20
/// obfuscations, in every internal place and in public comments, ticket fields, FAQ requests and customer articles.
/// No customer review (`kb review --audience customer`: md, html, json; es, en; also `--out`) and no training guide
/// (md, html; es, en) shows any of them; lint reports each one in a customer article. With redaction switched off
/// (an internal switch of `Redactor`), the same check finds every publicly placed item, so it can fail.
@Suite struct SecretCorpusTests {
    static let seed: UInt64 = 0x5EC2_E7C0
    static let now = "2026-11-01T12:00:00Z"

    struct Fixture {
        let directory: TemporaryDirectory
        let corpus: SecretCorpus
    }

    static func fixture() throws -> Fixture {
        let corpus = SecretCorpus(seed: seed)
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("tickets.jsonl", (corpus.incidents + corpus.requests).map { $0.jsonText() + "\n" }.joined())
        for article in corpus.articles { try directory.write(article.path, article.text) }
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0 && imported.stdout.contains("rejected 0"), "\(imported.stdout) \(imported.stderr.prefix(800))")
        let indexed = runKB(["index"], in: directory.url)
        #expect(indexed.code == 0, "\(indexed.stdout.prefix(800)) \(indexed.stderr.prefix(800))")
        return Fixture(directory: directory, corpus: corpus)
    }

    static func describe(_ items: [SecretCorpus.Item]) -> String {
        items.prefix(8).map { "#\($0.number) \($0.category.rawValue) in \($0.place.rawValue) (\($0.obfuscation.rawValue)) at "
            + "\($0.location): \($0.text.debugDescription.prefix(90))" }.joined(separator: "; ")
    }

    @Test func corpusCoversEveryKindPlaceAndObfuscation() {
        let corpus = SecretCorpus(seed: Self.seed)
        #expect(corpus.items.count >= 300, "\(corpus.items.count) items")
        #expect(Set(corpus.items.map(\.obfuscation)).count >= 20)
        #expect(Set(corpus.items.map(\.obfuscation)) == Set(SecretCorpus.Obfuscation.allCases))
        #expect(Set(corpus.items.map(\.place)) == Set(SecretCorpus.Place.allCases))
        #expect(Set(corpus.items.map(\.category)) == Set(SecretCorpus.Category.allCases))
        let phrased = corpus.items.filter { $0.category == .password || $0.category == .pin }
        #expect(Set(phrased.map(\.phrasing)) == [.spanish, .english])
        // Only names and tags as the store holds them (assignees, tags) are planted plain.
        #expect(corpus.items.filter { $0.obfuscation == .plain }.allSatisfy { $0.place == .assignee || $0.place == .ticketTags })
        // The leak check sees each item through its obfuscation: found in the text it was planted as.
        let unseen = corpus.items.filter { item in
            !item.needles.contains { SecretCorpus.comparable(item.text).contains($0) }
        }
        #expect(unseen.isEmpty, "\(Self.describe(unseen))")
        let markerStyles = SecretCorpus.markerStyles.map(\.open)
        #expect(markerStyles.allSatisfy { style in corpus.articles.contains { $0.text.contains(style) } })
    }

    /// Every item is in what kb holds, as a user sees it: `kb show --json` of its ticket (imported as planted,
    /// internal notes and all) or its article file; so a customer document without it left it out or redacted it.
    @Test func everyItemIsInTheRawInputs() throws {
        let fixture = try Self.fixture()
        var shown: [String: String] = [:]
        var missing: [SecretCorpus.Item] = []
        for item in fixture.corpus.items {
            let text: String
            if item.location.hasPrefix("kb/") {
                text = SecretCorpus.comparable(try String(contentsOf: fixture.directory.url.appendingPathComponent(item.location),
                                                          encoding: .utf8))
            } else if let known = shown[item.location] {
                text = known
            } else {
                // FAQ items sit in three requests of their group (`faq-N`: T-88N0, T-88N1, T-88N2).
                let id = item.location.hasPrefix("faq-") ? "T-88" + item.location.dropFirst(4) + "0" : item.location
                let result = runKB(["show", "--json", id], in: fixture.directory.url)
                #expect(result.code == 0, "\(item.location): \(result.stderr.prefix(300))")
                text = SecretCorpus.comparable(result.stdout, isJSON: true)
                shown[item.location] = text
            }
            if !item.needles.contains(where: text.contains) { missing.append(item) }
        }
        #expect(missing.isEmpty, "\(missing.count) item(s) are not in the inputs: \(Self.describe(missing))")
    }

    @Test func customerReviewsShowNothingPlanted() throws {
        let fixture = try Self.fixture()
        let corpus = fixture.corpus
        for ticket in corpus.incidents {
            for language in ["es", "en"] {
                for format in ["md", "html", "json"] {
                    let label = "\(ticket.id) \(language) \(format)"
                    let result = runKB(["review", ticket.id, "--audience", "customer", "--lang", language, "--format", format],
                                       in: fixture.directory.url)
                    #expect(result.code == 0, "\(label): \(result.stderr.prefix(500))")
                    let text = SecretCorpus.comparable(result.stdout, isJSON: format == "json")
                    #expect(text.contains(SecretCorpus.projection("Caída del portal")), "\(label): the review shows its title")
                    let leaks = corpus.leaks(in: text + SecretCorpus.comparable(result.stderr), among: corpus.items, ticket: ticket.id)
                    #expect(leaks.isEmpty, "\(label): \(leaks.count) planted item(s) reached the customer: \(Self.describe(leaks))")
                }
            }
        }
        let ticket = try #require(corpus.incidents.first)
        let written = runKB(["review", ticket.id, "--audience", "customer", "--format", "html", "--out", "cliente.html"],
                            in: fixture.directory.url)
        #expect(written.code == 0, "\(written.stderr.prefix(500))")
        let file = try String(contentsOf: fixture.directory.url.appendingPathComponent("cliente.html"), encoding: .utf8)
        let leaks = corpus.leaks(in: SecretCorpus.comparable(file), among: corpus.items, ticket: ticket.id)
        #expect(leaks.isEmpty, "--out: \(Self.describe(leaks))")
    }

    @Test func trainingGuidesShowNothingPlanted() throws {
        let fixture = try Self.fixture()
        let corpus = fixture.corpus
        for language in ["es", "en"] {
            for format in ["md", "html"] {
                let label = "training \(language) \(format)"
                let result = runKB(["training", "--lang", language, "--format", format, "--out", "-", "--faq-limit", "50"],
                                   in: fixture.directory.url)
                #expect(result.code == 0, "\(label): \(result.stderr.prefix(500))")
                let text = SecretCorpus.comparable(result.stdout)
                // What was planted around the items is there: the articles and the FAQ.
                #expect(text.contains(SecretCorpus.projection(language == "es" ? "El portal no carga para los usuarios" : "The portal does not load")),
                        "\(label): the customer articles should be in the guide")
                // No customer article answers the planted requests: they are left out of the FAQ and named, redacted,
                // on stderr, which the leak check reads too.
                #expect(result.stderr.contains("Consulta de acceso"), "\(label): the unanswered requests should be named")
                let leaks = corpus.leaks(in: text + SecretCorpus.comparable(result.stderr), among: corpus.items)
                #expect(leaks.isEmpty, "\(label): \(leaks.count) planted item(s) reached the customer: \(Self.describe(leaks))")
            }
        }
    }

    @Test func lintReportsEveryItemInACustomerArticle() throws {
        let fixture = try Self.fixture()
        let result = runKB(["article", "lint", "--json"], in: fixture.directory.url)
        let parsed = try JSONParser().parse(result.stdout)
        var errors: Set<String> = []
        var messages: [String: String] = [:]
        for diagnostic in parsed["diagnostics"]?.arrayValue ?? [] {
            guard diagnostic["severity"]?.stringValue == "error", let path = diagnostic["path"]?.stringValue,
                  let line = diagnostic["line"]?.numberValue else { continue }
            errors.insert("\(path):\(Int(line))")
            messages["\(path):\(Int(line))", default: ""] += (diagnostic["message"]?.stringValue ?? "") + "; "
        }
        let visible = fixture.corpus.items.filter { [.customerArticleText, .customerArticleTitle, .brokenMarkerArticle].contains($0.place) }
        #expect(visible.count >= 80)
        let missed = visible.filter { !errors.contains("\($0.location):\($0.line)") }
        #expect(missed.isEmpty, "lint missed \(missed.count): \(Self.describe(missed))")
        for item in visible where item.place == .brokenMarkerArticle {
            #expect(messages["\(item.location):\(item.line)"]?.contains("internal") == true)
        }
    }

    /// With the redactor switched off, the same checks over the same documents (built through KBCore as the CLI
    /// builds them) find every item planted in a public place — and still none from an internal place, which is
    /// left out rather than redacted.
    @Test func withRedactionSwitchedOffTheCheckFindsEveryPublicItem() throws {
        let fixture = try Self.fixture()
        let corpus = fixture.corpus
        let workspace = Workspace(root: fixture.directory.url)
        let policy = try workspace.loadPolicy()
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: policy, builder: try workspace.queryBuilder(for: store))
        let now = try #require(Timestamp(iso8601: Self.now))
        var found: Set<Int> = []
        for ticket in corpus.incidents {
            for language in Language.allCases {
                let review = try reviewer.review(id: ticket.id, now: now, language: language, proposals: [])
                let customer = review.forCustomer(redactor: Redactor(disabledIn: language))
                let renderer = ReviewRenderer(templates: try workspace.templates(language: language))
                for format in ReviewFormat.allCases {
                    let text = SecretCorpus.comparable(try renderer.render(customer, format: format), isJSON: format == .json)
                    found.formUnion(corpus.leaks(in: text, among: corpus.items, ticket: ticket.id).map(\.number))
                }
            }
        }
        let files = try ArticleScanner.scan(root: workspace.root)
        for language in Language.allCases {
            let options = TrainingOptions(language: language, workspaceLanguage: .spanish, generatedOn: "2026-11-01", faqLimit: 50)
            var miner = FAQMiner(options: options, redactor: Redactor(disabledIn: language), analyzerLanguage: .spanish)
            try store.forEachFAQRequest { miner.add($0) }
            let result = TrainingBuilder(options: options, redactor: Redactor(disabledIn: language)).build(files: files, faq: miner.entries())
            for format in [TrainingFormat.markdown, .html] {
                let text = SecretCorpus.comparable(try result.pack.render(format: format, templates: workspace.templates(language: language)))
                found.formUnion(corpus.leaks(in: text, among: corpus.items).map(\.number))
            }
        }
        let publicItems = corpus.items.filter { $0.place.isPublic && $0.reachesCustomers }
        // FAQ titles and resolutions no longer reach customers (the FAQ answers from articles), hence fewer.
        #expect(publicItems.count >= 140)
        let missed = publicItems.filter { !found.contains($0.number) }
        #expect(missed.isEmpty, "with redaction off, \(missed.count) public item(s) were not seen: \(Self.describe(missed))")
        // Assignees' names are also mentioned in public comments, so they show up through those mentions.
        let publicNeedles = Set(publicItems.flatMap(\.needles))
        let hidden = corpus.items.filter { item in
            !item.place.isPublic && found.contains(item.number) && publicNeedles.isDisjoint(with: item.needles)
        }
        #expect(hidden.isEmpty, "internal items reached customer documents even before redaction: \(Self.describe(hidden))")
    }
}
