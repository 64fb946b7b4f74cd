/// An article file as read from disk: where it is, its bytes and their content hash.
public struct ArticleFile: Sendable, Equatable {
    /// Path relative to the workspace root, with `/` separators (`kb/articles/portal/login.md`).
    public var path: String
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, lower-case hex; `kb index` reindexes a file only when this changes.
    public var contentHash: String

    /// Wraps bytes read elsewhere (tests, the store), computing the hash.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.contentHash = SHA256.hex(of: bytes)
    }

    /// Wraps text, for tests and generated drafts.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The bytes decoded as UTF-8; nil when they are not valid UTF-8.
    public var text: String? {
        String(validating: bytes, as: UTF8.self)
    }
}
