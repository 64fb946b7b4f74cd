import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Each command does what its help and the README say, on the demo workspace (issue 25's cases and their kind).
@Suite struct CommandContractTests {
    func run(_ arguments: [String], in directory: TemporaryDirectory) -> CLIResult {
        runKB(arguments, in: directory.url, environment: DemoWorkspace.environment)
    }

    // MARK: - Filters

    @Test(arguments: [
        (["search", "--status", "cerrado", "login"], "--status 'cerrado'", ["closed", "in_progress", "validated", "wip"]),
        (["search", "--service", "telefonia", "llamadas"], "--service 'telefonia'", ["llamadas", "portal"]),
        (["search", "--customer", "Banco Sur", "portal"], "--customer 'Banco Sur'", ["Banco Cafetero", "Transportes Andinos"]),
        (["training", "--service", "telefonia", "--out", "guia.md"], "--service 'telefonia'", ["llamadas"]),
        (["training", "--tag", "nada", "--out", "guia.md"], "--tag 'nada'", ["login", "sip"]),
    ])
    func unknownFilterValuesAreUsageErrorsListingTheKnownOnes(arguments: [String], named: String, listed: [String]) throws {
        let directory = try DemoWorkspace.copy()
        let result = run(arguments, in: directory)
        #expect(result.code == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: no \(named) (compared ignoring case and accents); known values: "))
        #expect(result.stderr.contains("\nUsage: kb \(arguments[0]) "))
        for value in listed { #expect(result.stderr.contains(value), "\(value) not listed") }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("guia.md").path))
    }

    @Test(arguments: [
        (["--customer", "banco cafetero"], ["--customer", "Banco Cafetero"]),
        (["--customer", "BANCO CAFETERÓ"], ["--customer", "Banco Cafetero"]),
        (["--service", "Llamadas"], ["--service", "llamadas"]),
        (["--service", "MENSAJERÍA"], ["--service", "mensajeria"]),
        (["--status", "CLOSED"], ["--status", "closed"]),
    ])
    func existingValuesMatchRegardlessOfCaseAndAccents(typed: [String], stored: [String]) throws {
        let directory = try DemoWorkspace.copy()
        let asTyped = run(["search", "--json"] + typed + ["llamadas", "portal", "login"], in: directory)
        let asStored = run(["search", "--json"] + stored + ["llamadas", "portal", "login"], in: directory)
        #expect(asTyped.code == 0 && asStored.code == 0, "\(asTyped.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(asStored.stdout.utf8)) as? [String: Any])["results"]
        #expect((results as? [Any])?.isEmpty == false)
        #expect(asTyped.stdout == asStored.stdout)
    }

    @Test func trainingFiltersMatchIgnoringCase() throws {
        let directory = try DemoWorkspace.copy()
        let typed = run(["training", "--service", "PORTAL", "--tag", "Login", "--out", "a.md"], in: directory)
        let stored = run(["training", "--service", "portal", "--tag", "login", "--out", "b.md"], in: directory)
        #expect(typed.code == 0 && stored.code == 0, "\(typed.stderr)")
        #expect(typed.stdout.hasPrefix("wrote a.md: ") && !typed.stdout.hasPrefix("wrote a.md: 0 article"))
        #expect(typed.stdout.dropFirst("wrote a.md".count) == stored.stdout.dropFirst("wrote b.md".count))
    }

    // MARK: - show

    @Test func showPrintsWhatExistsAndReportsWhatDoesNot() throws {
        let directory = try DemoWorkspace.copy()
        let text = run(["show", "T-0000001", "T-9999", "KB-0001", "KB-9999"], in: directory)
        #expect(text.code == 1)
        #expect(text.stdout.hasPrefix("T-0000001  ") && text.stdout.contains("KB-0001  "))
        #expect(text.stderr == "error: no ticket or article 'T-9999'\nerror: no ticket or article 'KB-9999'\n")
        let json = run(["show", "T-0000001", "T-9999", "--json"], in: directory)
        #expect(json.code == 1)
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(shown.map { $0["id"] as? String } == ["T-0000001"])
        #expect(json.stderr == "error: no ticket or article 'T-9999'\n")
        let none = run(["show", "T-9999"], in: directory)
        #expect(none.code == 1 && none.stdout.isEmpty)
    }

    /// A recorded link is one of the ticket's articles wherever they are read: show, its review, gaps.
    @Test func aRecordedLinkIsReflectedInShowReviewAndGaps() throws {
        let directory = try DemoWorkspace.copy()
        func articles(_ json: String, at path: [String]) throws -> [String] {
            var value: Any? = try JSONSerialization.jsonObject(with: Data(json.utf8))
            if let array = value as? [Any] { value = array.first }
            for key in path { value = (value as? [String: Any])?[key] }
            return value as? [String] ?? []
        }
        func gaps() throws -> (linked: Int, reuse: Int) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run(["gaps", "--json"], in: directory).stdout.utf8))
                                        as? [String: Any])
            let linked = (json["link_rate"] as? [String: Any])?["linked"] as? Int ?? -1
            let reuse = (json["reuse"] as? [[String: Any]])?.first { $0["id"] as? String == "KB-0001" }?["tickets"] as? Int ?? 0
            return (linked, reuse)
        }
        #expect(try articles(run(["show", "T-0000593", "--json"], in: directory).stdout, at: ["articles"]) == [])
        let before = try gaps()
        let link = run(["article", "link", "T-0000593", "KB-0001"], in: directory)
        #expect(link.code == 0 && link.stdout.hasPrefix("linked T-0000593 to KB-0001"))
        #expect(try articles(run(["show", "T-0000593", "--json"], in: directory).stdout, at: ["articles"]) == ["KB-0001"])
        #expect(try articles(run(["review", "T-0000593", "--json"], in: directory).stdout, at: ["ticket", "articles"]) == ["KB-0001"])
        let after = try gaps()
        #expect(after.linked == before.linked + 1 && after.reuse == before.reuse + 1)
    }

    // MARK: - search

    @Test func aBatchWithABadLineExitsOneWithOrWithoutJSON() throws {
        let directory = try DemoWorkspace.copy()
        try directory.write("q.tsv", "q1\tlogin portal\nsin tabulador\nq2\t¡de la!\nq3\tsms cuota\n")
        let plain = run(["search", "--queries", "q.tsv"], in: directory)
        let json = run(["search", "--queries", "q.tsv", "--json"], in: directory)
        #expect(plain.code == 1 && json.code == 1)
        #expect(plain.stdout == json.stdout && plain.stderr == json.stderr)
        #expect(plain.stdout.split(separator: "\n").count == 2)
        #expect(plain.stderr.hasPrefix("q.tsv:2: error: expected qid<TAB>query\nq.tsv:3: error: nothing searchable in '¡de la!'"))
    }

    @Test(arguments: [["a"], ["!!"], ["de", "la"], ["y", "o", "el"], ["¿", "?"]])
    func aQueryWithNothingSearchableIsAUsageError(words: [String]) throws {
        let directory = try DemoWorkspace.copy()
        for json in [false, true] {
            let result = run(["search"] + (json ? ["--json"] : []) + ["--"] + words, in: directory)
            #expect(result.code == 64 && result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("error: nothing searchable in '\(words.joined(separator: " "))'"))
        }
        #expect(run(["search", ""], in: directory).code == 64, "an empty query is a usage error too")
    }

    // MARK: - files named on the command line

    @Test(arguments: [
        (["search", "--queries", "kb"], "kb: error: cannot read the file: it is a folder, not a file\n", 1),
        (["search", "--queries", ""], "error: an empty string is not a path; name a file\n", 64),
        (["search", "--queries", "empty.tsv"], "empty.tsv: error: cannot read the file: the file is empty\n", 1),
        (["search", "--queries", "missing.tsv"], "missing.tsv: error: cannot read the file: no such file\n", 1),
        (["suggest", "--file", "kb"], "kb: error: cannot read the file: it is a folder, not a file\n", 1),
        (["suggest", "--file", "empty.tsv"], "empty.tsv: error: cannot read the file: the file is empty\n", 1),
        (["article", "lint", "/dev/zero"], "/dev/zero:1: error: cannot read file: it is not a regular file (a device or a socket); name a file\n", 1),
        (["render", "templates/review.md.mustache", "--data", "kb"], "kb: error: cannot read the file: it is a folder, not a file\n", 1),
        (["render", "templates", "--data", "empty.tsv"], "templates: error: cannot read the file: it is a folder, not a file\n", 1),
        (["render", "templates/review.md.mustache", "--data", "/dev/zero"],
         "/dev/zero: error: cannot read the file: it is not a regular file (a device or a socket); name a file\n", 1),
        (["render", "templates/review.md.mustache", "--data", "d.json", "--partials", "d.json"],
         "d.json: error: cannot read the file: it is a file; --partials takes a folder of NAME.mustache files\n", 1),
    ])
    func aFileThatCannotBeReadIsNamedWithItsProblem(arguments: [String], message: String, code: Int32) throws {
        let directory = try DemoWorkspace.copy()
        try directory.write("empty.tsv", "")
        try directory.write("d.json", "{}")
        let result = run(arguments, in: directory)
        #expect(result.code == code)
        if code == 64 {
            #expect(result.stderr.hasPrefix(message))
        } else {
            #expect(result.stderr.hasSuffix(message), "\(result.stderr)")
        }
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("byte 1"))
    }

    @Test func aPolicyErrorNamesTheFileAndTheJSONPath() throws {
        let directory = try DemoWorkspace.copy()
        let url = directory.url.appendingPathComponent("kb/policy.json")
        let policy = try String(contentsOf: url, encoding: .utf8)
        try Data(policy.replacingOccurrences(of: "\"first_response\": \"15m\"", with: "\"first_response\": \"quince\"").utf8).write(to: url)
        let result = run(["search", "portal"], in: directory)
        #expect(result.code == 1)
        // The file is named, with its line where the policy reader knows it (kb/policy.json:230:…).
        #expect(result.stderr.contains("kb/policy.json"), "\(result.stderr)")
        #expect(result.stderr.contains("error: $.targets.1.first_response: expected a duration"), "\(result.stderr)")
    }

    // MARK: - templates

    @Test func renderNeedsDataAndSaysSoInItsUsage() throws {
        let directory = try DemoWorkspace.copy()
        let result = run(["render", "templates/review.md.mustache"], in: directory)
        #expect(result.code == 64)
        #expect(result.stderr.contains("Usage: kb render --data <FILE> [--partials <DIR>] [--lang <LANG>] <template>"))
        #expect(run(["render", "--help"], in: directory).stdout.contains("--template-data"))
    }

    /// Each document's `--template-data`, rendered with its template, is the document, byte for byte.
    @Test(arguments: [
        (["review", "T-0000593"], "review.md"),
        (["review", "T-0000593", "--format", "html"], "review.html"),
        (["review", "T-0000593", "--audience", "customer", "--lang", "en"], "review.md"),
        (["training", "--out", "-"], "training.md"),
        (["training", "--format", "html", "--out", "-"], "training.html"),
        (["automations"], "automations.md"),
        (["article", "draft", "T-0000593"], "article.md"),
        (["review", "--since", "2026-08-01", "--until", "2026-11-01", "--format", "html", "--out", "period"], "review-summary.html"),
        (["review", "--since", "2026-08-01", "--until", "2026-11-01", "--out", "period"], "review-index.md"),
    ])
    func templateDataRendersBackToTheDocument(command: [String], template: String) throws {
        let directory = try DemoWorkspace.copy()
        let language = command.contains("en") ? "en" : "es"
        var dataCommand = command
        if let out = dataCommand.firstIndex(of: "--out") { dataCommand.removeSubrange(out...(out + 1)) }
        let data = run(dataCommand + ["--template-data"], in: directory)
        #expect(data.code == 0, "\(data.stderr)")
        try directory.write("data.json", data.stdout)
        let rendered = run(["render", "templates/\(template).mustache", "--data", "data.json", "--lang", language], in: directory)
        #expect(rendered.code == 0, "\(rendered.stderr)")
        let document = run(command, in: directory)
        #expect(document.code == 0, "\(document.stderr)")
        let expected: String
        if command.first == "article" {
            let path = try #require(document.stdout.split(separator: " ").dropFirst().first)
            expected = try String(contentsOf: directory.url.appendingPathComponent(String(path)), encoding: .utf8)
        } else if command.contains("period") {
            let file = template.hasPrefix("review-summary") ? "summary" : "index"
            let format = template.hasSuffix(".html") ? "html" : "md"
            expected = try String(contentsOf: directory.url.appendingPathComponent("period/\(file).\(format)"), encoding: .utf8)
        } else {
            expected = document.stdout
        }
        #expect(rendered.stdout == expected)
    }

    @Test(arguments: [
        (["review", "T-0000593", "--template-data", "--json"], "--format json"),
        (["review", "T-0000593", "--template-data", "--out", "x.md"], "--out"),
        (["training", "--template-data", "--out", "x.md"], "--out"),
        (["automations", "--template-data", "--format", "json"], "--format json"),
        (["article", "draft", "T-0000593", "--template-data", "--json"], "--json"),
    ])
    func templateDataRefusesOptionsItHasNoUseFor(arguments: [String], option: String) throws {
        let directory = try DemoWorkspace.copy()
        let result = run(arguments, in: directory)
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix("error: --template-data prints the template's data on standard output; leave out \(option)"))
    }

    // MARK: - demo

    @Test func demoInAWorkspaceWithItsOwnPolicyWarnsThatFiguresDiffer() throws {
        let directory = try TemporaryDirectory()
        #expect(runKB(["init", "."], in: directory.url).code == 0)
        try directory.write("kb/policy.json", "{\"default_timezone\": \"America/Bogota\"}\n")
        let result = runKB(["demo"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kb/policy.json  your own, left alone: it lacks the plans and time zones of 40 demo customers"))
        #expect(result.stderr.hasPrefix("warning: kb/policy.json lacks the demo customers' plans and time zones"))
        #expect(!result.stdout.contains("(exit "), "\(result.stdout)")
        #expect(try String(contentsOf: directory.url.appendingPathComponent("kb/policy.json"), encoding: .utf8)
                == "{\"default_timezone\": \"America/Bogota\"}\n")
    }
}
