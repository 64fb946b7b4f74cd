import Foundation
import KBCommands

/// The result of one in-process kb run.
struct CLIResult {
    let code: Int32
    let stdout: String
    let stderr: String
}

/// Runs kb in-process in `directory` with a fixed clock.
func runKB(_ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: String = "") -> CLIResult {
    let out = OutputStream()
    let err = OutputStream()
    var env = ["KB_NOW": "2026-11-01T12:00:00Z"]
    env.merge(environment) { $1 }
    let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: env,
                      currentDirectory: directory, standardInput: { Data(stdin.utf8) })
    return CLIResult(code: code, stdout: out.captured, stderr: err.captured)
}
