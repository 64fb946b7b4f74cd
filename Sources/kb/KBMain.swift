import Foundation
import KBCommands

@main
struct KBMain {
    static func main() {
        let code = KB.run(arguments: Array(CommandLine.arguments.dropFirst()),
                          stdout: OutputStream(descriptor: STDOUT_FILENO),
                          stderr: OutputStream(descriptor: STDERR_FILENO))
        exit(code)
    }
}
