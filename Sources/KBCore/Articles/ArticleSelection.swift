import Foundation

/// The article files a command was pointed at: files as given, folders searched for `*.md`.
public enum ArticleSelection {
    /// Reads the files named by `urls`: a file is taken as it is (whatever its extension, since it was
    /// named; a device or socket is refused), a folder contributes its `*.md` files recursively, skipping hidden entries and symbolic
    /// links to folders as `ArticleScanner` does. Paths are relative to `root` when inside it, else
    /// absolute. The result is sorted by path in byte order, without duplicates. A file inside the workspace that a
    /// link takes outside it is not read: it comes back refused (`ArticleError.outsideWorkspace`).
    public static func files(at urls: [URL], root: URL) throws(ArticleError) -> [ArticleFile] {
        var found: [String: URL] = [:]
        let fileManager = FileManager.default
        for url in urls {
            let url = url.standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .unreadable(path: display(url, root: root), reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                try collect(folder: url, root: root, into: &found)
            } else {
                // Named files must be files: /dev/zero would be read up to the size limit and called too large.
                do {
                    _ = try UserFile(url, displayPath: display(url, root: root), allowEmpty: true)
                } catch {
                    throw .unreadable(path: error.path, reason: error.problem)
                }
                found[display(url, root: root)] = url
            }
        }
        var files: [ArticleFile] = []
        let confinement = WorkspaceConfinement(root: root)
        for path in found.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if let target = confinement.outsideTarget(of: found[path]!.path) {
                files.append(ArticleFile(path: path, refusal: .outsideWorkspace(path: path, target: target)))
                continue
            }
            guard let file = try? ArticleFile.read(found[path]!, path: path) else {
                throw .unreadable(path: path, reason: "permission denied or not a regular file")
            }
            files.append(file)
        }
        return files
    }

    /// The path shown for `url`: relative to `root` when inside it.
    static func display(_ url: URL, root: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func collect(folder: URL, root: URL, into found: inout [String: URL]) throws(ArticleError) {
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(path: display(folder, root: root), reason: "cannot list folder")
        }
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if values?.isSymbolicLink == true, isDirectory.boolValue { continue }
            if exists, isDirectory.boolValue {
                try collect(folder: url, root: root, into: &found)
            } else if name.hasSuffix(".md") {
                found[display(url, root: root)] = url
            }
        }
    }
}
