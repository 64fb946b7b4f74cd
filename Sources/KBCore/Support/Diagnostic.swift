import Foundation

/// What went wrong (or deserves a warning), where, and what to do: every error kb reports, formatted in one place.
///
/// Printed as compilers and swift-format print theirs, so terminals and editors can jump to the place:
/// `path:line:column: error: message`, `path:line: warning: message`, `path: error: message`, or
/// `error: message` when nothing has a place.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// A place in a file: its path as the user gave it (or as kb shows it), with a 1-based line and column when known.
    public struct Location: Sendable, Equatable {
        public var path: String
        public var line: Int?
        /// In characters from the start of the line; only with a line.
        public var column: Int?

        public init(path: String, line: Int? = nil, column: Int? = nil) {
            self.path = path
            self.line = line
            self.column = line == nil ? nil : column
        }

        /// The line and column of byte `offset` of `text`, a file's contents.
        public init(path: String, offset: Int, in text: UnsafeBufferPointer<UInt8>) {
            let end = min(max(offset, 0), text.count)
            var line = 1
            var lineStart = 0
            for index in 0..<end where text[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column = String(decoding: UnsafeBufferPointer(rebasing: text[lineStart..<end]), as: UTF8.self).count + 1
            self.init(path: path, line: line, column: column)
        }

        /// `path:line:column`, `path:line` or `path`.
        public var formatted: String {
            guard let line else { return path }
            guard let column else { return "\(path):\(line)" }
            return "\(path):\(line):\(column)"
        }
    }

    public var severity: Severity
    public var location: Location?
    /// What is wrong and, where kb knows, what to do: lower case, without the location.
    public var message: String

    public init(_ severity: Severity = .error, _ message: String, at location: Location? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// The one printed form.
    public var formatted: String {
        guard let location else { return "\(severity.rawValue): \(message)" }
        return "\(location.formatted): \(severity.rawValue): \(message)"
    }

    public var description: String { formatted }
}

/// A value, usually an error, that says what it is about as a `Diagnostic`.
///
/// Every kb error enum conforms: its cases carry the context, `diagnostic` turns them into a location and a
/// message, and `Diagnostic.formatted` prints them all alike.
public protocol DiagnosticConvertible: CustomStringConvertible {
    var diagnostic: Diagnostic { get }
}

extension DiagnosticConvertible {
    /// The diagnostic as printed.
    public var description: String { diagnostic.formatted }
}

extension Diagnostic {
    /// The diagnostic of any error: its own when it has one; for the file errors Foundation throws, the file and
    /// the system's reason; otherwise the error's description as the message.
    public init(_ error: any Error) {
        if let convertible = error as? any DiagnosticConvertible {
            self = convertible.diagnostic
            return
        }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain {
            let path = nsError.userInfo[NSFilePathErrorKey] as? String
                ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
            self.init(.error, Diagnostic.fileSystemReason(nsError), at: path.map { Location(path: $0) })
            return
        }
        self.init(.error, String(describing: error))
    }

    /// The system's words for a file error (`strerror` of the underlying errno), lower case.
    static func fileSystemReason(_ error: NSError) -> String {
        var current: NSError? = error
        while let candidate = current {
            if candidate.domain == NSPOSIXErrorDomain, let text = strerror(Int32(candidate.code)) {
                return String(cString: text).lowercased()
            }
            current = candidate.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "file exists"
        default: return "file operation failed (\(error.domain) \(error.code))"
        }
    }
}
