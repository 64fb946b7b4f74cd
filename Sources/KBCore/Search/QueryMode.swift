/// How the words of a query combine.
public enum QueryMode: String, Sendable, CaseIterable {
    /// Any word may match; more matching words rank higher (the default).
    case any
    /// Every word must match.
    case all
    /// The words must appear together in this order.
    case phrase
    /// Every word must match as a prefix (`conex` finds `conexión`).
    case prefix
}
