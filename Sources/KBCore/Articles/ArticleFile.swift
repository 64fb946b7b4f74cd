import Foundation

/// An article file as read from disk: where it is, its bytes and their content hash.
public struct ArticleFile: Sendable, Equatable {
    /// The largest article kb reads (4 MiB). KCS articles are a few kilobytes; a file this big is a pasted log or
    /// an embedded image, and parsing and indexing it would take hundreds of megabytes and minutes.
    public static let maximumBytes = 4 << 20

    /// Path relative to the workspace root, with `/` separators (`kb/articles/portal/login.md`).
    public var path: String
    /// The file's bytes; empty when the file is over `maximumBytes`.
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, lower-case hex; `kb index` reindexes a file only when this changes.
    public var contentHash: String
    /// The file's size when it is over `maximumBytes`: its bytes were not kept, and parsing it fails.
    public var oversizedBytes: Int?
    /// Why kb refused to read the file at all (a link out of the workspace); parsing it fails with this error.
    public var refusal: ArticleError?

    /// Wraps bytes read elsewhere (tests, the store), computing the hash; bytes over `maximumBytes` are not kept.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        if bytes.count > Self.maximumBytes {
            self.bytes = []
            self.oversizedBytes = bytes.count
            self.contentHash = Self.oversizedHash(bytes.count)
        } else {
            self.bytes = bytes
            self.contentHash = SHA256.hex(of: bytes)
        }
    }

    /// Wraps text, for tests and generated drafts.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file too large to read, known by its size only.
    public init(path: String, oversizedBytes: Int) {
        self.path = path
        self.bytes = []
        self.oversizedBytes = oversizedBytes
        self.contentHash = Self.oversizedHash(oversizedBytes)
    }

    /// A file kb would not read, known by the reason only.
    public init(path: String, refusal: ArticleError) {
        self.path = path
        self.bytes = []
        self.refusal = refusal
        self.contentHash = "refused"
    }

    /// Not a SHA-256: it never equals the hash of an indexed version, so the file is always re-examined.
    private static func oversizedHash(_ size: Int) -> String {
        "oversized-\(size)"
    }

    /// Reads the file at `url` (named `path`), reading no more than `maximumBytes` + 1 bytes: a larger file
    /// is returned by its size only.
    public static func read(_ url: URL, path: String) throws -> ArticleFile {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        guard data.count <= maximumBytes else {
            let size = (try? handle.seekToEnd()).map { Int($0) } ?? data.count
            return ArticleFile(path: path, oversizedBytes: size)
        }
        return ArticleFile(path: path, bytes: [UInt8](data))
    }

    /// The bytes decoded as UTF-8; nil when they are not valid UTF-8 or the file is over `maximumBytes`.
    public var text: String? {
        guard oversizedBytes == nil, refusal == nil else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The error parsing this file gives before looking at its content: too large, or not UTF-8.
    public var readError: ArticleError? {
        if let refusal { return refusal }
        if let size = oversizedBytes { return .tooLarge(path: path, bytes: size, limit: Self.maximumBytes) }
        return text == nil ? .invalidEncoding(path: path) : nil
    }
}
