import Foundation

extension KnowledgeBase {
    /// The template rendered with the data as kb renders its documents: partials (`{{> name}}`) looked up in the
    /// request's folder, then in the template's own, the words of the request's language as `t`, and `{{name}}`
    /// escaped for the format the file's name says (`NAME.md.mustache` Markdown, others HTML). Needs no workspace.
    public static func render(_ request: RenderRequest) throws -> String {
        let source = try TemplateSet.source(ofFile: request.template.path, name: request.templateName)
        guard let data = FileManager.default.contents(atPath: request.data.path) else {
            throw TemplateError.invalidData(name: request.dataName, reason: "no such file")
        }
        let value = try TemplateValue(jsonData: data, name: request.dataName)
        let directories = (request.partials.map { [$0.path] } ?? []) + [request.template.deletingLastPathComponent().path]
        let templates = try TemplateSet(directories: directories, words: request.language.catalogue)
        return try templates.render(source: source, name: request.templateName, context: value)
    }
}
