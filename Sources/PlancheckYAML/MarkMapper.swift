// Turns libyaml's positions into ours. libyaml counts characters (Unicode scalars) from the first character after
// a leading BOM; we need byte offsets for slicing and 1-based line/column for people. Lines are counted at LF,
// CRLF and a lone CR, exactly as `SourceFile.lineStarts` does, so a mark's line always agrees with
// `SourceFile.lineText`.
//
// Events arrive almost in document order, so the mapper keeps a cursor and walks forward from it: all the marks of
// one stream cost O(n) together. When a mark lies behind the cursor (an error's context mark, a block collection's
// end) it restarts from the start of that mark's line, found by binary search, which costs O(log n + line length).

struct MarkMapper {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineStarts: [Int]
    /// Bytes skipped before libyaml's character 0 (3 for a UTF-8 BOM, else 0).
    private let origin: Int

    /// Character index (libyaml's count) of the start of each line the cursor has reached; entry k is line k+1.
    private var lineStartIndex: [Int]

    private var index = 0
    private var offset: Int
    private var line = 1
    private var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], origin: Int) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.origin = origin
        self.offset = origin
        var starts: [Int] = []
        starts.reserveCapacity(lineStarts.count)
        starts.append(0)
        self.lineStartIndex = starts
    }

    /// The mark of libyaml's character index `target`.
    mutating func mark(forIndex target: Int) -> SourceMark {
        if target < index { rewind(to: target) }
        let count = bytes.count
        while index < target && offset < count {
            let byte = bytes[offset]
            offset += Self.width(ofLead: byte)
            if offset > count { offset = count }
            index += 1
            if byte == 0x0A || (byte == 0x0D && (offset >= count || bytes[offset] != 0x0A)) {
                line += 1
                column = 1
                lineStartIndex.append(index)
            } else {
                column += 1
            }
        }
        return SourceMark(line: line, column: column, offset: offset)
    }

    /// Moves the cursor back to the start of the line holding character `target`.
    private mutating func rewind(to target: Int) {
        // The last recorded line start that is <= target.
        var low = 0
        var high = lineStartIndex.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStartIndex[mid] <= target { low = mid } else { high = mid - 1 }
        }
        index = lineStartIndex[low]
        line = low + 1
        column = 1
        offset = low == 0 ? origin : lineStarts[low]
    }

    /// How many bytes a UTF-8 sequence starting with `lead` takes. Stray continuation bytes count as one, so a
    /// walk over damaged input still terminates and moves forward.
    @inline(__always)
    static func width(ofLead lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return lead < 0xC0 ? 1 : 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The mark of a byte offset, for positions libyaml gives in bytes (reader errors) and for trimmed spans.
    /// Independent of the cursor.
    static func mark(forOffset target: Int, bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], origin: Int) -> SourceMark {
        let target = max(0, min(target, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= target { low = mid } else { high = mid - 1 }
        }
        var position = low == 0 ? min(origin, target) : lineStarts[low]
        var column = 1
        while position < target {
            position += width(ofLead: bytes[position])
            column += 1
        }
        return SourceMark(line: low + 1, column: column, offset: target)
    }
}
