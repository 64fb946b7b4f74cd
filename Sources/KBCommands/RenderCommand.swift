import Foundation
import KBCore

/// `kb render TEMPLATE --data FILE.json`: previews a template with JSON data.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "render",
        abstract: "Render a Mustache template with JSON data, to preview a customised template.",
        discussion: """
            The template renders as kb renders its documents: partials ({{> name}}) are looked up in
            --partials DIR, then in the template's own folder, and the words of --lang are there as
            t ({{{t.review.heading.summary}}}). Unclosed or mismatched tags are reported as
            FILE:LINE:COLUMN: error: reason.

            The data of kb's own documents, exactly as their templates receive it, comes from the
            command that writes them with --template-data: kb review ID, kb review --since DATE
            (period summary and index), kb training, kb automations and kb article draft ID, each with
            the --format of the template to preview (md or html); give the document's --lang to
            render too. --data is required: a template rendered with no data shows nothing of a
            document.
            """,
        examples: ["kb review T-0000593 --template-data > review.json",
                   "kb render templates/review.md.mustache --data review.json",
                   "kb review T-0000593 --format html --lang en --template-data > review-en.json",
                   "kb render templates/review.html.mustache --data review-en.json --lang en",
                   "kb render templates/article.md.mustache --data <(kb article draft T-0000593 --template-data)"])

    @Argument(help: "The template file (for example templates/review.md.mustache).") var template: String
    @Option(valueName: "FILE", help: "A JSON file with the data to render.") var data: String
    @Option(valueName: "DIR", help: "A folder of NAME.mustache partials.") var partials: String?
    @Option(name: "--lang", valueName: "LANG", help: "The language of the words templates see as t (default es).")
    var language: Language?

    func run(_ context: CommandContext) throws -> Int32 {
        var request = RenderRequest(template: try context.input(template, kind: "templates"), templateName: template,
                                    data: try context.input(data, kind: "data"), dataName: data,
                                    partials: try partials.map { try context.input($0, kind: "partials") }, partialsName: partials,
                                    language: language ?? .spanish)
        request.confinement = context.confinement()
        context.stdout.write(.keepingCRLF(try KnowledgeBase.render(request)))
        return KB.success
    }
}
