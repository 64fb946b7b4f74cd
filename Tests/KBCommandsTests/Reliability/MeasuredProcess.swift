import Foundation
import KBTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `kb` as a child spawned and reaped here, measuring the child's own peak memory.
///
/// The peak is the `VmHWM` line of `/proc/PID/status`, read every few milliseconds while the child runs (it only
/// grows, and filling hundreds of megabytes takes far longer than the interval). Neither `getrusage(RUSAGE_CHILDREN)`
/// (the largest of all children ever waited for) nor the child's own `ru_maxrss` will do: Linux carries into the
/// latter the high-water mark of the memory the child had before `exec`, which for `posix_spawn` (a vfork) is
/// this test process's own.
enum MeasuredProcess {
    struct Result {
        /// The exit code, or minus the signal that ended the process.
        let status: Int32
        let stdout: String
        let stderr: String
        /// Peak resident set size of the child (`VmHWM`), in bytes.
        let maximumResidentBytes: Int
        let seconds: Double

        var maximumResidentMegabytes: Int { maximumResidentBytes >> 20 }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "posix_spawn failed: \(String(cString: strerror(code)))" }
    }

    /// Runs `kb arguments` on the workspace `root` (through `KB_ROOT`; give file arguments as absolute paths),
    /// reading `standardInput` (a file path); killed after `timeLimit` seconds.
    static func run(_ arguments: [String], root: URL, environment extra: [String: String] = [:],
                    standardInput: String = "/dev/null", timeLimit: TimeInterval = 90) throws -> Result {
        guard let executable = BuiltBinary.kbURL else { throw CocoaError(.fileNoSuchFile) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kb-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path

        var environment = ProcessInfo.processInfo.environment
        environment["KB_ROOT"] = root.path
        environment["KB_NOW"] = "2026-11-01T12:00:00Z"
        environment.merge(extra) { $1 }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let started = Date()
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard code == 0 else { throw SpawnFailed(code: code) }
        // A run that goes on past the limit (unbounded work on hostile input) is killed, and reported as such.
        let childID = pid
        let watchdog = DispatchWorkItem { kill(childID, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        var status: Int32 = 0
        var peakKilobytes = 0
        while true {
            peakKilobytes = max(peakKilobytes, highWaterKilobytes(of: pid))
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { break }
            usleep(2_000)
        }
        watchdog.cancel()
        let seconds = Date().timeIntervalSince(started)
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let signal = status & 0x7F
        let exit: Int32 = signal == 0 ? (status >> 8) & 0xFF : -signal
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: exit, stdout: out, stderr: err, maximumResidentBytes: peakKilobytes * 1024, seconds: seconds)
    }

    /// `VmHWM` of a running process in kilobytes; 0 once it has exited.
    static func highWaterKilobytes(of pid: pid_t) -> Int {
        let descriptor = open("/proc/\(pid)/status", O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
    }
}
