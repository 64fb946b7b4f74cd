import Foundation
import Testing
import KBCore
import KBTestSupport

/// The one `--out` check review and training share: each problem is found before anything is written.
@Suite struct OutputDestinationTests {
    static func destination(_ path: String, in directory: TemporaryDirectory, kind: OutputDestination.Kind = .file,
                            overwrite: Bool = false, createsFolders: Bool = true) -> OutputDestination {
        OutputDestination(path: path, relativeTo: directory.url, kind: kind, overwrite: overwrite, createsFolders: createsFolders)
    }

    static func problem(_ body: () throws -> Void) -> OutputProblem? {
        do {
            try body()
            return nil
        } catch {
            return error as? OutputProblem
        }
    }

    @Test func problemsAreFoundBeforeWriting() throws {
        let directory = try TemporaryDirectory()
        try directory.write("existe.md", "mío")
        try directory.write("carpeta/dentro.md", "x")
        let long = String(repeating: "g", count: 256) + ".md"
        #expect(Self.problem { try Self.destination("existe.md", in: directory).check() } == .exists(paths: ["existe.md"]))
        #expect(Self.problem { try Self.destination("existe.md", in: directory, overwrite: true).check() } == nil)
        #expect(Self.problem { try Self.destination("carpeta", in: directory).check() } == .isFolder(path: "carpeta"))
        #expect(Self.problem { try Self.destination("nueva/", in: directory).check() } == .isFolder(path: "nueva/"))
        #expect(Self.problem { try Self.destination("existe.md", in: directory, kind: .folder).check() }
                == .unwritable(path: "existe.md", reason: "it is a file, not a folder"))
        #expect(Self.problem { try Self.destination("existe.md/x/y.md", in: directory).check() }
                == .unwritable(path: "existe.md/x/y.md", reason: "existe.md is a file, not a folder"))
        #expect(Self.problem { try Self.destination("no/hay/guia.md", in: directory, createsFolders: false).check() }
                == .folderMissing(path: "no/hay/guia.md", folder: "no/hay"))
        guard case .unwritable(_, let reason) = Self.problem({ try Self.destination(long, in: directory).check() }) else {
            Issue.record("a name over 255 bytes was accepted")
            return
        }
        #expect(reason.contains("over the file system's limit of 255"))
        #expect(try String(contentsOf: directory.url.appendingPathComponent("existe.md"), encoding: .utf8) == "mío")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("no").path))
    }

    /// A folder's documents: one existing file stops them all, and the error is the domain's own.
    @Test func folderDocumentsAreAllOrNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.write("salida/b.md", "mío")
        let documents = [(fileName: "a.md", text: "A"), (fileName: "b.md", text: "B")]
        let refused = OutputDestination(path: "salida", relativeTo: directory.url, kind: .folder, overwrite: false,
                                        createsFolders: true) { ReviewError($0) }
        #expect(throws: ReviewError.wouldOverwrite(paths: ["salida/b.md"])) { try refused.write(documents: documents) }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("salida/a.md").path))
        try Self.destination("salida", in: directory, kind: .folder, overwrite: true).write(documents: documents)
        #expect(try String(contentsOf: directory.url.appendingPathComponent("salida/b.md"), encoding: .utf8) == "B")
        #expect(throws: TrainingError.outputExists(path: "salida/a.md")) {
            try OutputDestination(path: "salida/a.md", relativeTo: directory.url, kind: .file, overwrite: false,
                                  createsFolders: false) { TrainingError($0) }.check()
        }
    }
}
