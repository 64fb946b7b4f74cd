import Foundation

extension TemplateValue {
    /// Converts a tree of `JSONSerialization` output or plain Swift values (String, numbers, Bool,
    /// arrays, `[String: Any]` dictionaries, optionals, `NSNull`, `TemplateValue`).
    ///
    /// Dictionary keys are sorted, since neither source keeps an order. Booleans are told apart from
    /// numbers by their NSNumber type code because on Linux `JSONSerialization` returns NSNumber for
    /// both and `as? Bool` accepts any 0 or 1. Values of other types become their description.
    public init(jsonObject: Any) {
        if type(of: jsonObject) == Bool.self, let flag = jsonObject as? Bool {
            self = .bool(flag)
            return
        }
        switch jsonObject {
        case let value as TemplateValue:
            self = value
        case let text as String:
            self = .string(text)
        case let text as Substring:
            self = .string(String(text))
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case is NSNull:
            self = .null
        case let items as [Any]:
            self = .array(items.map(TemplateValue.init(jsonObject:)))
        case let dictionary as [String: Any]:
            var object = TemplateObject()
            for key in dictionary.keys.sorted() {
                object[key] = TemplateValue(jsonObject: dictionary[key]!)
            }
            self = .object(object)
        default:
            let mirror = Mirror(reflecting: jsonObject)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value {
                    self = TemplateValue(jsonObject: wrapped)
                } else {
                    self = .null
                }
            } else {
                self = .string(String(describing: jsonObject))
            }
        }
    }

    /// Parses JSON text (any top-level value); `name` labels the error.
    public init(jsonData: Data, name: String) throws(TemplateError) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed])
        } catch {
            throw .invalidData(name: name, reason: "not valid JSON")
        }
        self.init(jsonObject: parsed)
    }

    /// An object with the dictionary's keys in sorted order.
    public init(_ dictionary: [String: TemplateValue]) {
        var object = TemplateObject()
        for key in dictionary.keys.sorted() { object[key] = dictionary[key] }
        self = .object(object)
    }

    /// A string, or null when absent.
    public init(_ text: String?) {
        self = text.map(TemplateValue.string) ?? .null
    }

    /// A number, or null when absent.
    public init(_ number: Int?) {
        self = number.map { .number(Double($0)) } ?? .null
    }

    /// A number, or null when absent.
    public init(_ number: Double?) {
        self = number.map(TemplateValue.number) ?? .null
    }

    /// A boolean, or null when absent.
    public init(_ flag: Bool?) {
        self = flag.map(TemplateValue.bool) ?? .null
    }
}
