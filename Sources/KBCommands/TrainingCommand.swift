import Foundation
import KBCore

/// `kb training`: customer material (Markdown or HTML) from validated customer articles and frequent requests.
struct TrainingCommand: Subcommand {
    static let spec = CommandSpec(
        name: "training",
        abstract: "Build customer training material from validated customer articles.",
        discussion: """
            Takes the articles in kb/articles with audience: customer and state: validated written in the
            document's language, grouped by service: their Problema and Solución (Causa only when it holds no
            internal block and no personal data), without internal blocks. Adds a chapter on how to report an
            incident (the manual's severity scale and what to send) and an FAQ from the most frequent resolved
            severity-5 requests in the ticket database. Emails, phone numbers, IP addresses, secrets and the
            customer and agent names the database knows are redacted. Articles that cannot be used are named on
            stderr as PATH:LINE: warning: reason.
            """,
        options: [
            .value("--service", valueName: "SERVICE", help: "Only articles and requests of this service (repeatable).",
                   repeating: true),
            .value("--tag", valueName: "TAG", help: "Only articles and requests with this tag (repeatable).", repeating: true),
            .value("--lang", valueName: "LANG", help: "Document language (default: the workspace language).",
                   choices: Language.allCases.map(\.rawValue)),
            .value("--format", valueName: "FORMAT", help: "Output format (default md).",
                   choices: TrainingFormat.allCases.map(\.rawValue)),
            .value("--out", valueName: "PATH", help: "Write the document to PATH; '-' prints it to standard output."),
            .flag("--force", help: "Overwrite PATH when it exists."),
            .value("--faq-limit", valueName: "N", help: "At most N questions in the FAQ (default 10; 0 leaves it out)."),
        ],
        examples: ["kb training --out guia.md", "kb training --service portal --format html --out portal.html",
                   "kb training --lang en --tag login --out -"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let out = arguments.value("--out") else {
            throw UsageError("missing '--out <PATH>' (use '--out -' for standard output)")
        }
        let format = arguments.value("--format").flatMap(TrainingFormat.init(rawValue:)) ?? .markdown
        let faqLimit = try arguments.int("--faq-limit", default: 10, range: 0...1000)
        let workspace = try context.workspace(arguments)
        let analyzerLanguage = try workspace.loadPolicy().language
        let workspaceLanguage = analyzerLanguage
        let language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? workspaceLanguage
        // Refuse a bad destination before any work is done.
        let destination = out == "-" ? nil : context.url(out)
        if let destination { try checkDestination(destination, displayPath: out, force: arguments.flag("--force")) }

        let options = TrainingOptions(language: language, workspaceLanguage: workspaceLanguage,
                                      services: arguments.all("--service"), tags: arguments.all("--tag"),
                                      generatedOn: context.now.day(), faqLimit: faqLimit)
        let redactorLanguage = language
        let (redactor, faq) = try storeInputs(workspace, options: options, language: redactorLanguage, context)

        let files = try ArticleScanner.scan(root: workspace.root)
        let result = TrainingBuilder(options: options, redactor: redactor).build(files: files, faq: faq)
        for warning in result.warnings { context.stderr.line(warning.description) }
        if result.otherLanguageCount > 0 {
            context.stderr.line("note: \(result.otherLanguageCount) customer article(s) written in another language "
                + "left out (the document is in '\(language.rawValue)'; see --lang)")
        }
        if result.pack.articleCount == 0 {
            context.stderr.line("note: no validated customer article matched; the material holds only the "
                + "report-an-incident chapter\(result.pack.faq == nil ? "" : " and the FAQ")")
        }
        let document = try result.pack.render(format: format, templates: workspace.templates(language: language))
        guard let destination else {
            context.stdout.write(document)
            return KB.success
        }
        do {
            try Data(document.utf8).write(to: destination, options: .atomic)
        } catch {
            throw TrainingError.unwritable(path: out, reason: describe(error))
        }
        let questions = result.pack.faq?.entries.count ?? 0
        context.stdout.line("wrote \(out): \(result.pack.articleCount) article(s) in \(result.pack.sections.count) "
            + "chapter(s), \(questions) FAQ question(s)")
        return KB.success
    }

    /// The redactor (with the store's customer and agent names) and the FAQ; without a store, a pattern-only
    /// redactor and no FAQ, with a note.
    private static func storeInputs(_ workspace: Workspace, options: TrainingOptions, language: Language,
                                    _ context: CommandContext) throws -> (Redactor, [TrainingPack.FAQEntry]?) {
        let store: Store
        do {
            store = try workspace.openStore(create: false)
        } catch StoreError.missing(let path) {
            context.stderr.line("note: no ticket database at \(path); the FAQ is left out, and customer and agent "
                + "names cannot be redacted without it (run 'kb import' first)")
            return (Redactor(language: language), nil)
        }
        defer { try? store.close() }
        let redactor = try store.trainingRedactor(language: language)
        var miner = FAQMiner(options: options, redactor: redactor, analyzerLanguage: try workspace.loadPolicy().language)
        if options.faqLimit > 0 { try store.forEachFAQRequest { miner.add($0) } }
        return (redactor, miner.entries())
    }

    /// Throws unless `url` can receive the document: its folder exists, it is not a folder, and it does not
    /// exist unless `force` is set.
    private static func checkDestination(_ url: URL, displayPath: String, force: Bool) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw TrainingError.outputIsFolder(path: displayPath) }
            if !force { throw TrainingError.outputExists(path: displayPath) }
            return
        }
        let folder = url.deletingLastPathComponent()
        var folderIsDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &folderIsDirectory), folderIsDirectory.boolValue else {
            let shownFolder = (displayPath as NSString).deletingLastPathComponent
            throw TrainingError.outputFolderMissing(path: displayPath, folder: shownFolder.isEmpty ? folder.path : shownFolder)
        }
    }

    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return error.localizedDescription.lowercased()
    }
}
