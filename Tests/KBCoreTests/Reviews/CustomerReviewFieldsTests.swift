import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The customer view is an allow-list: every stored property of `Review`, and of each type whose values it carries,
/// is classified in `CustomerReviewFields`. A property added to any of them fails here until someone decides what a
/// customer sees of it, and what is classified as dropped is indeed empty in the view.
@Suite struct CustomerReviewFieldsTests {
    /// Types read as single values: their insides are not review data.
    static let leafTypes: Set<String> = ["String", "Timestamp", "TimeZone", "BusinessCalendar", "Language"]

    /// Calls `visit(typeName, property, value)` for every stored property of every classified value reachable from
    /// `value` through properties that are not dropped.
    static func walk(_ value: Any, _ visit: (String, String, Any) -> Void) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set:
            for child in mirror.children { walk(child.value, visit) }
        case .struct:
            let type = String(describing: Swift.type(of: value))
            guard !leafTypes.contains(type) else { return }
            for child in mirror.children {
                guard let label = child.label else { continue }
                visit(type, label, child.value)
                if CustomerReviewFields.treatments[type]?[label] != .dropped { walk(child.value, visit) }
            }
        default:
            return
        }
    }

    /// Whether a dropped property holds nothing: nil, an empty collection, false, or a value of such properties.
    static func isEmpty(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .dictionary, .set: return mirror.children.isEmpty
        case .struct: return mirror.children.allSatisfy { isEmpty($0.value) }
        default: return (value as? Bool) == false
        }
    }

    /// A review with something in every list: history, proposals, internal and public events, waits, attachments.
    static func reviews() throws -> (internal: Review, customer: Review) {
        let directory = try TemporaryDirectory()
        let store = try ReviewFixtures.store(in: directory, tickets: [ReviewFixtures.overnight] + ReviewFixtures.history
                                                                   + ReviewFixtures.background(40))
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: .default, builder: ReviewFixtures.builder(for: store))
        var review = try reviewer.review(id: ReviewFixtures.overnight.id, now: ReviewFixtures.now, language: .spanish)
        // What this incident has none of, so that every list holds a value to look into.
        let article = ReviewArticleMatch(id: "KB-0001", title: "Renovar el certificado", state: "validated", audience: "customer",
                                         linked: true)
        review.articles.append(article)
        review.training.articles.append(article)
        review.severityChanges.append(ReviewSeverityChange(from: 2, to: 1, time: review.created, event: 1))
        review.warnings.append(ReviewWarning(code: .missingResolution, message: "x", events: [1]))
        return (review, review.forCustomer(redactor: try reviewer.customerRedactor(for: review.ticket, language: .spanish)))
    }

    @Test func everyPropertyTheViewCarriesIsClassified() throws {
        let (review, _) = try Self.reviews()
        var seen: [String: Set<String>] = [:]
        Self.walk(review) { type, property, _ in seen[type, default: []].insert(property) }
        for (type, properties) in seen {
            let classified = Set(CustomerReviewFields.treatments[type]?.keys ?? [:].keys)
            #expect(properties.subtracting(classified).isEmpty,
                    "\(type): \(properties.subtracting(classified).sorted()) not classified in CustomerReviewFields")
            #expect(classified.subtracting(properties).isEmpty,
                    "\(type): \(classified.subtracting(properties).sorted()) classified but not stored any more")
        }
        // The sample reaches every classified type, so none of them escapes the check.
        #expect(Set(seen.keys) == Set(CustomerReviewFields.treatments.keys))
    }

    @Test func droppedPropertiesAreEmptyInTheView() throws {
        let (_, customer) = try Self.reviews()
        var checked = 0
        Self.walk(customer) { type, property, value in
            guard CustomerReviewFields.treatments[type]?[property] == .dropped else { return }
            checked += 1
            #expect(Self.isEmpty(value), "\(type).\(property) reaches the customer: \(value)")
        }
        #expect(checked > 10)
    }
}
