import Foundation

extension ArticleDraft {
    /// Writes the draft under the workspace `root`, creating its folders, and never replaces a file:
    /// the existence check and the creation are one step (`O_EXCL`), so two writers cannot both win.
    public func write(root: URL) throws(ArticleDraftError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // Paths come from slugs; refuse anything else rather than write outside kb/articles.
        guard components.count >= 3, components[0] == "kb", components[1] == "articles",
              let name = components.last, name.hasSuffix(".md"), Slug.isValid(String(name.dropLast(3))),
              components.dropFirst(2).dropLast().allSatisfy({ Slug.isValid($0) }) else {
            throw .unwritable(path: path, reason: "not a draft path under kb/articles")
        }
        let url = root.appendingPathComponent(path, isDirectory: false)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: path, reason: "cannot create its folder")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .fileExists(path: path) }
            throw .unwritable(path: path, reason: String(cString: strerror(code)).lowercased())
        }
        let bytes = Array(text.utf8)
        var offset = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            // A half-written draft would block the next attempt with a "file exists" error.
            unlink(url.path)
            throw .unwritable(path: path, reason: String(cString: strerror(failure)).lowercased())
        }
    }
}
