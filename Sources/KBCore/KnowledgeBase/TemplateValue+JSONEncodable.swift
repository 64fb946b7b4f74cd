/// A document's template data as JSON: what `--template-data` prints, and what `kb render --data` reads back into the
/// same `TemplateValue` (objects keep their keys; whole numbers print without a fraction).
extension TemplateValue: JSONEncodable {
    /// Read by people customising a template: indented.
    public static var jsonIsIndented: Bool { true }

    public func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.string(text)
        case .bool(let flag): writer.bool(flag)
        case .null: writer.null()
        case .number(let number):
            if !number.isFinite {
                writer.null()
            } else if number.rounded() == number, abs(number) < 9e15 {
                writer.int64(Int64(number))
            } else {
                writer.double(number, decimals: 9)
            }
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for (key, value) in object.entries {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
