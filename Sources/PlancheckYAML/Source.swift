// Source files and positions. Every node the YAML layer produces points back into its file, so that a
// diagnostic can say `path:line:column` and underline the exact characters.

/// A file's bytes and its name, shared by every node read from it.
public final class SourceFile: Sendable {
    /// The path as the user gave it (kept relative when it was relative), used in diagnostics.
    public let path: String
    /// The raw bytes, as read: the YAML layer never changes its input.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (after LF, CRLF or a lone CR); `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // YAML's line breaks: LF, CRLF, and a CR alone (old Mac files, some exports), so that positions in a file
        // with CR-only endings are not all on line 1.
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                starts.append(index + 1)
            }
        }
        self.lineStarts = starts
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The bytes of 1-based line `line`, without its line break (`\n`, `\r\n` or `\r`).
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return bytes[start..<end]
    }

    /// The text of 1-based line `line` (invalid UTF-8 is repaired for display only).
    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }
}

/// A position in a source file.
public struct SourceMark: Sendable, Hashable, Comparable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters (Unicode scalars), not bytes, as people count them.
    public var column: Int
    /// 0-based byte offset into the file, for slicing the source.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range `[start, end)` in one source file.
public struct SourceSpan: Sendable, Hashable {
    public var start: SourceMark
    public var end: SourceMark

    public init(start: SourceMark, end: SourceMark) {
        self.start = start
        self.end = end
    }

    /// An empty span at `mark`.
    public init(at mark: SourceMark) {
        self.init(start: mark, end: mark)
    }
}

/// A span together with the file it belongs to: what a diagnostic needs to show a location.
public struct SourceLocation: Sendable {
    public var file: SourceFile
    public var span: SourceSpan

    public init(file: SourceFile, span: SourceSpan) {
        self.file = file
        self.span = span
    }

    /// `path:line:column`, the form editors and terminals make clickable.
    public var description: String { "\(file.path):\(span.start.line):\(span.start.column)" }
}
