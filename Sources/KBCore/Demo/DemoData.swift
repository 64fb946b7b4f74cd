import Foundation

/// The demo workspace's data, as this repository ships it in `kb/` and as `kb demo` gives it to a workspace that
/// lacks it (a fresh `kb init`), so the demo shows the same figures anywhere:
///
/// - `kb/demo/tickets.jsonl`: generated, `kb generate --tickets 600 --seed 42` (the shipped file is that output);
/// - `kb/articles/`: the articles shipped in this repository, compiled into kb (`scripts/embed-demo`);
/// - `kb/policy.json`: the defaults plus the demo customers' plans and time zones (generated from the same
///   customer list as the tickets). Without them every demo customer falls back to the default plan and time zone,
///   and the figures change (severity-1 compliance over the last 90 days reads 63.6% instead of 54.5%).
public enum DemoData {
    /// How many demo tickets there are, and the seed that generates them.
    public static let ticketCount = 600
    public static let seed: UInt64 = 42
    /// The demo tickets file, relative to the workspace root.
    public static let ticketsPath = "kb/demo/tickets.jsonl"
    /// The instant the demo data was generated at: its open tickets are measured here.
    public static var now: Timestamp { TicketGenerator.snapshot }

    /// The demo tickets as JSON Lines, byte for byte `kb generate --tickets 600 --seed 42`.
    public static var ticketsJSONLines: String {
        var text = ""
        TicketGenerator(seed: seed).writeJSONLines(count: ticketCount) { text += $0 + "\n" }
        return text
    }

    /// The demo articles, keyed by their path in a workspace (`kb/articles/portal/….md`).
    public static var articles: [String: String] { DemoArticles.files }

    /// The demo customers' contracts: plan and time zone of each company the demo tickets name.
    public static var customers: [String: CustomerTerms] {
        var customers: [String: CustomerTerms] = [:]
        for customer in TicketGenerator.customers {
            customers[customer.name] = CustomerTerms(plan: customer.plan, timezone: customer.zone.identifier)
        }
        return customers
    }

    /// The demo workspace's policy: the defaults plus `customers`.
    public static var policy: Policy {
        var policy = Policy.default
        policy.customers.merge(customers) { _, demo in demo }
        return policy
    }

    /// Gives `workspace` whatever demo data it lacks and says what was done; never replaces a file a user may have
    /// edited.
    ///
    /// The tickets file and each article are written when absent. The policy is written when the workspace has none
    /// or has exactly the defaults `kb init` writes; a policy of the team's own that lacks demo customers (or gives
    /// them other terms) is left alone and reported, since the figures then differ.
    public static func install(into workspace: Workspace) throws -> DemoInstallReport {
        let fileManager = FileManager.default
        let tickets = workspace.root.appendingPathComponent(ticketsPath)
        let ticketsGenerated = !fileManager.fileExists(atPath: tickets.path)
        if ticketsGenerated { try write(ticketsJSONLines, to: tickets) }

        var written: [String] = []
        for path in articles.keys.sorted() where !fileManager.fileExists(atPath: workspace.root.appendingPathComponent(path).path) {
            try write(articles[path]!, to: workspace.root.appendingPathComponent(path))
            written.append(path)
        }

        let policyStatus: DemoInstallReport.PolicyStatus
        let existing = fileManager.contents(atPath: workspace.policyFile.path).map { String(decoding: $0, as: UTF8.self) }
        if existing == nil || existing == Policy.defaultJSON {
            try write(policy.jsonText, to: workspace.policyFile)
            policyStatus = .written
        } else {
            let loaded = try workspace.loadPolicy()
            let differing = customers.keys.filter { loaded.customers[$0] != customers[$0] }.sorted()
            policyStatus = differing.isEmpty ? .hasDemoCustomers : .lacksDemoCustomers(differing)
        }
        return DemoInstallReport(ticketsGenerated: ticketsGenerated, articlesWritten: written,
                                 articleCount: articles.count, policy: policyStatus)
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// What `DemoData.install(into:)` gave a workspace.
public struct DemoInstallReport: Sendable, Equatable {
    /// The state of the workspace's policy with regard to the demo customers.
    public enum PolicyStatus: Sendable, Equatable {
        /// The policy was absent or `kb init`'s defaults: the demo policy was written.
        case written
        /// The policy already gives every demo customer its plan and time zone.
        case hasDemoCustomers
        /// The team's own policy, left alone, lacks these demo customers or gives them other terms.
        case lacksDemoCustomers([String])
    }

    /// True when `kb/demo/tickets.jsonl` was missing and was generated.
    public let ticketsGenerated: Bool
    /// The demo articles written, by path; the others were present.
    public let articlesWritten: [String]
    /// How many demo articles there are.
    public let articleCount: Int
    public let policy: PolicyStatus
}
