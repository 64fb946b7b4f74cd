/// Why kb could not read an input as tickets of any format.
public enum ImportFormatError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// The first bytes match no format; `reason` says what they look like.
    case undetectable(file: String, reason: String)
    /// The input is not text (binary data, UTF-16, endless zeros); refused after the bounded look detection takes.
    case notText(file: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .undetectable(file, reason):
            let formats = ImportFormat.allCases.map(\.rawValue).joined(separator: "|")
            return Diagnostic(.error, "cannot tell the format: \(reason); pass --format \(formats)", at: .init(path: file))
        case let .notText(file, reason):
            return Diagnostic(.error, "not a ticket file: \(reason)", at: .init(path: file))
        }
    }
}
