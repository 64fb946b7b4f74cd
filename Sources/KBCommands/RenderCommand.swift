import Foundation
import KBCore

/// `kb render TEMPLATE --data FILE.json`: previews a template with JSON data.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "render",
        abstract: "Render a Mustache template with JSON data, to preview a customised template.",
        discussion: """
            Partials ({{> name}}) are looked up in --partials DIR, then in the template's own folder.
            Unclosed or mismatched tags are reported as FILE:LINE:COLUMN: error: reason.
            """,
        examples: ["kb render templates/es/article.md.mustache --data articulo.json"])

    @Argument(help: "The template file (for example templates/es/review.md.mustache).") var template: String
    @Option(valueName: "FILE", help: "A JSON file with the data to render.") var data: String
    @Option(valueName: "DIR", help: "A folder of NAME.mustache partials.") var partials: String?

    func run(_ context: CommandContext) throws -> Int32 {
        let request = RenderRequest(template: context.url(template), templateName: template, data: context.url(data),
                                    dataName: data, partials: partials.map(context.url))
        context.stdout.write(try KnowledgeBase.render(request))
        return KB.success
    }
}
