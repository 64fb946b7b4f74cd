/// An ordered string-keyed map for templates: keys keep their insertion order; setting an existing key keeps its place.
public struct TemplateObject: Sendable, Hashable {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    private var storage: [String: TemplateValue] = [:]

    /// An empty object.
    public init() {}

    /// An object from key–value pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, TemplateValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The value for a key, or nil; assigning nil removes the key.
    public subscript(key: String) -> TemplateValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The key–value pairs in key order.
    public var entries: [(key: String, value: TemplateValue)] {
        keys.map { ($0, storage[$0]!) }
    }
}
