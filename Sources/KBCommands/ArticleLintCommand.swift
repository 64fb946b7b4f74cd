import Foundation
import KBCore

/// `kb article lint [PATH…]`: checks articles before they are published.
struct ArticleLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "lint",
        abstract: "Check articles: front matter, KCS sections per state, ticket links and personal data.",
        discussion: """
            Lints every article under kb/articles, or the files and folders given. Reports each
            problem as PATH:LINE: error|warning: message, sorted by file and line, and a summary on
            stderr. Linked tickets must exist in the store (skipped with a warning when there is no
            database yet); customer articles must hold no personal data outside internal blocks,
            including the customer and agent names the store knows. Duplicate ids are checked among
            the files linted. Exits 1 when there is an error. With --json:
            {"diagnostics":[…],"errors":N,"warnings":N}.
            """,
        examples: ["kb article lint", "kb article lint kb/articles/portal", "kb article lint --json"])

    @Argument(name: "path", help: "Article files or folders (default: kb/articles).") var paths: [String] = []
    @OptionGroup var output: JSONOption

    func run(_ context: CommandContext) throws -> Int32 {
        let report = try context.knowledgeBase().lintArticles(at: paths.map(context.url))
        if report.withoutDatabase {
            context.stderr.line("warning: no ticket database yet (.kb/kb.sqlite); linked tickets are not checked "
                + "and only generic personal data is detected (run 'kb import FILE')")
        }
        if output.json {
            context.printJSON(report)
        } else {
            for diagnostic in report.diagnostics { context.stdout.line(diagnostic.description) }
        }
        let (files, errors, warnings) = (report.fileCount, report.errorCount, report.warningCount)
        context.stderr.line("linted \(files) \(files == 1 ? "article" : "articles"): \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")")
        return errors == 0 ? KB.success : KB.failure
    }
}
