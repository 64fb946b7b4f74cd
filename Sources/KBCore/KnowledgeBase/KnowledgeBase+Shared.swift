import Foundation

extension KnowledgeBase {
    /// What every knowledge base over one workspace can share, whatever its connection or thread: the policy, the objects
    /// built from it (the severity classifier, the analyzer of the workspace's language) and the templates.
    ///
    /// Built once per workspace: the CLI's knowledge base makes its own on first use; the server builds one at start-up
    /// and hands it to the knowledge base of every read connection, so a request builds none of these (a suggest used to
    /// compile the policy's severity phrases and Snowball's suffix tables each time). Everything in it is immutable and
    /// `Sendable` except the template cache, which a lock guards (`@unchecked Sendable`). What it read from the workspace
    /// (`kb/policy.json`, `templates/`) is read once: a server picks up edits when restarted.
    public final class Shared: @unchecked Sendable {
        public let workspace: Workspace
        /// `kb/policy.json` over the defaults.
        public let policy: Policy
        /// The policy's severity keywords, compiled.
        public let severityClassifier: SeverityClassifier
        /// The analyzer of the policy's (and so the store's) language; its term cache is shared, behind its own locks.
        public let analyzer: Analyzer
        private let lock = NSLock()
        private var loadedTemplates: [Language: TemplateSet] = [:]

        /// The shared objects of `workspace` with `policy` (the one the caller read, so that a bad policy fails where
        /// the caller reports it).
        public init(workspace: Workspace, policy: Policy) {
            self.workspace = workspace
            self.policy = policy
            self.severityClassifier = SeverityClassifier(policy: policy)
            self.analyzer = Analyzer(language: policy.language)
        }

        /// The templates with the words of `language`: the workspace's `templates/` over the built-in ones, read on first use.
        public func templates(_ language: Language) throws -> TemplateSet {
            lock.lock()
            defer { lock.unlock() }
            if let templates = loadedTemplates[language] { return templates }
            let templates = try workspace.templates(language: language)
            loadedTemplates[language] = templates
            return templates
        }
    }
}
