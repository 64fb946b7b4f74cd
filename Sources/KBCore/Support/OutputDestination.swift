import Foundation

/// Where a document, or a folder of documents, is written (`--out PATH`): checked before any work is done, written
/// in one step per file, so a refused output leaves nothing behind and a reader sees the old file or the new one.
///
/// `kb review` and `kb training` (and any command writing `--out`) share this check; `displayPath` is the path as
/// the user typed it, used in every message, and `wording` turns an `OutputProblem` into the domain's own error.
public struct OutputDestination: Sendable {
    /// A single file, or a folder the documents go into.
    public enum Kind: Sendable {
        case file, folder
    }

    public let url: URL
    public let displayPath: String
    public let kind: Kind
    /// Existing files may be replaced (`--force`).
    public let overwrite: Bool
    /// Missing folders on the way are created; otherwise the folder holding the file must exist.
    public let createsFolders: Bool
    /// The error thrown for a problem (`ReviewError.init`, `TrainingError.init`).
    public let wording: @Sendable (OutputProblem) -> any Error

    /// The longest file or folder name Linux and macOS file systems take, in bytes.
    public static let maximumNameBytes = 255
    /// The longest path the kernel takes, in bytes (`PATH_MAX` less the terminating NUL).
    public static let maximumPathBytes = 4095

    /// `path` resolved against `directory`.
    public init(path: String, relativeTo directory: URL, kind: Kind, overwrite: Bool, createsFolders: Bool,
                wording: @escaping @Sendable (OutputProblem) -> any Error = { $0 }) {
        self.url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        self.displayPath = path
        self.kind = kind
        self.overwrite = overwrite
        self.createsFolders = createsFolders
        self.wording = wording
    }

    /// Throws unless the destination can receive the output: no name in it over the file system's limit (checked
    /// here, since missing folders would be created before the write failed), not a folder where a file is wanted
    /// nor a file where a folder is, no file to replace unless `overwrite`, and a folder to hold it.
    public func check() throws {
        do { try checkProblems() } catch { throw wording(error) }
    }

    /// Writes `text` to the file (creating missing folders when allowed) in one step; a symbolic link at the path
    /// is replaced, never written through.
    public func write(_ text: String) throws {
        do { try Self.write(text, to: url, displayPath: displayPath, createsFolders: createsFolders) } catch { throw wording(error) }
    }

    /// Writes each document into the folder by its file name, after checking them all: none may make a path too
    /// long, and none may replace a file unless `overwrite` (then nothing is written).
    public func write(documents: [(fileName: String, text: String)]) throws {
        do { try writeProblems(documents) } catch { throw wording(error) }
    }

    private func checkProblems() throws(OutputProblem) {
        if let long = url.pathComponents.first(where: { $0.utf8.count > Self.maximumNameBytes }) {
            throw .unwritable(path: displayPath, reason: "the name '\(long.prefix(40))…' is \(long.utf8.count) "
                + "bytes, over the file system's limit of \(Self.maximumNameBytes)")
        }
        try Self.checkLength(url, displayPath: displayPath)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            switch (kind, isDirectory.boolValue) {
            case (.file, true): throw .isFolder(path: displayPath)
            case (.file, false) where !overwrite: throw .exists(paths: [displayPath])
            case (.folder, false): throw .unwritable(path: displayPath, reason: "it is a file, not a folder")
            default: return
            }
        }
        if kind == .file, displayPath.hasSuffix("/") { throw .isFolder(path: displayPath) }
        guard createsFolders else {
            let folder = url.deletingLastPathComponent()
            guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                let shown = (displayPath as NSString).deletingLastPathComponent
                throw .folderMissing(path: displayPath, folder: shown.isEmpty ? folder.path : shown)
            }
            return
        }
        // Missing folders are created when writing; the nearest one that exists must be a folder to hold them.
        var ancestor = url.deletingLastPathComponent()
        while !fileManager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { return }
            ancestor = parent
        }
        if !isDirectory.boolValue {
            throw .unwritable(path: displayPath, reason: "\(ancestor.lastPathComponent) is a file, not a folder")
        }
    }

    private func writeProblems(_ documents: [(fileName: String, text: String)]) throws(OutputProblem) {
        let files = documents.map { (url.appendingPathComponent($0.fileName),
                                     (displayPath as NSString).appendingPathComponent($0.fileName), $0.text) }
        for (url, shown, _) in files { try Self.checkLength(url, displayPath: shown) }
        let existing = files.filter { FileManager.default.fileExists(atPath: $0.0.path) }.map(\.1)
        if !overwrite, !existing.isEmpty { throw .exists(paths: existing) }
        for (url, shown, text) in files {
            try Self.write(text, to: url, displayPath: shown, createsFolders: createsFolders)
        }
    }

    /// Throws when the kernel would refuse `url` as too long.
    private static func checkLength(_ url: URL, displayPath: String) throws(OutputProblem) {
        if url.path.utf8.count > maximumPathBytes {
            throw .unwritable(path: displayPath, reason: "the path is \(url.path.utf8.count) bytes, over the "
                + "limit of \(maximumPathBytes)")
        }
    }

    private static func write(_ text: String, to url: URL, displayPath: String, createsFolders: Bool) throws(OutputProblem) {
        do {
            if createsFolders {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: displayPath, reason: describe(error))
        }
    }

    /// The system's reason for a failed write (`permission denied`), lower-case.
    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return error.localizedDescription.lowercased()
    }
}
