/// Writes front matter values that `FrontMatterParser` and any YAML reader read back as the same text.
///
/// Values that are plain words are written as they are (`KB-0007`, `Cómo cambiar su contraseña`), so
/// drafts look like hand-written articles; anything YAML could read differently (`: `, ` #`, quotes,
/// brackets, a leading indicator, `yes`/`null`, numbers, control characters) is double-quoted with
/// escapes.
public enum FrontMatterWriter {
    /// `value` as a scalar after `key: `.
    public static func scalar(_ value: String) -> String {
        isPlainSafe(value, inFlowList: false) ? value : quoted(value)
    }

    /// `values` as a one-line flow list (`[a, "b, c"]`).
    public static func flowList(_ values: [String]) -> String {
        "[" + values.map { isPlainSafe($0, inFlowList: true) ? $0 : quoted($0) }.joined(separator: ", ") + "]"
    }

    /// `value` double-quoted, with `\` and `"` escaped and control characters written as escapes.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Words YAML 1.1 readers turn into booleans or null.
    private static let specialWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]

    /// Punctuation a plain value may hold inside (never first): none of it is a YAML indicator there.
    private static let innerPunctuation: Set<Unicode.Scalar> = [".", "-", "_", "/", "(", ")", "¿", "?", "¡", "!", "'", "+", "%", "&", "="]

    private static func isPlainSafe(_ value: String, inFlowList: Bool) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        // A leading digit could read as a number, a date or `1e3`: such values are quoted.
        guard first.properties.isAlphabetic, last != " " else { return false }
        if specialWords.contains(AccentFolding.fold(value)) { return false }
        var previousSpace = false
        for scalar in scalars {
            if scalar == " " {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            previousSpace = false
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { continue }
            guard innerPunctuation.contains(scalar) else { return false }
        }
        return !(inFlowList && value.contains(" "))
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
