import Foundation

/// A file a user named (`--queries FILE`, `--file F`, `--data F`, a template or article path), checked before it is
/// read, so a folder, a device, an empty or a missing file gets a sentence naming the path and the problem instead
/// of a Foundation error code or a parser complaining about byte 1.
///
/// Regular files and pipes are accepted: a pipe is what the shell hands over for `--data <(kb review … )`.
/// Devices and sockets are refused (`/dev/zero` never ends, `/dev/null` is always empty).
public struct UserFile: Sendable {
    /// What the file is, for the readers that treat a pipe differently (it has no size until read).
    public enum Kind: Sendable, Equatable {
        case regular, pipe
    }

    /// The path as the user typed it: every message names the file this way.
    public let displayPath: String
    public let url: URL
    public let kind: Kind
    /// The size of a regular file when checked; nil for a pipe.
    public let size: Int?

    /// Checks the file at `url` (typed as `displayPath`): it must exist and be a regular file or a pipe, and a
    /// regular file must not be empty unless `allowEmpty`.
    public init(_ url: URL, displayPath: String, allowEmpty: Bool = false) throws(UserFileError) {
        guard !displayPath.isEmpty else { throw .emptyPath }
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw Self.failure(errno: errno, path: displayPath)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw .isDirectory(path: displayPath)
        case S_IFREG: kind = .regular
        case S_IFIFO: kind = .pipe
        default: throw .notRegularFile(path: displayPath)
        }
        size = kind == .regular ? Int(status.st_size) : nil
        if size == 0, !allowEmpty { throw .empty(path: displayPath) }
        guard access(url.path, R_OK) == 0 else { throw Self.failure(errno: errno, path: displayPath) }
        self.displayPath = displayPath
        self.url = url
    }

    /// Checks `path` (as typed) resolved against `directory`.
    public init(path: String, relativeTo directory: URL, allowEmpty: Bool = false) throws(UserFileError) {
        try self.init(URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL, displayPath: path,
                      allowEmpty: allowEmpty)
    }

    /// The whole file, refused when it holds more than `limit` bytes (no more than `limit` + 1 are ever read) or,
    /// unless `allowEmpty`, nothing.
    public func read(limit: Int, allowEmpty: Bool = false) throws(UserFileError) -> Data {
        if let size, size > limit { throw .tooLarge(path: displayPath, bytes: size, limit: limit) }
        let handle = try open()
        defer { try? handle.close() }
        var data = Data()
        while data.count <= limit {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count))
            } catch {
                throw .unreadable(path: displayPath, reason: "the file cannot be read")
            }
            guard let chunk, !chunk.isEmpty else { break }
            data.append(chunk)
        }
        guard data.count <= limit else { throw .tooLarge(path: displayPath, bytes: nil, limit: limit) }
        if data.isEmpty, !allowEmpty { throw .empty(path: displayPath) }
        return data
    }

    /// The file as UTF-8 text (a byte-order mark dropped), refused as `read(limit:allowEmpty:)` refuses it and when
    /// it is not UTF-8.
    public func readText(limit: Int, allowEmpty: Bool = false) throws(UserFileError) -> String {
        let data = try read(limit: limit, allowEmpty: allowEmpty)
        guard var text = String(validating: data, as: UTF8.self) else { throw .notUTF8(path: displayPath) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// A handle to read the file from its start, for readers that stream it (`LineReader`).
    public func open() throws(UserFileError) -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw Self.failure(errno: errno, path: displayPath)
        }
        return handle
    }

    private static func failure(errno code: Int32, path: String) -> UserFileError {
        switch code {
        case ENOENT: .noSuchFile(path: path)
        case ENOTDIR: .noSuchFile(path: path)
        case EACCES, EPERM: .unreadable(path: path, reason: "permission denied")
        default: .unreadable(path: path, reason: String(cString: strerror(code)).lowercased())
        }
    }
}

/// Why a file a user named cannot be read; each message names the path as typed and says what is wrong.
public enum UserFileError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// An empty string where a path was expected.
    case emptyPath
    case noSuchFile(path: String)
    case isDirectory(path: String)
    /// A device or a socket: nothing kb can read as a document.
    case notRegularFile(path: String)
    case empty(path: String)
    /// Over the size the reader takes; `bytes` is known for regular files.
    case tooLarge(path: String, bytes: Int?, limit: Int)
    case notUTF8(path: String)
    /// Permission denied or an error from the system, lower-case.
    case unreadable(path: String, reason: String)

    /// The path the problem is about (empty for `emptyPath`).
    public var path: String {
        switch self {
        case .emptyPath: ""
        case .noSuchFile(let path), .isDirectory(let path), .notRegularFile(let path), .empty(let path),
             .tooLarge(let path, _, _), .notUTF8(let path), .unreadable(let path, _): path
        }
    }

    /// The problem without the path, lower-case: for errors of other domains that place it themselves.
    public var problem: String {
        switch self {
        case .emptyPath: "an empty string is not a path; name a file"
        case .noSuchFile: "no such file"
        case .isDirectory: "it is a folder, not a file"
        case .notRegularFile: "it is not a regular file (a device or a socket); name a file"
        case .empty: "the file is empty"
        case .tooLarge(_, let bytes, let limit):
            (bytes.map { "the file has \($0) bytes, " } ?? "the file is ") + "over the limit of \(limit) bytes"
        case .notUTF8: "the file is not UTF-8 text"
        case .unreadable(_, let reason): reason
        }
    }

    /// `PATH: error: cannot read the file: PROBLEM`, placed like every other file error.
    public var diagnostic: Diagnostic {
        switch self {
        case .emptyPath: Diagnostic(.error, problem)
        default: Diagnostic(.error, "cannot read the file: \(problem)", at: Diagnostic.Location(path: path))
        }
    }
}
