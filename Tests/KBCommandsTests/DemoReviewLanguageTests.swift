import Foundation
import Testing
import KBTestSupport
@testable import KBCore
@testable import KBCommands

/// Every word kb writes in a review is in the document's language: the Spanish reviews (Markdown and HTML, internal
/// and customer) of every closed severity 1–2 demo incident hold no English word or sentence, and the English ones
/// no Spanish. The ticket's own texts (titles, notes, causes, names, article titles) are data, written in whatever
/// language the team wrote them, and are taken out before the check; what remains is kb's.
@Suite struct DemoReviewLanguageTests {
    /// Words of `language`'s catalogue that the other language's catalogue never uses (4 letters or more): seen in
    /// a document of the other language, they are an untranslated label.
    static func foreignWords(to language: Language) -> Set<String> {
        let other: Language = language == .spanish ? .english : .spanish
        return catalogueWords(other).filter { $0.count >= 4 }.subtracting(catalogueWords(language))
    }

    /// Every word of `language`'s catalogue, lower-cased.
    static func catalogueWords(_ language: Language) -> Set<String> {
        var found: Set<String> = []
        let catalogue = language.catalogue
        for key in catalogue.keys {
            let value = catalogue[key].replacingOccurrences(of: "\\{[a-z_]+\\}", with: " ", options: .regularExpression)
            for word in value.split(whereSeparator: { !$0.isLetter }) { found.insert(word.lowercased()) }
        }
        return found
    }

    /// The texts of a review that come from the ticket and the store rather than from kb.
    static func dataTexts(of review: Review, vendors: [String]) -> [String] {
        let ticket = review.ticket
        var texts = [ticket.title, ticket.description, ticket.customer, ticket.assignee, ticket.level, ticket.resolution,
                     ticket.rootCause, review.resolution.text, review.resolution.rootCause].compactMap { $0 }
        for event in ticket.events {
            texts += [event.text, event.author ?? ""] + event.attachments.map(\.name)
        }
        for entry in review.timeline {
            texts += [entry.text, entry.author ?? "", entry.detail ?? ""] + entry.attachments.map(\.name)
        }
        for incident in review.related + review.recurrence.incidents {
            texts += [incident.title, incident.rootCause ?? "", incident.resolution ?? "", incident.customer ?? ""]
        }
        texts += (review.articles + review.training.articles).map(\.title)
        texts += review.impact.customers + review.impact.concurrentReports.compactMap(\.customer)
        texts += review.evidence.map(\.name) + review.escalation.steps.compactMap(\.reason)
        texts += review.escalation.steps.compactMap(\.author) + review.searchTerms + review.proposals.map(\.title)
        texts += vendors + [review.terms.timeZone.identifier]
        for article in review.articles + review.training.articles {
            if case .sharedWords(let words) = article.reason { texts += words }
        }
        return texts.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count > 1 }
    }

    /// The document's text as read, without markup, Markdown escapes, quoted data or the review's data texts.
    static func kbText(of document: String, format: ReviewFormat, data: [String]) -> String {
        var text = document
        if format == .html {
            text = text.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "<title>[\\s\\S]*?</title>", with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        } else {
            text = text.replacingOccurrences(of: "\\", with: "")
        }
        for item in data.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: item.replacingOccurrences(of: "\\", with: ""), with: " ")
        }
        return text.replacingOccurrences(of: "«[^»]*»|“[^”]*”", with: " ", options: .regularExpression)
    }

    /// Lines of `text` that are in the other language: a foreign catalogue word, a raw field name (`resolved_at`),
    /// or a sentence that the language detector calls the other language and that holds a word the document
    /// language's catalogue never uses (a sentence made of kb's own words in that language is kb's own).
    static func foreignLines(in text: String, language: Language, foreign: Set<String>, own: Set<String>) -> [String] {
        let other: Language = language == .spanish ? .english : .spanish
        var found: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            for fragment in line.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "·" }) {
                // `_` inside a word is a raw field name (`resolved_at`); at its ends, Markdown emphasis.
                let words = fragment.split(whereSeparator: { !$0.isLetter && $0 != "_" })
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "_")) }
                if let word = words.first(where: { foreign.contains($0.lowercased()) || $0.contains("_") }) {
                    found.append("«\(word)» in: \(fragment.trimmingCharacters(in: .whitespaces))")
                    continue
                }
                // Sentences of four words or more (of two letters or more): durations (`2 d 09 h`) and ids are no
                // language's.
                for sentence in fragment.split(separator: ". ")
                where sentence.split(separator: " ").filter({ $0.filter(\.isLetter).count >= 2 }).count >= 4 {
                    let unknown = sentence.split(whereSeparator: { !$0.isLetter }).contains { $0.count >= 3 && !own.contains($0.lowercased()) }
                    if unknown, LanguageDetector.detect(String(sentence)) == other {
                        found.append("sentence: \(sentence.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        return found
    }

    @Test(arguments: [Language.spanish, .english])
    func everyWordOfAReviewIsInItsLanguage(language: Language) throws {
        let directory = try DemoStoreDocumentsTests.demoWorkspace()
        let knowledgeBase = try KnowledgeBase(root: nil, start: directory.url, clock: { Timestamp(iso8601: "2026-11-01T12:00:00Z")! })
        let store = try knowledgeBase.store()
        let policy = try knowledgeBase.policy()
        let vendors = policy.escalation.vendors.map { ReviewVocabulary.vendorName($0.target) }
        let reviewer = try IncidentReviewer(store: store, policy: policy,
                                            builder: try knowledgeBase.queryBuilder())
        let renderer = ReviewRenderer(templates: try knowledgeBase.templates(language))
        let foreign = Self.foreignWords(to: language)
        let own = Self.catalogueWords(language)
        var problems: [String] = []
        var documents = 0
        for ticket in try reviewer.closedIncidents(since: Timestamp(seconds: 0), until: knowledgeBase.now) {
            let internalReview = try reviewer.review(of: ticket, now: knowledgeBase.now, language: language)
            let customerReview = internalReview.forCustomer(
                redactor: try reviewer.customerRedactor(for: ticket, language: language))
            for review in [internalReview, customerReview] {
                let data = Self.dataTexts(of: review, vendors: vendors)
                for format in [ReviewFormat.md, .html] {
                    let text = Self.kbText(of: try renderer.render(review, format: format), format: format, data: data)
                    for line in Self.foreignLines(in: text, language: language, foreign: foreign, own: own) {
                        problems.append("\(ticket.id) \(review.audience) \(format): \(line)")
                    }
                    documents += 1
                }
            }
        }
        #expect(documents > 200)
        #expect(problems.isEmpty, "\(problems.count) lines:\n\(problems.prefix(40).joined(separator: "\n"))")
    }
}
