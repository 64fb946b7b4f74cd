import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct ReviewCommandTests {
    static let marker = "MARCA-INTERNA-4410"

    /// A workspace with an overnight closed incident, an open one, a severity 3 one and some history.
    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let closed = """
            "resolved_at":"2026-03-04T11:00:00-03:00","closed_at":"2026-03-04T11:30:00-03:00",\
            "resolution":"Certificado renovado","root_cause":"Certificado TLS vencido",\
            "events":[{"at":"2026-03-03T19:52:00-03:00","kind":"comment","author":"ana","text":"Revisando"},\
            {"at":"2026-03-03T20:00:00-03:00","kind":"comment","author":"ana","visibility":"internal","text":"\(Self.marker) no compartir"},\
            {"at":"2026-03-03T22:45:00-03:00","kind":"mitigated","author":"ana","text":"Portal accesible"},\
            {"at":"2026-03-04T11:00:00-03:00","kind":"resolved","author":"ana","text":"Listo"}]
            """
        var lines = [
            TicketFixtures.line(id: "T-1", severity: 1, extra: closed.replacingOccurrences(of: "\"created_at\"", with: "\"x\"")),
            TicketFixtures.line(id: "T-OPEN", severity: 1, status: "in_progress"),
            TicketFixtures.line(id: "T-MINOR", severity: 3, extra: closed),
        ]
        // The fixture line's own events come first; ours (the last "events" key) win when parsed.
        lines[0] = lines[0].replacingOccurrences(of: "\"created_at\":\"2026-03-02T09:14:00-03:00\"",
                                                 with: "\"created_at\":\"2026-03-03T19:40:00-03:00\"")
        lines[2] = lines[2].replacingOccurrences(of: "\"created_at\":\"2026-03-02T09:14:00-03:00\"",
                                                 with: "\"created_at\":\"2026-03-03T19:40:00-03:00\"")
        try directory.write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let result = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        return directory
    }

    @Test func writesAMarkdownReviewInSpanishByDefault() throws {
        let directory = try workspace()
        let result = runKB(["review", "T-1"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Revisión post-incidente T-1: No carga el login del portal\n"))
        #expect(result.stdout.contains("| Tiempo a resolución | 15 h 20 min | 3 h 20 min | 4 h 00 min | cumplido"))
        #expect(result.stdout.contains(Self.marker))
    }

    @Test func refusesOpenAndMinorTicketsUnlessForced() throws {
        let directory = try workspace()
        let open = runKB(["review", "T-OPEN"], in: directory.url)
        #expect(open.code == 1)
        #expect(open.stderr.contains("error: ticket T-OPEN is in_progress, not closed"))
        #expect(open.stderr.contains("--force"))
        #expect(open.stdout.isEmpty)
        let minor = runKB(["review", "T-MINOR"], in: directory.url)
        #expect(minor.code == 1)
        #expect(minor.stderr.contains("error: ticket T-MINOR has severity 3; reviews are written for severity 1-2 incidents"))
        let missing = runKB(["review", "T-NONE"], in: directory.url)
        #expect(missing.code == 1)
        #expect(missing.stderr.contains("error: no ticket 'T-NONE' in the store"))

        let forced = runKB(["review", "T-MINOR", "--force"], in: directory.url)
        #expect(forced.code == 0)
        #expect(forced.stdout.contains("Revisión forzada (--force): tiene severidad 3"))
        #expect(forced.stderr.contains("warning: T-MINOR: Revisión forzada"))
    }

    @Test func jsonHasTheTicketMetricsWarningsRelatedAndActions() throws {
        let directory = try workspace()
        let result = runKB(["review", "T-1", "--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["ticket", "metrics", "warnings", "related", "actions"] { #expect(json[key] != nil, "missing \(key)") }
        let ticket = try #require(json["ticket"] as? [String: Any])
        #expect(ticket["id"] as? String == "T-1")
        #expect((ticket["events"] as? [Any])?.count == 4)
        let metrics = try #require(json["metrics"] as? [String: Any])
        let first = try #require(metrics["time_to_first_response"] as? [String: Any])
        #expect(first["seconds"] as? Int == 720)
        #expect(first["business_seconds"] as? Int == 720)
        #expect(first["target_seconds"] as? Int == 900)
        #expect(first["met"] as? Bool == true)
        #expect(metrics["vendor_wait_seconds"] as? Int == 0)
        #expect(metrics["customer_wait_seconds"] as? Int == 0)
        #expect(runKB(["review", "T-1", "--format", "json"], in: directory.url).stdout == result.stdout)
        #expect(runKB(["review", "T-1", "--json", "--format", "md"], in: directory.url).code == 64)
    }

    @Test func customerAudienceNeverShowsInternalNotes() throws {
        let directory = try workspace()
        for format in ["md", "html", "json"] {
            let result = runKB(["review", "T-1", "--audience", "customer", "--format", format], in: directory.url)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(!result.stdout.contains(Self.marker), "\(format) shows the internal note")
            #expect(result.stdout.range(of: "\\bana\\b", options: .regularExpression) == nil, "\(format) names the agent")
            #expect(result.stdout.contains("Acme"))
        }
        let english = runKB(["review", "T-1", "--audience", "customer", "--lang", "en"], in: directory.url)
        #expect(english.stdout.hasPrefix("# Post-incident review T-1"))
        #expect(english.stdout.contains("## Next steps"))
    }

    @Test func writesHTMLToAFileAndRefusesToOverwrite() throws {
        let directory = try workspace()
        let first = runKB(["review", "T-1", "--format", "html", "--out", "out/T-1.html"], in: directory.url)
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote out/T-1.html\n")
        let html = try String(contentsOf: directory.url.appendingPathComponent("out/T-1.html"), encoding: .utf8)
        _ = try XMLDocument(xmlString: html, options: [])
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        let again = runKB(["review", "T-1", "--format", "html", "--out", "out/T-1.html"], in: directory.url)
        #expect(again.code == 1)
        #expect(again.stderr.contains("out/T-1.html already exists; nothing was written"))
        #expect(runKB(["review", "T-1", "--format", "html", "--out", "out/T-1.html", "--force"], in: directory.url).code == 0)
    }

    @Test func periodBatchWritesReviewsSummaryAndIndex() throws {
        let directory = try workspace()
        let result = runKB(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", "reviews", "--format", "html"],
                           in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote 1 review, summary.html and index.html to reviews (0 timeline warnings)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("reviews").path).sorted()
        #expect(files == ["T-1.html", "index.html", "summary.html"])
        let index = try String(contentsOf: directory.url.appendingPathComponent("reviews/index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"T-1.html\">T-1</a>"))

        let refused = runKB(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", "reviews", "--format", "html"],
                            in: directory.url)
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("reviews/T-1.html, reviews/summary.html, reviews/index.html already exist"))
        let forced = runKB(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", "reviews", "--format", "html",
                            "--force"], in: directory.url)
        #expect(forced.code == 0)

        let markdown = runKB(["review", "--since", "2026-03-01", "--out", "md"], in: directory.url)
        #expect(markdown.code == 0)
        let summary = try String(contentsOf: directory.url.appendingPathComponent("md/summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("# Resumen de incidentes del 2026-03-01 al 2026-11-01"))
    }

    @Test(arguments: [
        ["review"], ["review", "T-1", "--since", "2026-03-01", "--out", "x"], ["review", "--since", "2026-03-01"],
        ["review", "--since", "2026-03-01", "--out", "x", "--format", "json"],
        ["review", "--since", "2026-03-01", "--out", "x", "--audience", "customer"], ["review", "T-1", "--until", "2026-03-01"],
        ["review", "--since", "marzo", "--out", "x"], ["review", "T-1", "--format", "pdf"],
    ])
    func badUsage(arguments: [String]) throws {
        let directory = try workspace()
        let result = runKB(arguments, in: directory.url)
        #expect(result.code == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func emptyPeriodIsAnError() throws {
        let directory = try workspace()
        let result = runKB(["review", "--since", "2026-04-01", "--until", "2026-03-01", "--out", "x"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.contains("--until must be after --since"))
    }

    @Test func helpDescribesTheCommand() throws {
        let directory = try workspace()
        let result = runKB(["review", "--help"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stdout.contains("--audience"))
        #expect(result.stdout.contains("kb review --since 2026-08-01"))
    }
}
