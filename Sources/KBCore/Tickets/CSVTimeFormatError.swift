/// Why a CSV time pattern is not usable.
public struct CSVTimeFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: String
    public var description: String { reason }
}
