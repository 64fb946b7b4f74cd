import Foundation

/// Keeps what kb reads inside its workspace: a file reached through a symbolic link (of the file itself or of a
/// folder above it) that resolves outside the workspace is refused, so a link under `kb/articles` or `templates/`
/// cannot publish `/etc/passwd` or another project's notes. A link to another file inside the workspace is fine.
public struct WorkspaceConfinement: Sendable {
    /// The workspace root with every symbolic link resolved.
    public let root: String

    public init(root: URL) {
        self.root = Self.resolved(root.path) ?? root.standardizedFileURL.path
    }

    /// Where `path` really is when that is outside the workspace; nil when it is inside or does not exist.
    public func outsideTarget(of path: String) -> String? {
        guard let real = Self.resolved(path) else { return nil }
        return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? nil : real
    }

    /// Why a file of `kind` ("article", "template", "policy") was refused.
    public static func reason(kind: String, target: String) -> String {
        "symbolic link resolves outside the workspace (to \(target)); kb reads its \(kind) only from inside the "
            + "workspace: copy the file in instead of linking to it"
    }

    /// `path` with every symbolic link resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

extension Workspace {
    /// The confinement of this workspace's files.
    public var confinement: WorkspaceConfinement { WorkspaceConfinement(root: root) }

    /// Throws `WorkspaceError.outsideWorkspace` when `url`, a workspace file of `kind`, resolves outside the workspace.
    public func checkConfined(_ url: URL, kind: String) throws(WorkspaceError) {
        guard let target = confinement.outsideTarget(of: url.path) else { return }
        throw .outsideWorkspace(path: relativePath(of: url), kind: kind, target: target)
    }

    /// `url` relative to the root when it is under it (`kb/policy.json`), else its full path.
    func relativePath(of url: URL) -> String {
        let full = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
