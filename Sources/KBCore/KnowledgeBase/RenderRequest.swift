import Foundation

/// What `KnowledgeBase.render(_:)` previews: a Mustache template file with JSON data, a folder of partials and the
/// language whose words the template sees as `t`.
public struct RenderRequest: Sendable {
    public var template: URL
    /// The template's path as given, used in errors (`FILE:LINE:COLUMN: error: …`).
    public var templateName: String
    public var data: URL
    /// The data file's path as given, used in errors.
    public var dataName: String
    /// A folder of `NAME.mustache` partials searched before the template's own folder.
    public var partials: URL?
    /// The partials folder as given, used in errors.
    public var partialsName: String?
    /// The language of the words the template sees as `t`.
    public var language: Language
    /// When set, partials that a symbolic link takes out of its root are refused (`TemplateError.outsideWorkspace`).
    public var confinement: WorkspaceConfinement?

    public init(template: URL, templateName: String, data: URL, dataName: String, partials: URL? = nil,
                partialsName: String? = nil, language: Language = .spanish) {
        self.template = template
        self.templateName = templateName
        self.data = data
        self.dataName = dataName
        self.partials = partials
        self.partialsName = partialsName
        self.language = language
    }
}
