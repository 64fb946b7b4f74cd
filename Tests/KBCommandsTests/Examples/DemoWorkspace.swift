import Foundation
import KBCommands
import KBCore
import KBTestSupport

/// The demo workspace the documented examples run against: this repository's `kb/` and `templates/` with the demo
/// tickets imported and the articles indexed, built once per test process; each example gets a copy of it.
enum DemoWorkspace {
    /// The environment examples run with: the demo data's own now, no inherited `KB_ROOT`.
    static let environment = ["KB_NOW": DemoData.now.utcString]

    /// The built workspace, or why it could not be built.
    static let master: Result<URL, ExampleShell.Failure> = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-demo-master-\(UUID().uuidString)", isDirectory: true)
        atexit { DemoWorkspace.removeMaster() }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["kb", "templates"] {
                try FileManager.default.copyItem(at: SharedTestData.packageRoot.appendingPathComponent(name),
                                                 to: folder.appendingPathComponent(name))
            }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(".kb"))
            var shell = ExampleShell(directory: folder, environment: environment)
            try shell.run("kb import \(DemoData.ticketsPath) && kb index")
            guard shell.runs.count == 2, shell.runs.allSatisfy({ $0.code == 0 }) else {
                return .failure(ExampleShell.Failure(description: "building the demo workspace failed: "
                    + shell.runs.map(\.stderr).joined()))
            }
            return .success(folder)
        } catch {
            return .failure(ExampleShell.Failure(description: "building the demo workspace failed: \(error)"))
        }
    }()

    private static func removeMaster() {
        if case .success(let folder) = master { try? FileManager.default.removeItem(at: folder) }
    }

    /// A fresh copy of the demo workspace in a temporary folder (removed with it).
    static func copy() throws -> TemporaryDirectory {
        let source = try master.get()
        let directory = try TemporaryDirectory(prefix: "kb-example")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: directory.url.appendingPathComponent(name))
        }
        return directory
    }
}
