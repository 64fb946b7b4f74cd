extension Array where Element == UInt32 {
    /// Replaces everything from `start` to the end with ASCII text, without
    /// allocating when capacity allows (stemming rules only edit the end).
    mutating func replaceTail(from start: Int, with ascii: StaticString) {
        removeLast(count - start)
        ascii.withUTF8Buffer { bytes in
            for byte in bytes {
                append(UInt32(byte))
            }
        }
    }

    /// Removes everything from `start` to the end.
    mutating func truncate(to start: Int) {
        removeLast(count - start)
    }

    /// Whether the scalars just before `end` spell `ascii`.
    func hasASCII(_ ascii: StaticString, endingAt end: Int) -> Bool {
        ascii.withUTF8Buffer { bytes in
            let start = end - bytes.count
            guard start >= 0 else { return false }
            for (index, byte) in bytes.enumerated() where self[start + index] != UInt32(byte) {
                return false
            }
            return true
        }
    }
}
