import Foundation
import KBCore

/// Apache's Combined Log Format, the request log most tools read:
/// `host ident user [day/Mon/year:HH:MM:SS +0000] "request line" status bytes "referer" "user agent"`.
public enum CombinedLogFormat {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The log line of `record` (no newline). Quoted fields escape `"`, `\` and control bytes as Apache does
    /// (`\"`, `\\`, `\xHH`), so a hostile request line cannot forge log lines.
    public static func line(_ record: RequestRecord) -> String {
        var requestLine = record.method.map { $0 + " " } ?? "- "
        requestLine += record.target
        requestLine += " " + (record.version ?? "-")
        let status = record.status == 0 ? "-" : String(record.status)
        let bytes = record.bodyBytes == 0 ? "-" : String(record.bodyBytes)
        return "\(field(record.remoteAddress)) - \(field(record.user ?? "-")) [\(time(record.startedAt))] "
            + "\"\(escaped(requestLine))\" \(status) \(bytes) \"\(escaped(record.referer ?? "-"))\" \"\(escaped(record.userAgent ?? "-"))\""
    }

    /// `10/Oct/2026:13:55:36 +0000`, in UTC.
    static func time(_ stamp: Timestamp) -> String {
        var seconds = time_t(stamp.seconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_mday))/\(months[Int(parts.tm_mon)])/\(parts.tm_year + 1900):"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// An unquoted field: spaces would shift every later field, so they are escaped too.
    private static func field(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: " ", with: "\\x20")
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let digits = Array("0123456789abcdef")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): result += "\\\""
            case UInt8(ascii: "\\"): result += "\\\\"
            case 0..<0x20, 0x7F...:
                result += "\\x"
                result.append(digits[Int(byte >> 4)])
                result.append(digits[Int(byte & 0x0F)])
            default: result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }
}
