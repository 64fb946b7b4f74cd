/// Media types kb answers with, and content negotiation over the `Accept` header (RFC 9110 §12.5.1).
public enum MediaType {
    public static let json = "application/json; charset=utf-8"
    public static let problemJSON = "application/problem+json; charset=utf-8"
    public static let html = "text/html; charset=utf-8"
    public static let plainText = "text/plain; charset=utf-8"
    /// CommonMark with GitHub's extensions (RFC 7763), as kb writes its Markdown documents.
    public static let markdown = "text/markdown; charset=utf-8; variant=GFM"
    /// Prometheus' text exposition format, version 0.0.4.
    public static let prometheus = "text/plain; version=0.0.4; charset=utf-8"

    /// The type without parameters, lower-cased: `application/json; charset=utf-8` is `application/json`.
    public static func essence(of value: String) -> String {
        let head = value.split(separator: ";", maxSplits: 1).first ?? ""
        return head.trimmingSpaces.lowercased()
    }

    /// One range of an `Accept` header with its quality.
    public struct Range: Equatable, Sendable {
        public let type: String
        public let subtype: String
        public let quality: Double

        /// Whether the range covers `essence` (`type/subtype`); more specific ranges score higher.
        func specificity(for essence: String) -> Int? {
            let parts = essence.split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            if type == "*" && subtype == "*" { return 0 }
            guard type == parts[0] else { return nil }
            if subtype == "*" { return 1 }
            return subtype == parts[1] ? 2 : nil
        }
    }

    /// The ranges of an `Accept` header in the order given; malformed members are skipped.
    public static func ranges(accept header: String) -> [Range] {
        var result: [Range] = []
        for member in header.split(separator: ",") {
            let pieces = member.split(separator: ";")
            guard let head = pieces.first else { continue }
            let typeParts = head.trimmingSpaces.lowercased().split(separator: "/", maxSplits: 1)
            guard typeParts.count == 2, !typeParts[0].isEmpty, !typeParts[1].isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]), (0...1).contains(value) {
                    quality = value
                }
            }
            result.append(Range(type: String(typeParts[0]), subtype: String(typeParts[1]), quality: quality))
        }
        return result
    }

    /// Which of `offered` (essences such as `application/json`, in the server's order of preference) the client
    /// prefers: the highest quality of the most specific range covering each; ties go to the server's order.
    /// No `Accept` header accepts anything (the first offer); nil when the client accepts none of them.
    public static func negotiate(accept header: String?, offered: [String]) -> String? {
        guard let header, !header.trimmingSpaces.isEmpty else { return offered.first }
        let ranges = ranges(accept: header)
        if ranges.isEmpty { return offered.first }
        var best: (essence: String, quality: Double)?
        for essence in offered {
            var matched: (specificity: Int, quality: Double)?
            for range in ranges {
                guard let specificity = range.specificity(for: essence) else { continue }
                if matched == nil || specificity > matched!.specificity { matched = (specificity, range.quality) }
            }
            guard let quality = matched?.quality, quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (essence, quality) }
        }
        return best?.essence
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (header whitespace, RFC 9110 §5.6.3).
    var trimmingSpaces: Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
