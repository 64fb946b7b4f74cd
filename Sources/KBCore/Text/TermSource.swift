/// Splits UTF-8 text into index terms, calling `emit(term, startByte, endByte)` until it returns false.
public typealias TermSource = @Sendable (
    _ text: UnsafeBufferPointer<UInt8>,
    _ emit: (_ term: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool
) -> Void
