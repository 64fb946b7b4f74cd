import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// The CLI and the API answer the same request with the same JSON: both call the same `KnowledgeBase` entry points.
@Suite("CLI and API agree", .serialized)
struct APIParityTests {
    static let services = ["portal", "llamadas", "webchat", "mensajeria", "reportes", "correo"]
    static let modes = ["any", "all", "phrase", "prefix"]

    /// A query of 1–4 words drawn from the demo's ticket titles, and 0–2 filters, as CLI arguments and as a query string.
    static func randomSearch(_ random: inout SeededGenerator, words: [String]) -> (arguments: [String], query: String) {
        let count = Int(random.next() % 4) + 1
        let picked = (0..<count).map { _ in random.pick(words) }
        var arguments = ["search"] + picked + ["--json"]
        var query = "q=" + picked.joined(separator: " ").queryEncoded
        func add(_ name: String, _ value: String) {
            arguments += ["--" + name.replacingOccurrences(of: "_", with: "-"), value]
            query += "&\(name)=\(value.queryEncoded)"
        }
        if random.chance(0.3) { add("mode", random.pick(modes)) }
        if random.chance(0.25) { add("type", random.pick(["ticket", "article"])) }
        if random.chance(0.2) { add("service", random.pick(services)) }
        if random.chance(0.2) { add("severity", String(Int(random.next() % 5) + 1)) }
        if random.chance(0.15) { add("since", random.pick(["2025-06-01", "2026-01-01", "2026-09-15"])) }
        if random.chance(0.15) { add("status", random.pick(["closed", "resolved", "validated", "in_progress"])) }
        if random.chance(0.2) { add("limit", String(Int(random.next() % 30) + 1)) }
        return (arguments, query)
    }

