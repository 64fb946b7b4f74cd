import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Options `kb` takes before the subcommand, as its help lists them: `kb --root DIR search x`.
@Suite struct GlobalOptionsTests {
    /// A workspace with one ticket, and an empty folder to run kb from (so only `--root` finds the workspace).
    static func fixture() throws -> (workspace: TemporaryDirectory, elsewhere: TemporaryDirectory) {
        let workspace = try TemporaryDirectory()
        try workspace.makeWorkspace()
        try workspace.write("t.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        #expect(runKB(["import", "t.jsonl"], in: workspace.url).code == 0)
        return (workspace, try TemporaryDirectory())
    }

    @Test(arguments: [["--root", "WS"], ["--root=WS"]])
    func rootBeforeTheSubcommand(global: [String]) throws {
        let (workspace, elsewhere) = try Self.fixture()
        let arguments = global.map { $0.replacingOccurrences(of: "WS", with: workspace.path) }
        let before = runKB(arguments + ["search", "--json", "portal"], in: elsewhere.url)
        let after = runKB(["search", "--json", "portal", "--root", workspace.path], in: elsewhere.url)
        #expect(before.code == 0, "\(before.stderr)")
        #expect(before.stdout.contains("\"id\":\"T-1\""))
        #expect(before.stdout == after.stdout)
        let nested = runKB(arguments + ["article", "lint"], in: elsewhere.url)
        #expect(nested.code == 0 && nested.stderr == "linted 0 articles: 0 errors, 0 warnings\n", "\(nested.stderr)")
    }

    @Test func helpAndVersionAfterGlobalOptions() throws {
        let (workspace, elsewhere) = try Self.fixture()
        let rootHelp = runKB(["--root", workspace.path, "--help"], in: elsewhere.url)
        #expect(rootHelp.code == 0 && rootHelp.stdout.contains("USAGE: kb [--root <DIR>] <subcommand>"))
        #expect(runKB(["--root", workspace.path], in: elsewhere.url).stdout == rootHelp.stdout)
        let subcommandHelp = runKB(["--root", workspace.path, "help", "search"], in: elsewhere.url)
        #expect(subcommandHelp.code == 0 && subcommandHelp.stdout == runKB(["search", "--help"], in: elsewhere.url).stdout)
        #expect(runKB(["--root", workspace.path, "--version"], in: elsewhere.url).stdout == "kb \(KB.version)\n")
    }

    /// A bad global option is a usage error naming kb's own usage line; `--root` given twice is one too.
    @Test(arguments: [
        (["--root"], "error: missing value for '--root <DIR>'\nUsage: kb [--root <DIR>] <subcommand>\n  See 'kb --help'.\n"),
        (["--bogus", "search", "x"], "error: unknown option '--bogus'\nUsage: kb [--root <DIR>] <subcommand>\n  See 'kb --help'.\n"),
        (["--root=a", "--root=b", "search", "x"], "error: --root given more than once\nUsage: kb [--root <DIR>] <subcommand>\n  See 'kb --help'.\n"),
        (["--version=1"], "error: --version takes no value\nUsage: kb [--root <DIR>] <subcommand>\n  See 'kb --help'.\n"),
    ])
    func badGlobalOptionsExit64(arguments: [String], stderr: String) throws {
        let directory = try TemporaryDirectory()
        let result = runKB(arguments, in: directory.url)
        #expect(result.code == 64)
        #expect(result.stderr == stderr)
    }

    @Test func rootBeforeAndAfterTheSubcommandIsAUsageError() throws {
        let (workspace, elsewhere) = try Self.fixture()
        let result = runKB(["--root", workspace.path, "search", "--root", workspace.path, "portal"], in: elsewhere.url)
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix("error: --root given more than once\nUsage: kb search "))
    }

    @Test func unknownRootIsAClearFailure() throws {
        let directory = try TemporaryDirectory()
        let result = runKB(["--root", directory.url.appendingPathComponent("nada").path, "search", "x"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("is not a kb workspace"))
    }
}
