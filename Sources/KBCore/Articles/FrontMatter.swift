/// The parsed `---` block at the top of an article: keys in file order, each with its line.
public struct FrontMatter: Sendable, Equatable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: Value
        /// 1-based line of the key in the file.
        public var line: Int

        public init(key: String, value: Value, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// One element of a list, with its own line so lint can point at a single ticket link.
    public struct Item: Sendable, Equatable {
        public var value: String
        /// 1-based line of the item in the file (the key's line for `[a, b]` lists).
        public var line: Int

        public init(value: String, line: Int) {
            self.value = value
            self.line = line
        }
    }

    /// The value of a key in the YAML subset articles use.
    public enum Value: Sendable, Equatable {
        /// No value (`key:` with nothing after it, `~` or `null`).
        case null
        case scalar(String)
        case list([Item])

        /// The text of a scalar; nil for null and lists.
        public var scalar: String? {
            if case .scalar(let text) = self { return text }
            return nil
        }

        /// The items of a list; a scalar counts as a one-item list and null as an empty one,
        /// so `tags: login` and `tags:` read as writers mean them.
        public func items(line: Int) -> [Item] {
            switch self {
            case .null: []
            case .scalar(let text): [Item(value: text, line: line)]
            case .list(let items): items
            }
        }
    }

    public var entries: [Entry]
    /// 1-based line of the closing `---`; the body starts on the next line.
    public var closingLine: Int

    public init(entries: [Entry], closingLine: Int) {
        self.entries = entries
        self.closingLine = closingLine
    }

    /// The entry for `key`, if present.
    public subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}
