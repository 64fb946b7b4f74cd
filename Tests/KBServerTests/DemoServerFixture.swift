import Foundation
import KBCore
import KBServer
import KBTestSupport

/// The demo workspace (`kb demo` on a copy of the repository's `kb/`: 600 tickets, the articles) and a server on
/// it, both measuring at the demo data's own now.
final class DemoServerFixture {
    static let now = "2026-10-31T22:59:59Z"
    let directory: TemporaryDirectory
    let server: WorkspaceServer
    var client: RawHTTPClient { RawHTTPClient(port: server.port) }

    init(configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory(prefix: "kb-demo-server")
        try FileManager.default.copyItem(at: SharedTestData.packageRoot.appendingPathComponent("kb"),
                                         to: directory.url.appendingPathComponent("kb"))
        let demo = runKB(["demo"], in: directory.url, environment: ["KB_NOW": Self.now])
        guard demo.code == 0 else { throw ServerFixture.FixtureError.setup(demo.stderr) }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configure(&configuration)
        let now = Timestamp(iso8601: Self.now)!
        server = try WorkspaceServer(workspace: Workspace(root: directory.url), configuration: configuration,
                                     clock: { now }, log: { _ in })
        try server.start()
    }

    /// The CLI's answer in the demo workspace, at the demo's now.
    func cli(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        runKB(arguments, in: directory.url, environment: ["KB_NOW": Self.now])
    }

    /// The demo's tickets as the import read them (`kb/demo/tickets.jsonl`).
    func demoTickets() throws -> [JSONValue] {
        let text = try String(contentsOf: directory.url.appendingPathComponent("kb/demo/tickets.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser().parse(String($0)) }
    }

    deinit {
        try? server.shutdown()
    }
}

extension String {
    /// The text as one query parameter value: everything but unreserved characters percent-encoded.
    var queryEncoded: String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
