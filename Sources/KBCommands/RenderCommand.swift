import Foundation
import KBCore

/// `kb render TEMPLATE --data FILE.json`: previews a template with JSON data.
struct RenderCommand: Subcommand {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Render a Mustache template with JSON data, to preview a customised template.",
        discussion: """
            Partials ({{> name}}) are looked up in --partials DIR, then in the template's own folder.
            Unclosed or mismatched tags are reported as FILE:LINE:COLUMN: error: reason.
            """,
        arguments: [ArgumentSpec("template", help: "The template file (for example templates/es/review.md.mustache).")],
        options: [
            .value("--data", valueName: "FILE", help: "A JSON file with the data to render."),
            .value("--partials", valueName: "DIR", help: "A folder of NAME.mustache partials."),
        ],
        examples: ["kb render templates/es/article.md.mustache --data articulo.json"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let dataPath = arguments.value("--data") else { throw UsageError("missing expected option '--data <FILE>'") }
        let templatePath = arguments.positionals[0]
        let templateURL = context.url(templatePath)
        guard let source = try? String(contentsOf: templateURL, encoding: .utf8) else {
            throw TemplateError.unreadableTemplate(path: templatePath, reason: "no such file or not UTF-8")
        }
        guard let data = FileManager.default.contents(atPath: context.url(dataPath).path) else {
            throw TemplateError.invalidData(name: dataPath, reason: "no such file")
        }
        let value = try TemplateValue(jsonData: data, name: dataPath)
        var directories: [String] = []
        if let partials = arguments.value("--partials") { directories.append(context.url(partials).path) }
        directories.append(templateURL.deletingLastPathComponent().path)
        let partials = try TemplateSet(directories: directories)
        let template = try MustacheTemplate(source: source, name: templatePath)
        context.stdout.write(try template.render(value) { partials.source(named: $0) })
        return KB.success
    }
}
