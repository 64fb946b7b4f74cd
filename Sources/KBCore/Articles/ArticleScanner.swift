import Foundation

/// Lists the article files of a workspace: `kb/articles/**/*.md`.
public enum ArticleScanner {
    /// The articles folder, relative to the workspace root.
    public static let articlesFolder = "kb/articles"

    /// Every `*.md` file under `ROOT/kb/articles`, recursively, sorted by relative path in byte order.
    ///
    /// Hidden files and folders (name starting with `.`) are skipped, and so are symbolic links to
    /// folders, which could loop. A workspace without `kb/articles` has no articles; a file or folder
    /// that cannot be read is an error rather than an article silently left out of the index. A link to a file
    /// outside the workspace gives a file that is not read (`ArticleError.outsideWorkspace`); an articles folder
    /// that is itself outside is an error.
    public static func scan(root: URL) throws(ArticleError) -> [ArticleFile] {
        var files: [ArticleFile] = []
        for entry in try entries(root: root) { files.append(try entry.read()) }
        return files
    }

    /// Every `*.md` file under `ROOT/kb/articles` with its size and modification time, without reading it,
    /// sorted by relative path in byte order.
    ///
    /// Walks the tree with `opendir`/`lstat` rather than Foundation's URL resource values, which cost
    /// milliseconds per file on Linux: `kb index` with nothing changed must stay fast over 10,000 files.
    public static func entries(root: URL) throws(ArticleError) -> [ArticleEntry] {
        let folder = root.appendingPathComponent(articlesFolder, isDirectory: true)
        var status = stat()
        guard stat(folder.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return [] }
        let confinement = WorkspaceConfinement(root: root)
        if let target = confinement.outsideTarget(of: folder.path) {
            throw .outsideWorkspace(path: articlesFolder, target: target)
        }
        var entries: [ArticleEntry] = []
        try collect(folder: folder.path, relative: articlesFolder, confinement: confinement, into: &entries)
        // Byte order, compared with memcmp: Swift's String ordering is Unicode-aware and much slower.
        let keys = entries.map { Array($0.path.utf8) }
        let order = keys.indices.sorted { left, right in
            let a = keys[left], b = keys[right]
            let common = min(a.count, b.count)
            let result = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
            return result != 0 ? result < 0 : a.count < b.count
        }
        return order.map { entries[$0] }
    }

    private static func collect(folder: String, relative: String, confinement: WorkspaceConfinement,
                                into entries: inout [ArticleEntry]) throws(ArticleError) {
        guard let directory = opendir(folder) else {
            throw .unreadable(path: relative, reason: String(cString: strerror(errno)).lowercased())
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names {
            let path = folder + "/" + name
            let childRelative = relative + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else {
                throw .unreadable(path: childRelative, reason: String(cString: strerror(errno)).lowercased())
            }
            var kind = status.st_mode & S_IFMT
            let isLink = kind == S_IFLNK
            if isLink {
                // A link to a folder could loop: skip it; a link to a file is read through.
                guard stat(path, &status) == 0 else { continue }
                kind = status.st_mode & S_IFMT
                if kind == S_IFDIR { continue }
            }
            if kind == S_IFDIR {
                try collect(folder: path, relative: childRelative, confinement: confinement, into: &entries)
            } else if kind == S_IFREG, name.hasSuffix(".md") {
                let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
                // Only links need resolving: folders are entered only when they are real ones inside the workspace.
                let outside = isLink ? confinement.outsideTarget(of: path) : nil
                entries.append(ArticleEntry(path: childRelative, absolutePath: path, size: Int64(status.st_size),
                                            modifiedNanoseconds: outside == nil ? modified : 0, outsideTarget: outside))
            }
        }
    }

    static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return "\(error.localizedDescription)".lowercased()
    }
}
