import Foundation
import KBCore

/// The templates the web pages render from: the workspace's `templates/` over kb's built-in ones, except the
/// `templates/web/` files that are unchanged copies an older kb wrote (`kb init` writes every template), which would
/// otherwise hide what this kb's pages gained since (the sign-out form, the CSRF field, structured reasons).
///
/// A web template that differs from this kb's and from every earlier kb's is the team's own: the pages render from it,
/// and the server says at start-up which files those are and how to take this kb's version (`startupWarning`).
///
/// Crosses threads (`@unchecked Sendable`): the per-language cache is guarded by a lock; the rest is immutable.
public final class PageTemplates: @unchecked Sendable {
    /// SHA-256 of every earlier version of each built-in web template (`git log -- templates/web`). When a template in
    /// `templates/web/` changes, add the hash of the version it replaces (`git show HEAD:FILE | sha256sum`), so that
    /// workspaces holding the old copy get the new page.
    public static let earlierVersions: [String: Set<String>] = [
        "web/error.html": ["38d6367b24cfe37442e78f749535205f675639145fc796a9dc78e8cbd4af8c04"],
        "web/head.html": ["d68d7fba52a474c4c8e007eda5fce23af829ba867931184d1fea046fe8c51215",
                          "455a2e5e6cb5ed3ee24e3919eeb93408d1ab992054049429e055dec97cd68f37"],
        "web/intake.html": ["4014ab7ccfacf9dfe750108ba4984e1b9538b275b2236126b9c5d7c48dc99ec1",
                            "1f1346ec13e9ee45497bc3a5989d5d0945aa4e0f938f8085a7ff1c7d3c3bfd60",
                            "198474d1534eacfde98e99f295403d8fd62283c212e1feecbcc1a0f06ee32680"],
    ]

    /// Web templates of the workspace that an older kb wrote and nobody changed: replaced by this kb's.
    public let outdated: [String]
    /// Web templates of the workspace that differ from every version kb shipped: kept, and named at start-up.
    public let customised: [String]
    private let shared: KnowledgeBase.Shared
    private let lock = NSLock()
    private var loaded: [Language: TemplateSet] = [:]

    /// Sorts the workspace's web templates into current, outdated (their hash among `earlierVersions`) and customised
    /// ones. A workspace whose templates cannot be read is left for rendering to report.
    public init(shared: KnowledgeBase.Shared, earlierVersions: [String: Set<String>] = PageTemplates.earlierVersions) {
        self.shared = shared
        var outdated: [String] = [], customised: [String] = []
        if let set = try? shared.templates(shared.policy.language) {
            for name in set.names where name.hasPrefix("web/") && set.path(named: name) != nil {
                guard let source = set.source(named: name), let builtIn = BuiltInTemplates.sources[name], source != builtIn else { continue }
                let hash = SHA256.hex(of: Array(source.utf8))
                if earlierVersions[name]?.contains(hash) == true { outdated.append(name) } else { customised.append(name) }
            }
        }
        self.outdated = outdated.sorted()
        self.customised = customised.sorted()
    }

    /// The page templates with the words of `language`.
    public func templates(_ language: Language) throws -> TemplateSet {
        let workspace = try shared.templates(language)
        guard !outdated.isEmpty else { return workspace }
        lock.lock()
        defer { lock.unlock() }
        if let set = loaded[language] { return set }
        var sources: [String: String] = [:]
        for name in workspace.names { sources[name] = workspace.source(named: name) }
        for name in outdated { sources[name] = BuiltInTemplates.sources[name] }
        let set = try TemplateSet(directories: [], builtIn: sources, words: language.catalogue)
        loaded[language] = set
        return set
    }

    /// What the server logs at start-up about the workspace's web templates; empty when they are all current.
    public var startupNotes: [String] {
        var notes: [String] = []
        let files = { (names: [String]) in names.map { "templates/" + $0 + ".mustache" }.joined(separator: ", ") }
        if !outdated.isEmpty {
            notes.append("kb serve: web templates an older kb wrote and nobody changed: \(files(outdated)); the pages use this kb's "
                         + "versions instead (delete those files to silence this)")
        }
        if !customised.isEmpty {
            notes.append("kb serve: warning: web templates that differ from this kb's pages: \(files(customised)) (changed by hand, or "
                         + "written by a kb older than this check); the pages render from them and may lack newer parts (sign-out, "
                         + "CSRF fields, reasons); to take this kb's version, delete the file (the built-in page is used) or merge "
                         + "your changes into the copy 'kb init NEW-FOLDER' writes")
        }
        return notes
    }
}
