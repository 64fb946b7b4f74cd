import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Options are declared once as typed properties: values are decoded and checked before a command runs (a bad one
/// exits 64 with the usage line, touching no workspace), and help is rendered from the same declarations.
@Suite struct TypedOptionsTests {
    /// Command lines with one bad value or combination each, and what the error says.
    @Test(arguments: [
        (["search", "--limit", "0", "x"], "error: --limit needs a whole number from 1 to 1000, not '0'"),
        (["search", "--limit", "ten", "x"], "error: --limit needs a whole number from 1 to 1000, not 'ten'"),
        (["search", "--severity", "6", "x"], "error: --severity needs a whole number from 1 to 5, not '6'"),
        (["search", "--since", "ayer", "x"], "error: --since needs a date such as 2026-03-01"),
        (["search", "--since", "2026-03-02", "--until", "2026-03-01", "x"], "error: --since 2026-03-02 must be before --until 2026-03-01"),
        (["search", "--mode", "fuzzy", "x"], "error: 'fuzzy' is not a valid value for --mode; choose one of: any, all, phrase, prefix"),
        (["search"], "error: missing expected argument '<query>'"),
        (["search", "--queries", "q.tsv", "x"], "error: give either QUERY or --queries FILE, not both"),
        (["show", "--now", "mañana", "T-1"], "error: --now needs a date such as 2026-03-01"),
        (["show"], "error: missing expected argument '<id>'"),
        (["gaps", "--limit", "0"], "error: --limit needs a whole number from 1 to 10000, not '0'"),
        (["automations", "--min-occurrences", "1"], "error: --min-occurrences needs a whole number from 2 to 1000000, not '1'"),
        (["automations", "--json", "--format", "md"], "error: --json conflicts with --format md"),
        (["review", "T-1", "--json", "--format", "html"], "error: --json conflicts with --format html"),
        (["review", "--until", "2026-03-01", "T-1"], "error: --until needs --since"),
        (["review", "T-1", "--out", ""], "error: --out needs a path, not an empty string"),
        (["training", "--out", "-", "--faq-limit", "-1"], "error: --faq-limit needs a whole number from 0 to 1000, not '-1'"),
        (["training"], "error: missing '--out <PATH>' (use '--out -' for standard output)"),
        (["generate"], "error: missing expected option '--tickets <N>'"),
        (["generate", "--tickets", "1", "--seed", "-1"], "error: --seed needs a whole number from 0 to 18446744073709551615, not '-1'"),
        (["render", "t.mustache"], "error: missing expected option '--data <FILE>'"),
        (["article", "draft", "T-1", "--lang", "fr"], "error: 'fr' is not a valid value for --lang; choose one of: es, en"),
        (["suggest", "--file", "t.json", "texto"], "error: give either TEXT or --file FILE, not both"),
    ])
    func badValuesExit64WithTheUsageLine(arguments: [String], error: String) throws {
        // No workspace at all: a usage error is found before kb looks for one.
        let directory = try TemporaryDirectory()
        let result = runKB(arguments, in: directory.url)
        #expect(result.code == 64, "\(arguments): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(error) == true, "\(arguments): \(result.stderr)")
        let path = arguments.first == "article" ? "kb article \(arguments[1])" : "kb \(arguments[0])"
        #expect(lines.count == 4 && lines[1].hasPrefix("Usage: \(path) ") && lines[2] == "  See '\(path) --help'.",
                "\(arguments): \(result.stderr)")
    }

    /// A default is written once, in the declaration: help shows it and the command uses it.
    @Test func defaultsComeFromTheDeclaration() throws {
        let help = runKB(["search", "--help"], in: try TemporaryDirectory().url).stdout
        #expect(help.contains("--limit <N>             At most N results. (values: 1 to 1000) (default: \(SearchFilters().limit))"))
        #expect(help.contains("--mode <MODE>           How words combine (default: any; all under --sort recent). (values: any, all, phrase, prefix)"))
        #expect(help.contains("--sort <SORT>           relevance: best match first; recent: newest first. (values: relevance, recent) (default: relevance)"))
        #expect(help.contains("--include-archived"))
        let generate = runKB(["generate", "--help"], in: try TemporaryDirectory().url).stdout
        #expect(generate.contains("USAGE: kb generate --tickets <N> [--seed <S>]"))
        #expect(generate.contains("(default: 42)"))
        // Left out, --seed is the declared 42: the same tickets as with --seed 42.
        let directory = try TemporaryDirectory()
        #expect(runKB(["generate", "--tickets", "3"], in: directory.url).stdout
                == runKB(["generate", "--tickets", "3", "--seed", "42"], in: directory.url).stdout)
    }

    /// Declarations name options after their properties and keep their order; groups add theirs in place.
    @Test func declarationsFollowTheProperties() {
        let names = SearchCommand.spec.options.map(\.primaryName)
        #expect(names == ["--mode", "--sort", "--type", "--service", "--severity", "--customer", "--status", "--since", "--until",
                          "--limit", "--include-archived", "--queries", "--json"])
        #expect(SearchCommand.spec.arguments.map(\.name) == ["query"])
        #expect(ReviewCommand.spec.options.map(\.primaryName).prefix(3) == ["--format", "--json", "--lang"])
        #expect(GenerateCommand.spec.options.first?.isRequired == true)
    }

    /// No command declares an option twice, directly, through a group or over a common one.
    @Test func noCommandDeclaresAnOptionTwice() {
        for command in KB.subcommands + ArticleCommand.children {
            let names = (command.spec.options + CommandSpec.commonOptions).flatMap(\.names)
            #expect(Set(names).count == names.count, "\(command.spec.name): \(names)")
        }
    }
}
