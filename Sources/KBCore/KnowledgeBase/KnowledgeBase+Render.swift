import Foundation

extension KnowledgeBase {
    /// The template rendered with the data, partials (`{{> name}}`) looked up in the request's folder, then in the
    /// template's own; needs no workspace.
    public static func render(_ request: RenderRequest) throws -> String {
        guard let source = try? String(contentsOf: request.template, encoding: .utf8) else {
            throw TemplateError.unreadableTemplate(path: request.templateName, reason: "no such file or not UTF-8")
        }
        guard let data = FileManager.default.contents(atPath: request.data.path) else {
            throw TemplateError.invalidData(name: request.dataName, reason: "no such file")
        }
        let value = try TemplateValue(jsonData: data, name: request.dataName)
        let directories = (request.partials.map { [$0.path] } ?? []) + [request.template.deletingLastPathComponent().path]
        let partials = try TemplateSet(directories: directories)
        let template = try MustacheTemplate(source: source, name: request.templateName)
        return try template.render(value) { partials.source(named: $0) }
    }
}
