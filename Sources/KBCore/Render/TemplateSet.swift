import Foundation

/// Mustache templates and partials (`NAME.mustache` files) from an ordered list of directories plus optional
/// built-in sources: the first directory holding a name wins, so workspace templates override built-in ones.
///
/// A template in a subdirectory is named by its relative path (`partials/header`). Any template can be used
/// as a partial (`{{> partials/header}}`), looked up in the same set. Missing directories are skipped.
public struct TemplateSet: Sendable {
    /// The directories searched, highest priority first.
    public let directories: [String]
    private let entries: [String: Entry]

    private struct Entry: Sendable {
        var source: String
        /// The file it came from; nil for a built-in source.
        var path: String?
    }

    /// Deep enough for any template tree, and a stop for symbolic-link loops.
    private static let maximumDirectoryDepth = 8

    /// Loads every `*.mustache` file under `directories` (earlier ones override later ones), then `builtIn`
    /// sources (name → source) for names no directory has. With a `confinement`, a template or partial reached
    /// through a symbolic link out of the workspace is refused (`TemplateError.outsideWorkspace`).
    public init(directories: [String], builtIn: [String: String] = [:],
                confinement: WorkspaceConfinement? = nil) throws(TemplateError) {
        var entries: [String: Entry] = [:]
        for directory in directories {
            for (name, path) in try Self.templateFiles(in: directory) where entries[name] == nil {
                if let target = confinement?.outsideTarget(of: path) { throw .outsideWorkspace(path: path, target: target) }
                entries[name] = Entry(source: try Self.read(path), path: path)
            }
        }
        for (name, source) in builtIn where entries[name] == nil {
            entries[name] = Entry(source: source, path: nil)
        }
        self.directories = directories
        self.entries = entries
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

    /// Renders a template with partials from this set.
    public func render(_ name: String, context: TemplateValue) throws(TemplateError) -> String {
        try template(named: name).render(context, partialLookup: { partialName in
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

    private static func read(_ path: String) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableTemplate(path: path, reason: "cannot read file")
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw .unreadableTemplate(path: path, reason: "not valid UTF-8")
        }
        // Editors on Windows may start files with a byte-order mark, which would otherwise reach the output.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
