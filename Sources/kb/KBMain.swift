import Foundation
import KBCommands

@main
struct KBMain {
    static func main() {
        print("kb \(KB.version)")
    }
}
