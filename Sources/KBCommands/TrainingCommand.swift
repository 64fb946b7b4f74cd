import Foundation
import KBCore

/// `kb training`: customer material (Markdown or HTML) from validated customer articles and frequent requests.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "training",
        abstract: "Build customer training material from validated customer articles.",
        discussion: """
            Takes the articles in kb/articles with audience: customer and state: validated written in the
            document's language, grouped by service: their Problema and Solución (Causa only when it holds no
            internal block and no personal data), without internal blocks. Adds a chapter on how to report an
            incident (the manual's severity scale and what to send) and an FAQ from the most frequent resolved
            severity-5 requests in the ticket database, each answered by the validated customer article its tickets
            link (a request no such article answers is left out, with a warning). Emails, phone numbers, IP addresses, secrets and the
            customer and agent names the database knows are redacted. Articles that cannot be used are named on
            stderr as PATH:LINE: warning: reason. --out is required ('-' prints the document), except with
            --template-data, which prints the JSON the --format template is rendered from (for 'kb render').
            --service and --tag match the articles' and requests' values ignoring case and accents; a value
            none has is a usage error listing the known ones.
            """,
        examples: ["kb training --out guia.md", "kb training --service portal --format html --out portal.html",
                   "kb training --lang en --tag login --out -"])

    @Option(help: "Only articles and requests of this service (repeatable).") var service: [String]
    @Option(help: "Only articles and requests with this tag (repeatable).") var tag: [String]
    @OptionGroup var language: LanguageOption
    @Option(help: "Output format.") var format: TrainingFormat = .markdown
    @OptionGroup var output: OutputOptions
    @Flag(help: "Overwrite PATH when it exists.") var force: Bool
    @Option(help: "At most N questions in the FAQ (0 leaves it out).", range: 0...1000)
    var faqLimit = TrainingRequest.defaultFAQLimit
    @OptionGroup var templateData: TemplateDataOption

    func validate() throws {
        try templateData.refuse([(output.out != nil, "--out"), (force, "--force")])
        if output.out == nil, !templateData.templateData { throw UsageError("missing '--out <PATH>' (use '--out -' for standard output)") }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let knowledgeBase = try context.knowledgeBase()
        // Refuse a bad destination before any work is done.
        let destination = try output.checkedDestination(context, kind: .file, overwrite: force, createsFolders: false) {
            TrainingError($0)
        }
        let request = TrainingRequest(language: language.language, format: format, services: service, tags: tag,
                                      faqLimit: faqLimit)
        let result = try knowledgeBase.training(request)
        if templateData.templateData {
            templateData.print(result.pack.templateValue(format: format), to: context)
            return KB.success
        }
        if let path = result.missingDatabase {
            context.stderr.line("note: no ticket database at \(path); the FAQ is left out, and customer and agent "
                + "names cannot be redacted without it (run 'kb import' first)")
        }
        for warning in result.warnings { context.stderr.line(warning.description) }
        for entry in result.faqLeftOut {
            context.stderr.line("warning: frequent request '\(entry.question)' (\(entry.count) ticket(s)) left out of the FAQ: no "
                + "validated customer article in '\(result.pack.language.rawValue)' answers it (write one, or list its tickets "
                + "in an article's 'tickets')")
        }
        if result.otherLanguageCount > 0 {
            context.stderr.line("note: \(result.otherLanguageCount) customer article(s) written in another language "
                + "left out (the document is in '\(result.pack.language.rawValue)'; see --lang)")
        }
        if result.pack.articleCount == 0 {
            context.stderr.line("note: no validated customer article matched; the material holds only the "
                + "report-an-incident chapter\(result.pack.faq == nil ? "" : " and the FAQ")")
        }
        guard let destination else {
            context.stdout.write(result.document)
            return KB.success
        }
        try destination.write(result.document)
        context.stdout.line("wrote \(destination.displayPath): \(result.pack.articleCount) article(s) in "
            + "\(result.pack.sections.count) chapter(s), \(result.pack.faq?.entries.count ?? 0) FAQ question(s)")
        return KB.success
    }
}
