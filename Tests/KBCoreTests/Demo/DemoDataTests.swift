import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct DemoDataTests {
    static let root = SharedTestData.packageRoot

    /// The compiled-in articles are exactly `kb/articles/` (run scripts/embed-demo after editing one).
    @Test func compiledArticlesAreTheShippedOnes() throws {
        let shipped = try ArticleScanner.scan(root: Self.root)
        #expect(shipped.map(\.path) == DemoData.articles.keys.sorted(), "run scripts/embed-demo")
        for file in shipped {
            #expect(DemoData.articles[file.path] == file.text, "\(file.path) differs from its compiled copy; run scripts/embed-demo")
        }
    }

    @Test func ticketsAndPolicyAreTheShippedFiles() throws {
        let tickets = try String(contentsOf: Self.root.appendingPathComponent(DemoData.ticketsPath), encoding: .utf8)
        #expect(tickets == DemoData.ticketsJSONLines, "kb/demo/tickets.jsonl is 'kb generate --tickets 600 --seed 42'")
        #expect(try Workspace(root: Self.root).loadPolicy() == DemoData.policy)
    }

    @Test func aFreshWorkspaceGetsEverythingAndKeepsItsOwnFiles() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Workspace.initialize(at: directory.url)
        try directory.write("kb/articles/portal/login-del-portal-no-carga-por-certificado-tls-vencido.md", "mine\n")
        let report = try DemoData.install(into: workspace)
        #expect(report.ticketsGenerated && report.policy == .written)
        #expect(report.articlesWritten.count == DemoData.articles.count - 1)
        #expect(try String(contentsOf: directory.url.appendingPathComponent(
            "kb/articles/portal/login-del-portal-no-carga-por-certificado-tls-vencido.md"), encoding: .utf8) == "mine\n")
        #expect(try workspace.loadPolicy() == DemoData.policy)
        let again = try DemoData.install(into: workspace)
        #expect(!again.ticketsGenerated && again.articlesWritten.isEmpty && again.policy == .hasDemoCustomers)
    }

    @Test func aPolicyOfTheTeamsOwnIsLeftAloneAndReported() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Workspace.initialize(at: directory.url)
        let own = "{\"customers\": {\"Banco Cafetero\": {\"plan\": \"12x5\", \"timezone\": \"America/Bogota\"}}}\n"
        try directory.write("kb/policy.json", own)
        let report = try DemoData.install(into: workspace)
        guard case .lacksDemoCustomers(let names) = report.policy else {
            Issue.record("expected the missing customers, got \(report.policy)")
            return
        }
        #expect(names.count == DemoData.customers.count && names.contains("Banco Cafetero"))
        #expect(try String(contentsOf: workspace.policyFile, encoding: .utf8) == own)
    }
}