    @Test func searchesAndSuggestsAnswerAlike() throws {
        let demo = try DemoServerFixture()
        let tickets = try demo.demoTickets()
        var vocabulary: Set<String> = []
        for ticket in tickets {
            for word in (ticket["title"]?.stringValue ?? "").split(separator: " ") where word.count > 3 {
                if word.unicodeScalars.allSatisfy({ CharacterSet.letters.contains($0) }) { vocabulary.insert(String(word)) }
            }
        }
        let words = vocabulary.sorted()
        #expect(words.count > 100)
        var random = SeededGenerator(seed: 22)
        var nonEmpty = 0
        for _ in 0..<100 {
            let (arguments, query) = Self.randomSearch(&random, words: words)
            let cli = demo.cli(arguments)
            let api = try demo.client.request("GET", "/api/search?" + query)
            guard cli.code == 0 else {
                // A filter value nothing has, or nothing to search for: a usage error, and a 422 naming the field.
                #expect(cli.code == 64, "\(arguments): \(cli.stderr)")
                #expect(api.status == 422, "\(query): \(api.text)")
                continue
            }
            #expect(api.status == 200, "\(query): \(api.text)")
            let expected = try JSONParser().parse(cli.stdout)
            #expect(try JSONParser().parse(api.text) == expected, "\(arguments)")
            if expected["results"]?.arrayValue?.isEmpty == false { nonEmpty += 1 }
        }
        #expect(nonEmpty > 50, "most random searches find something")

        for _ in 0..<20 {
            let ticket = random.pick(tickets)
            let title = try #require(ticket["title"]?.stringValue).trimmingCharacters(in: .whitespacesAndNewlines)
            let description = (ticket["description"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var arguments = ["suggest", title + (description.isEmpty ? "" : "\n" + description), "--json", "--now", DemoServerFixture.now]
            var body: [(String, String)] = [("title", title), ("description", description), ("received_at", DemoServerFixture.now)]
            if random.chance(0.7), let customer = ticket["customer"]?.stringValue {
                arguments += ["--customer", customer]
                body.append(("customer", customer))
            }
            if random.chance(0.4), let service = ticket["service"]?.stringValue {
                arguments += ["--service", service]
                body.append(("service", service))
            }
            let cli = demo.cli(arguments)
            #expect(cli.code == 0, "\(arguments): \(cli.stderr)")
            var writer = JSONWriter()
            writer.beginObject()
            for (name, value) in body { writer.member(name, value) }
            writer.endObject()
            // The API speaks the workspace's language (Spanish) unless asked for English; the CLI English unless --lang es.
            let english = try demo.client.request("POST", random.chance(0.5) ? "/api/suggest?lang=en" : "/api/suggest",
                                                  headers: [("Content-Type", "application/json"), ("Accept-Language", "en-US,en;q=0.9")],
                                                  body: writer.bytes)
            #expect(english.status == 200, "\(title): \(english.text)")
            #expect(try JSONParser().parse(english.text) == JSONParser().parse(cli.stdout), "\(title)")
            let spanishCLI = demo.cli(arguments + ["--lang", "es"])
            #expect(spanishCLI.code == 0, "\(arguments): \(spanishCLI.stderr)")
            let spanish = try demo.client.request("POST", "/api/suggest", headers: [("Content-Type", "application/json")], body: writer.bytes)
            #expect(spanish.status == 200, "\(title): \(spanish.text)")
            #expect(try JSONParser().parse(spanish.text) == JSONParser().parse(spanishCLI.stdout), "\(title)")
            // The same machine members in both languages, every text the agent reads in Spanish.
            #expect(try Self.withoutTexts(JSONParser().parse(spanish.text)) == Self.withoutTexts(JSONParser().parse(cli.stdout)))
            let texts = try Self.texts(JSONParser().parse(spanish.text))
            #expect(!texts.isEmpty && texts.allSatisfy { LanguageDetector.detect($0) != .english }, "\(title): \(texts)")
        }
    }

    /// The suggestion without its texts for the agent (`text`, `question`): its machine members.
    static func withoutTexts(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(members): .object(members.filter { $0.0 != "text" && $0.0 != "question" }.map { ($0.0, withoutTexts($0.1)) })
        case let .array(items): .array(items.map(withoutTexts))
        default: value
        }
    }

    /// The suggestion's texts for the agent.
    static func texts(_ value: JSONValue) -> [String] {
        switch value {
        case let .object(members): members.flatMap { name, member in
            (name == "text" || name == "question") ? [member.stringValue].compactMap { $0 } : texts(member)
        }
        case let .array(items): items.flatMap(texts)
        default: []
        }
    }

    /// `kb suggest --lang es` without `--json` prints the note the helpdesk webhook posts, in Spanish.
    @Test func theCLIPrintsTheWebhooksNoteInTheLanguageAskedFor() throws {
        let demo = try DemoServerFixture()
        let text = "No carga el login del portal\nPantalla en blanco para todos los agentes"
        let cli = demo.cli(["suggest", text, "--lang", "es", "--now", DemoServerFixture.now])
        #expect(cli.code == 0, "\(cli.stderr)")
        let knowledgeBase = KnowledgeBase(workspace: Workspace(root: demo.directory.url))
        let now = try #require(Timestamp(iso8601: DemoServerFixture.now))
        let request = try #require(IntakeRequest(text: text, receivedAt: now))
        let note = try knowledgeBase.suggestionNote(try knowledgeBase.suggest(request), language: .spanish)
        #expect(cli.stdout == note)
        #expect(LanguageDetector.detect([cli.stdout]) == .spanish)
    }

    @Test func slaBoardAndTicketAnswerAlike() throws {
        let demo = try DemoServerFixture()
        for (arguments, target) in [(["sla", "--json"], "/api/sla"),
                                    (["sla", "--json", "--all", "--severity", "1", "--severity", "2"], "/api/sla?all=true&severity=1&severity=2"),
                                    (["sla", "--json", "--customer", "Seguros Cordillera"], "/api/sla?customer=Seguros%20Cordillera"),
                                    (["show", "T-0000430", "--json"], "/api/tickets/T-0000430")] {
            let cli = demo.cli(arguments)
            #expect(cli.code == 0, "\(arguments): \(cli.stderr)")
            let api = try demo.client.request("GET", target)
            #expect(api.status == 200, "\(target): \(api.text)")
            var expected = try JSONParser().parse(cli.stdout)
            if arguments[0] == "show" { expected = try #require(expected.arrayValue?.first) }
            #expect(try JSONParser().parse(api.text) == expected, "\(target)")
        }
    }

    @Test(arguments: ["internal", "customer"])
    func reviewsAnswerAlike(audience: String) throws {
        let demo = try DemoServerFixture()
        for format in ["md", "html", "json"] {
            let cli = demo.cli(["review", "T-0000577", "--format", format, "--audience", audience, "--lang", "en", "--out", "-"])
            #expect(cli.code == 0, "\(format): \(cli.stderr)")
            let api = try demo.client.request("GET", "/api/reviews/T-0000577?format=\(format)&audience=\(audience)&lang=en")
            #expect(api.status == 200)
            if format == "json" {
                #expect(try JSONParser().parse(api.text) == JSONParser().parse(cli.stdout))
            } else {
                #expect(api.text == cli.stdout)
            }
        }
    }
}
