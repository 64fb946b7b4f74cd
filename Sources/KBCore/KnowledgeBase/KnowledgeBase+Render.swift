import Foundation

extension KnowledgeBase {
    /// The largest template `render(_:)` reads.
    public static let maximumTemplateBytes = 4 << 20
    /// The largest data file `render(_:)` reads: a period's summary context is a few megabytes at most.
    public static let maximumRenderDataBytes = 64 << 20

    /// The template rendered with the data as kb renders its documents: partials (`{{> name}}`) looked up in the
    /// request's folder, then in the template's own, the words of the request's language as `t`, and `{{name}}`
    /// escaped for the format the file's name says (`NAME.md.mustache` Markdown, others HTML). Needs no workspace.
    ///
    /// The template and the data are files a user named: a folder, a device, an empty or a missing file is a
    /// `UserFileError` naming it (a pipe is fine: `--data <(kb review T-1 --template-data)`).
    public static func render(_ request: RenderRequest) throws -> String {
        let source = try UserFile(request.template, displayPath: request.templateName)
            .readText(limit: maximumTemplateBytes)
        let data = try UserFile(request.data, displayPath: request.dataName).read(limit: maximumRenderDataBytes)
        let value = try TemplateValue(jsonData: data, name: request.dataName)
        if let partials = request.partials {
            var isDirectory: ObjCBool = false
            let name = request.partialsName ?? partials.path
            guard FileManager.default.fileExists(atPath: partials.path, isDirectory: &isDirectory) else {
                throw UserFileError.noSuchFile(path: name)
            }
            guard isDirectory.boolValue else {
                throw UserFileError.unreadable(path: name, reason: "it is a file; --partials takes a folder of NAME.mustache files")
            }
        }
        let directories = (request.partials.map { [$0.path] } ?? []) + [request.template.deletingLastPathComponent().path]
        let templates = try TemplateSet(directories: directories, words: request.language.catalogue, confinement: request.confinement)
        return try templates.render(source: source, name: request.templateName, context: value)
    }
}
