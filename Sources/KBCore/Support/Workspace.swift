import Foundation

/// A kb workspace: the folder holding `kb/` (articles, policy, synonyms), `templates/` and `.kb/kb.sqlite`.
public struct Workspace: Sendable {
    public let root: URL
    /// Opens a database another workspace records as its own and still uses (`KB_ALLOW_SHARED_DATABASE=1`);
    /// refused otherwise, since `kb index` in one would remove the other's articles.
    public var allowsSharedDatabase = false
    /// The environment variable that sets `allowsSharedDatabase` when it is `1`.
    public static let allowSharedDatabaseVariable = "KB_ALLOW_SHARED_DATABASE"

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var kbDirectory: URL { root.appendingPathComponent("kb", isDirectory: true) }
    public var articlesDirectory: URL { kbDirectory.appendingPathComponent("articles", isDirectory: true) }
    public var policyFile: URL { kbDirectory.appendingPathComponent("policy.json") }
    public var synonymsFile: URL { kbDirectory.appendingPathComponent("synonyms.txt") }
    public var demoDirectory: URL { kbDirectory.appendingPathComponent("demo", isDirectory: true) }
    public var templatesDirectory: URL { root.appendingPathComponent("templates", isDirectory: true) }
    public var stateDirectory: URL { root.appendingPathComponent(".kb", isDirectory: true) }
    public var databasePath: String { stateDirectory.appendingPathComponent("kb.sqlite").path }

    /// Finds the workspace as git finds `.git`: `explicit` (from `--root` or `KB_ROOT`) if given,
    /// else the first folder from `start` upwards that holds a `kb/` directory; `environment` may allow a
    /// shared database (`allowSharedDatabaseVariable`).
    public static func locate(explicit: String?, start: URL, environment: [String: String] = [:]) throws -> Workspace {
        var workspace = try find(explicit: explicit, start: start)
        workspace.allowsSharedDatabase = environment[Workspace.allowSharedDatabaseVariable] == "1"
        return workspace
    }

    private static func find(explicit: String?, start: URL) throws -> Workspace {
        let fileManager = FileManager.default
        if let explicit, !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit, relativeTo: start).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.appendingPathComponent("kb").path, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw WorkspaceError.notAWorkspace(path: url.path)
            }
            return Workspace(root: url)
        }
        var current = start.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: current.appendingPathComponent("kb").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return Workspace(root: current)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { throw WorkspaceError.notFound(start: start.path) }
            current = parent
        }
    }

    /// `kb/policy.json` merged over the defaults; the defaults alone when the file is absent.
    public func loadPolicy() throws -> Policy {
        guard FileManager.default.fileExists(atPath: policyFile.path) else { return .default }
        try checkConfined(policyFile, kind: "policy")
        return try Policy.load(path: policyFile.path)
    }
}

/// Why no workspace could be used.
public enum WorkspaceError: Error, DiagnosticConvertible, Sendable, Equatable {
    case notFound(start: String)
    case notAWorkspace(path: String)
    case alreadyExists(path: String)
    /// A workspace file (`kind`: policy, synonyms, demo data) reached through a symbolic link to `target`, outside.
    case outsideWorkspace(path: String, kind: String, target: String)

    public var diagnostic: Diagnostic {
        if case let .outsideWorkspace(path, kind, target) = self {
            return Diagnostic(.error, WorkspaceConfinement.reason(kind: kind, target: target), at: .init(path: path))
        }
        return Diagnostic(.error, message)
    }

    private var message: String {
        switch self {
        case let .notFound(start):
            return "no kb workspace in \(start) or any parent folder (a folder holding kb/); run 'kb init' or pass --root DIR"
        case let .notAWorkspace(path):
            return "\(path) is not a kb workspace (it has no kb/ folder); run 'kb init \(path)'"
        case let .alreadyExists(path):
            return "\(path) already holds a kb workspace; kb init never overwrites one"
        case let .outsideWorkspace(_, kind, target):
            return WorkspaceConfinement.reason(kind: kind, target: target)
        }
    }
}
