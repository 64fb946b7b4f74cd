/// How the incident was resolved: a definitive fix or a workaround.
public struct ReviewResolution: Sendable, Equatable {
    /// Fix or workaround.
    public enum Kind: String, Sendable, CaseIterable {
        /// Resolved with no earlier mitigation recorded.
        case fix
        /// Mitigated, with no resolution recorded: the definitive fix is still pending.
        case workaround
        /// Mitigated first with a workaround, then fixed.
        case fixAfterWorkaround = "fix_after_workaround"
        /// Neither a mitigation nor a resolution text recorded.
        case unknown
    }

    public var kind: Kind
    /// The ticket's resolution text.
    public var text: String?
    /// The ticket's root cause text.
    public var rootCause: String?
    /// Whether the root cause points at the customer's own use or configuration.
    public var misuse: Bool
    /// The words that marked misuse (`uso incorrecto`, `configuración del cliente`…).
    public var misuseSignals: [String]
    /// One sentence in the review's language.
    public var summary: String

    public init(kind: Kind, text: String?, rootCause: String?, misuse: Bool,
                misuseSignals: [String], summary: String) {
        self.kind = kind
        self.text = text
        self.rootCause = rootCause
        self.misuse = misuse
        self.misuseSignals = misuseSignals
        self.summary = summary
    }
}
