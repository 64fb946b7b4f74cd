/// The name of a ticket file format `kb import` reads, as `--format` takes it: one per `TicketSource`.
public struct ImportFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// Every format, in the order they are registered (`TicketSources.all`).
    public static var allCases: [ImportFormat] { TicketSources.all.map { $0.format } }

    /// How many bytes at the start of an input detection looks at.
    public static let detectionPrefixBytes = 64 * 1024

    /// Tells the format from the first bytes of an input (`isWholeFile` when they are all of it).
    public static func detect(prefix: [UInt8], isWholeFile: Bool, file: String) throws(ImportFormatError) -> ImportFormat {
        try TicketSources.detect(ImportPrefix(prefix, isWhole: isWholeFile), file: file)
    }
}
