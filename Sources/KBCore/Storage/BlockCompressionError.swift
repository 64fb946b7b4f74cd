/// Why a compressed block (`BlockCompressor`) cannot be decompressed: the stored bytes are damaged or were not
/// written by kb.
public enum BlockCompressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes at all: not even the format byte.
    case empty
    /// A format byte this kb does not know (a newer kb wrote it, or the bytes are damaged).
    case unknownFormat(UInt8)
    /// The block ends inside a length, a literal run or an offset.
    case truncated(at: Int)
    /// The declared size is larger than the block could possibly expand to.
    case implausibleLength(Int)
    /// A match points before the start of the history it may copy from.
    case badOffset(Int, at: Int)
    /// A sequence would write past the declared size.
    case overrun(at: Int)
    /// Bytes follow the last sequence.
    case trailingBytes(at: Int)

    public var description: String {
        switch self {
        case .empty: return "the compressed block is empty"
        case let .unknownFormat(format): return "unknown compressed block format \(format)"
        case let .truncated(at): return "the compressed block ends early (at byte \(at))"
        case let .implausibleLength(length): return "the compressed block declares \(length) bytes, more than it can hold"
        case let .badOffset(offset, at): return "a match at byte \(at) points \(offset) bytes back, before the block's history"
        case let .overrun(at): return "a sequence at byte \(at) writes past the declared size"
        case let .trailingBytes(at): return "unexpected bytes after the last sequence (at byte \(at))"
        }
    }
}
