import Foundation

/// Mustache templates and partials (`NAME.mustache` files) from an ordered list of directories plus optional
/// built-in sources: the first directory holding a name wins, so workspace templates override built-in ones.
///
/// A template in a subdirectory is named by its relative path (`partials/header`). Any template can be used
/// as a partial (`{{> partials/header}}`), looked up in the same set. Missing directories are skipped.
///
/// A set made with a catalogue renders every template with the catalogue's words as `t` (`{{{t.word.severity}}}`),
/// under the data: a template written once shows the words of whichever language the set was made for. A
/// template named `NAME.md` escapes `{{name}}` for Markdown, any other for HTML (`TemplateEscaping`).
public struct TemplateSet: Sendable {
    /// The directories searched, highest priority first.
    public let directories: [String]
    /// The words templates see as `t`; nil for none.
    public let words: Catalogue?
    private let entries: [String: Entry]

    private struct Entry: Sendable {
        var source: String
        /// The file it came from; nil for a built-in source.
        var path: String?
    }

    /// Deep enough for any template tree, and a stop for symbolic-link loops.
    private static let maximumDirectoryDepth = 8

    /// Loads every `*.mustache` file under `directories` (earlier ones override later ones), then `builtIn`
    /// sources (name → source) for names no directory has; templates render with `words` as `t`. With a
    /// `confinement`, a template or partial reached through a symbolic link out of the workspace is refused
    /// (`TemplateError.outsideWorkspace`).
    public init(directories: [String], builtIn: [String: String] = [:], words: Catalogue? = nil,
                confinement: WorkspaceConfinement? = nil) throws(TemplateError) {
        var entries: [String: Entry] = [:]
        for directory in directories {
            for (name, path) in try Self.templateFiles(in: directory) where entries[name] == nil {
                if let target = confinement?.outsideTarget(of: path) { throw .outsideWorkspace(path: path, target: target) }
                entries[name] = Entry(source: try Self.source(ofFile: path), path: path)
            }
        }
        for (name, source) in builtIn where entries[name] == nil {
            entries[name] = Entry(source: source, path: nil)
        }
        self.directories = directories
        self.entries = entries
        self.words = words
    }

    /// Templates from `directory`, falling back to `fallback` for names it lacks.
    public init(directory: String, fallback: String? = nil) throws(TemplateError) {
        try self.init(directories: [directory] + (fallback.map { [$0] } ?? []))
    }

    /// Every template name, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The source of a template, or nil.
    public func source(named name: String) -> String? { entries[name]?.source }

    /// The file a template was loaded from; nil for a built-in or missing one.
    public func path(named name: String) -> String? { entries[name]?.path }

    /// The parsed template; its errors carry the file path (or the name of a built-in).
    public func template(named name: String) throws(TemplateError) -> MustacheTemplate {
        guard let entry = entries[name] else {
            throw .templateNotFound(name: name, directories: directories)
        }
        return try MustacheTemplate(source: entry.source, name: entry.path ?? name)
    }

    /// Renders a template of this set with its partials, the set's words as `t` and the escaping of its format.
    public func render(_ name: String, context: TemplateValue) throws(TemplateError) -> String {
        try render(template(named: name), escaping: TemplateEscaping(templateName: name), context: context)
    }

    /// Renders template text that is not part of the set (`kb render FILE`) exactly as the set's own templates
    /// render: with this set's partials and words, escaped for the format its name says. `name` labels errors
    /// (the file's path).
    public func render(source: String, name: String, context: TemplateValue) throws(TemplateError) -> String {
        try render(MustacheTemplate(source: source, name: name), escaping: TemplateEscaping(templateName: name),
                   context: context)
    }

    private func render(_ template: MustacheTemplate, escaping: TemplateEscaping,
                        context: TemplateValue) throws(TemplateError) -> String {
        try template.render(context, fallback: words.map { ["t": $0.templateValue] }, escaping: escaping,
                            partialLookup: { partialName in
            entries[partialName].map { ($0.source, $0.path ?? partialName) }
        })
    }

    /// Name → path of the template files under a directory, in sorted order; nothing for a missing directory.
    private static func templateFiles(in directory: String) throws(TemplateError) -> [(String, String)] {
        var found: [(String, String)] = []
        try collect(directory: directory, prefix: "", depth: 0, into: &found)
        return found
    }

    private static func collect(directory: String, prefix: String, depth: Int,
                                into found: inout [(String, String)]) throws(TemplateError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard depth <= maximumDirectoryDepth,
              fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else { return }
        let children: [String]
        do {
            children = try fileManager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw .unreadableTemplate(path: directory, reason: "cannot list directory")
        }
        for child in children where !child.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(child)
            var childIsDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &childIsDirectory) else { continue }
            if childIsDirectory.boolValue {
                try collect(directory: path, prefix: prefix + child + "/", depth: depth + 1, into: &found)
            } else if child.hasSuffix(".mustache") {
                found.append((prefix + String(child.dropLast(".mustache".count)), path))
            }
        }
    }

    /// The text of a template file; `name` (the path as the user gave it, by default `path`) labels errors.
    public static func source(ofFile path: String, name: String? = nil) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableTemplate(path: name ?? path, reason: "cannot read file")
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw .unreadableTemplate(path: name ?? path, reason: "not valid UTF-8")
        }
        // Editors on Windows may start files with a byte-order mark, which would otherwise reach the output.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
