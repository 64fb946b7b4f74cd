import Foundation

extension Workspace {
    /// Creates a new workspace in `root`: `kb/articles/`, `kb/policy.json`, `kb/synonyms.txt`,
    /// `templates/` and the `.kb/` database. Refuses a folder that already holds `kb/`.
    @discardableResult
    public static func initialize(at root: URL) throws -> Workspace {
        let workspace = Workspace(root: root)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: workspace.kbDirectory.path) {
            throw WorkspaceError.alreadyExists(path: root.path)
        }
        try fileManager.createDirectory(at: workspace.articlesDirectory, withIntermediateDirectories: true)
        try Data(Policy.defaultJSON.utf8).write(to: workspace.policyFile, options: .withoutOverwriting)
        try Data(DefaultSynonyms.text.utf8).write(to: workspace.synonymsFile, options: .withoutOverwriting)
        for (key, source) in BuiltInTemplates.sources.sorted(by: { $0.key < $1.key }) {
            let file = workspace.templatesDirectory.appendingPathComponent(key + ".mustache")
            guard !fileManager.fileExists(atPath: file.path) else { continue }
            try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: file, options: .withoutOverwriting)
        }
        try workspace.openStore().close()
        return workspace
    }
}
