import Foundation
import KBCore

/// `kb render TEMPLATE --data FILE.json`: previews a template with JSON data.
struct RenderCommand: Subcommand {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Render a Mustache template with JSON data, to preview a customised template.",
        discussion: """
            The template renders as kb renders its documents: partials ({{> name}}) are looked up in
            --partials DIR, then in the template's own folder, and the words of --lang are there as
            t ({{{t.review.heading.summary}}}). Unclosed or mismatched tags are reported as
            FILE:LINE:COLUMN: error: reason.
            """,
        arguments: [ArgumentSpec("template", help: "The template file (for example templates/review.md.mustache).")],
        options: [
            .value("--data", valueName: "FILE", help: "A JSON file with the data to render."),
            .value("--partials", valueName: "DIR", help: "A folder of NAME.mustache partials."),
            .value("--lang", valueName: "LANG", help: "The language of the words templates see as t (default es).",
                   choices: Language.allCases.map(\.rawValue)),
        ],
        examples: ["kb render templates/article.md.mustache --data articulo.json",
                   "kb render templates/review.html.mustache --data review.json --lang en"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let dataPath = arguments.value("--data") else { throw UsageError("missing expected option '--data <FILE>'") }
        let templatePath = arguments.positionals[0]
        let templateURL = context.url(templatePath)
        let source = try TemplateSet.source(ofFile: templateURL.path, name: templatePath)
        guard let data = FileManager.default.contents(atPath: context.url(dataPath).path) else {
            throw TemplateError.invalidData(name: dataPath, reason: "no such file")
        }
        let value = try TemplateValue(jsonData: data, name: dataPath)
        var directories: [String] = []
        if let partials = arguments.value("--partials") { directories.append(context.url(partials).path) }
        directories.append(templateURL.deletingLastPathComponent().path)
        let language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? .spanish
        let templates = try TemplateSet(directories: directories, words: language.catalogue)
        context.stdout.write(try templates.render(source: source, name: templatePath, context: value))
        return KB.success
    }
}
