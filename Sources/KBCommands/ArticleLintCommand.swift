import Foundation
import KBCore

/// `kb article lint [PATH…]`: checks articles before they are published.
struct ArticleLintCommand: Subcommand {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check articles: front matter, KCS sections per state, ticket links and personal data.",
        discussion: """
            Lints every article under kb/articles, or the files and folders given. Reports each
            problem as PATH:LINE: error|warning: message, sorted by file and line, and a summary on
            stderr. Linked tickets must exist in the store (skipped with a warning when there is no
            database yet); customer articles must hold no personal data outside internal blocks,
            including the customer and agent names the store knows. Duplicate ids are checked among
            the files linted. Exits 1 when there is an error.
            """,
        arguments: [ArgumentSpec("path", help: "Article files or folders (default: kb/articles).", optional: true, repeating: true)],
        options: [.flag("--json", help: "Print {\"diagnostics\":[…],\"errors\":N,\"warnings\":N}.")],
        examples: ["kb article lint", "kb article lint kb/articles/portal", "kb article lint --json"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let files: [ArticleFile]
        if arguments.positionals.isEmpty {
            files = try ArticleScanner.scan(root: workspace.root)
        } else {
            files = try ArticleSelection.files(at: arguments.positionals.map(context.url), root: workspace.root)
        }
        let store: Store?
        do {
            store = try workspace.openStore(.read)
        } catch StoreError.missing(_) {
            store = nil
            context.stderr.line("warning: no ticket database yet (.kb/kb.sqlite); linked tickets are not checked "
                + "and only generic personal data is detected (run 'kb import FILE')")
        }
        defer { try? store?.close() }
        let names = try store.map { try PersonNames.load(from: $0) } ?? PersonNames()
        let linter = ArticleLinter(redactor: names.redactor(language: .spanish))
        let lookup = try store?.connection.prepare("SELECT 1 FROM tickets WHERE id = ?")
        var lookupError: Error?
        let diagnostics = linter.lint(files: files) { id in
            guard let lookup else { return true }
            do {
                return try lookup.first([id]) { _ in true } ?? false
            } catch {
                lookupError = error
                return true
            }
        }
        if let lookupError { throw lookupError }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if arguments.flag("--json") {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("diagnostics")
            writer.beginArray()
            for diagnostic in diagnostics {
                writer.beginObject()
                writer.member("path", diagnostic.path)
                writer.member("line", diagnostic.line)
                writer.member("severity", diagnostic.severity.rawValue)
                writer.member("message", diagnostic.message)
                writer.endObject()
            }
            writer.endArray()
            writer.member("errors", errors)
            writer.member("warnings", warnings)
            writer.endObject()
            context.stdout.line(writer.text)
        } else {
            for diagnostic in diagnostics { context.stdout.line(diagnostic.description) }
        }
        let noun = files.count == 1 ? "article" : "articles"
        context.stderr.line("linted \(files.count) \(noun): \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")")
        return errors == 0 ? KB.success : KB.failure
    }
}
