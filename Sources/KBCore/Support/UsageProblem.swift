/// An error in what the user typed rather than in the data or the system: commands report it with their usage
/// line and exit 64, as they do for a bad option value.
public protocol UsageProblem: Error {
    /// True when this error is one (an error type may be a usage problem in some cases only).
    var isUsageProblem: Bool { get }
}

extension UsageProblem {
    public var isUsageProblem: Bool { true }
}

extension UnknownFilterValueError: UsageProblem {}

extension UserFileError: UsageProblem {
    /// An empty path is a bad argument; the other problems concern the file named.
    public var isUsageProblem: Bool { self == .emptyPath }
}
