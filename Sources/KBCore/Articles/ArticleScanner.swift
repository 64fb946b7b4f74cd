import Foundation

/// Lists the article files of a workspace: `kb/articles/**/*.md`.
public enum ArticleScanner {
    /// The articles folder, relative to the workspace root.
    public static let articlesFolder = "kb/articles"

    /// Every `*.md` file under `ROOT/kb/articles`, recursively, sorted by relative path in byte order.
    ///
    /// Hidden files and folders (name starting with `.`) are skipped, and so are symbolic links to
    /// folders, which could loop. A workspace without `kb/articles` has no articles; a file or folder
    /// that cannot be read is an error rather than an article silently left out of the index.
    public static func scan(root: URL) throws(ArticleError) -> [ArticleFile] {
        let folder = root.appendingPathComponent(articlesFolder, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return [] }
        var relativePaths: [String] = []
        try collect(folder: folder, relative: articlesFolder, into: &relativePaths)
        relativePaths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var files: [ArticleFile] = []
        files.reserveCapacity(relativePaths.count)
        for relative in relativePaths {
            let url = root.appendingPathComponent(relative, isDirectory: false)
            do {
                files.append(try ArticleFile.read(url, path: relative))
            } catch {
                throw .unreadable(path: relative, reason: describe(error))
            }
        }
        return files
    }

    private static func collect(folder: URL, relative: String, into paths: inout [String]) throws(ArticleError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(path: relative, reason: describe(error))
        }
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let childRelative = relative + "/" + name
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    continue
                }
            } else if values?.isDirectory == true {
                try collect(folder: url, relative: childRelative, into: &paths)
                continue
            }
            if name.hasSuffix(".md") { paths.append(childRelative) }
        }
    }

    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return "\(error.localizedDescription)".lowercased()
    }
}
