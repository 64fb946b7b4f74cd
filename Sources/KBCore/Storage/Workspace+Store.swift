import Foundation

extension Workspace {
    /// Opens the workspace database for `access` (`.read` for commands that only read: one snapshot, and no
    /// write access needed), analysing in the policy's language.
    public func openStore(_ access: Store.Access = .create, language: Language? = nil) throws -> Store {
        try Store(path: databasePath, access: access, language: language ?? loadPolicy().language,
                  workspace: canonicalRoot, allowsSharedDatabase: allowsSharedDatabase)
    }

    /// The root with symbolic links resolved: the same folder reached by two paths is one workspace.
    public var canonicalRoot: String {
        guard let resolved = realpath(root.path, nil) else { return root.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
