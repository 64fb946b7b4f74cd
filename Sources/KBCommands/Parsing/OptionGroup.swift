/// Options declared once and shared by several commands (`PeriodOptions`, `FormatOptions`…), included with
/// `@OptionGroup var period: PeriodOptions`; the group's `validate()` runs before the command's.
@propertyWrapper
struct OptionGroup<Group: ParsableArguments>: ArgumentSlot {
    let wrappedValue: Group

    init() {
        wrappedValue = Group()
    }

    func declarations(label: String) -> [ArgumentDeclaration] {
        wrappedValue.declarations
    }

    func decode(_ parsed: ParsedArguments, label: String, positionals: inout ArraySlice<String>) throws {
        try wrappedValue.decode(parsed, positionals: &positionals)
        try wrappedValue.validate()
    }
}
