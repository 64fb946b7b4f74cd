import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct UserFileTests {
    @Test func aFolderAnEmptyFileAndAMissingOneAreNamedWithTheirProblem() throws {
        let directory = try TemporaryDirectory()
        try directory.write("folder/x.md", "x")
        try directory.write("empty.tsv", "")
        let cases: [(String, UserFileError)] = [
            ("folder", .isDirectory(path: "folder")),
            ("empty.tsv", .empty(path: "empty.tsv")),
            ("missing.tsv", .noSuchFile(path: "missing.tsv")),
            ("empty.tsv/below", .noSuchFile(path: "empty.tsv/below")),
            ("/dev/zero", .notRegularFile(path: "/dev/zero")),
            ("/dev/null", .notRegularFile(path: "/dev/null")),
            ("", .emptyPath),
        ]
        for (path, expected) in cases {
            #expect(throws: expected) { try UserFile(path: path, relativeTo: directory.url) }
        }
        #expect(UserFileError.isDirectory(path: "q").description == "q: error: cannot read the file: it is a folder, not a file")
        #expect(UserFileError.emptyPath.isUsageProblem && !UserFileError.empty(path: "q").isUsageProblem)
        #expect(try UserFile(path: "empty.tsv", relativeTo: directory.url, allowEmpty: true).size == 0)
    }

    @Test func readsWithinTheLimitOnly() throws {
        let directory = try TemporaryDirectory()
        try directory.write("data.json", "{\"a\": 1}")
        let file = try UserFile(path: "data.json", relativeTo: directory.url)
        #expect(file.kind == .regular && file.size == 8)
        #expect(try file.read(limit: 8) == Data("{\"a\": 1}".utf8))
        #expect(throws: UserFileError.tooLarge(path: "data.json", bytes: 8, limit: 7)) { try file.read(limit: 7) }
        try directory.write("bom.txt", "\u{FEFF}hola")
        #expect(try UserFile(path: "bom.txt", relativeTo: directory.url).readText(limit: 100) == "hola")
        try Data([0xFF, 0xFE, 0x41]).write(to: directory.url.appendingPathComponent("latin1.txt"))
        #expect(throws: UserFileError.notUTF8(path: "latin1.txt")) {
            try UserFile(path: "latin1.txt", relativeTo: directory.url).readText(limit: 100)
        }
    }

    /// `kb render … --data <(kb review …)` hands kb a pipe: it is read like a file, with the same limits.
    @Test func aPipeIsReadAndItsSizeLimited() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.url.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo.path) {
                handle.write(Data(String(repeating: "x", count: 100).utf8))
                try? handle.close()
            }
        }
        writer.start()
        let file = try UserFile(path: "pipe", relativeTo: directory.url)
        #expect(file.kind == .pipe && file.size == nil)
        #expect(throws: UserFileError.tooLarge(path: "pipe", bytes: nil, limit: 10)) { try file.read(limit: 10) }
    }
}
