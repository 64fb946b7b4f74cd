import KBCore

/// The kb command line, callable in-process so tests drive it without spawning a binary.
public enum KB {
    public static let version = "0.1.0"
}
