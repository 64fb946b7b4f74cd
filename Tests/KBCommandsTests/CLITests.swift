import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

@Suite struct CLITests {
    @Test func versionAndHelp() throws {
        let directory = try TemporaryDirectory()
        let version = runKB(["--version"], in: directory.url)
        #expect(version.code == 0)
        #expect(version.stdout == "kb \(KB.version)\n")
        for arguments in [["--help"], ["-h"], []] {
            let help = runKB(arguments, in: directory.url)
            #expect(help.code == 0)
            #expect(help.stdout.contains("OVERVIEW:"))
            #expect(help.stdout.contains("SUBCOMMANDS:"))
        }
    }

    @Test(arguments: KB.subcommands.map { $0.spec.name })
    func everySubcommandHasHelp(name: String) throws {
        let directory = try TemporaryDirectory()
        let viaFlag = runKB([name, "--help"], in: directory.url)
        let viaHelp = runKB(["help", name], in: directory.url)
        #expect(viaFlag.code == 0)
        #expect(viaFlag.stdout == viaHelp.stdout)
        #expect(viaFlag.stdout.contains("USAGE: kb \(name)"))
        #expect(viaFlag.stdout.contains("OPTIONS:"))
        let abstract = try #require(KB.subcommands.first { $0.spec.name == name }?.spec.abstract)
        #expect(abstract.hasSuffix("."))
    }

    @Test func usageErrorsExit64() throws {
        let directory = try TemporaryDirectory()
        let unknownOption = runKB(["show", "--bogus", "T-1"], in: directory.url)
        #expect(unknownOption.code == 64)
        #expect(unknownOption.stderr.hasPrefix("error: unknown option '--bogus'"))
        #expect(unknownOption.stderr.contains("Usage: kb show"))
        #expect(unknownOption.stderr.contains("See 'kb show --help'."))
        let missing = runKB(["import"], in: directory.url)
        #expect(missing.code == 64)
        let unknownCommand = runKB(["frobnicate"], in: directory.url)
        #expect(unknownCommand.code == 64)
    }

    @Test func noWorkspaceIsAClearFailure() throws {
        let directory = try TemporaryDirectory()
        let result = runKB(["show", "T-1"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("error: no kb workspace"))
    }
}
