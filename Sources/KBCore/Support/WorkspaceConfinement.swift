import Foundation

/// Keeps what kb reads inside its workspace: a file at a path inside the workspace that a symbolic link (the file
/// itself or a folder above it) takes outside is refused, so a link under `kb/articles` or `templates/`, or a
/// `queries.tsv` or `tokens.txt` in the workspace linked to `~/.ssh/id_rsa`, cannot publish or print another file.
/// A link to another file inside the workspace is fine, and so is a path the user names outside the workspace
/// (`kb import /srv/exports/tickets.jsonl`): that is where they asked kb to read.
public struct WorkspaceConfinement: Sendable {
    /// The workspace root with every symbolic link resolved.
    public let root: String
    /// The root as it was given, links unresolved: paths built from it are inside the workspace too.
    public let givenRoot: String

    public init(root: URL) {
        givenRoot = Self.lexical(root.path)
        self.root = Self.resolved(root.path) ?? givenRoot
    }

    /// Where `path` really is when it is inside the workspace as written but resolves outside it; nil when it
    /// resolves inside, does not exist, or is written outside the workspace.
    public func outsideTarget(of path: String) -> String? {
        let written = Self.lexical(path)
        guard Self.isWithin(written, givenRoot) || Self.isWithin(written, root) else { return nil }
        guard let real = Self.resolved(path) else { return nil }
        return Self.isWithin(real, root) ? nil : real
    }

    /// Throws `WorkspaceError.outsideWorkspace` (naming the file as `displayPath`, a file of `kind`) when `url`
    /// is inside the workspace as written and resolves outside it.
    public func check(_ url: URL, displayPath: String, kind: String) throws(WorkspaceError) {
        guard let target = outsideTarget(of: url.path) else { return }
        throw .outsideWorkspace(path: displayPath, kind: kind, target: target)
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

    /// `path` made absolute-looking without touching the file system: `.` and empty components dropped, `..`
    /// taking the component before it away (links are not followed: this is where the path is written).
    static func lexical(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    private static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

extension Workspace {
    /// The confinement of this workspace's files.
    public var confinement: WorkspaceConfinement { WorkspaceConfinement(root: root) }

    /// Throws `WorkspaceError.outsideWorkspace` when `url`, a workspace file of `kind`, resolves outside the workspace.
    public func checkConfined(_ url: URL, kind: String) throws(WorkspaceError) {
        try confinement.check(url, displayPath: relativePath(of: url), kind: kind)
    }

    /// `url` relative to the root when it is under it (`kb/policy.json`), else its full path.
    func relativePath(of url: URL) -> String {
        let full = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
