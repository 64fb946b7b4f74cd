/// Where a property wrapper keeps its decoded value.
///
/// A reference, so the parser can fill the wrappers it finds by reflection in a command value (and in its option
/// groups) without writable key paths; each command value gets fresh boxes from its `init()`.
final class ArgumentBox<Value> {
    var value: Value?

    init(_ value: Value? = nil) {
        self.value = value
    }

    /// The decoded value; reading it before the command is decoded is a programming error.
    var decoded: Value {
        guard let value else { preconditionFailure("an argument was read before the command line was decoded") }
        return value
    }
}
