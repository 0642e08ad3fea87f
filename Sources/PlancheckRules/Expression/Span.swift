// Locations inside one expression's text.
//
// An expression usually lives inside a YAML scalar, so the caller has to map our offsets into the file to
// draw a caret. Columns alone are not enough (the YAML layer slices by byte) and bytes alone are not enough
// (a caret is drawn in columns, and units such as `万人` are three bytes per character), so every span
// carries both.

/// A half-open range `[start, end)` in an expression's text, 0-based, counted both in Unicode scalars
/// ("columns", as people count characters) and in UTF-8 bytes.
public struct ExpressionSpan: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the first scalar, in Unicode scalars from the start of the expression text.
    public var startColumn: Int
    /// Offset just past the last scalar, in Unicode scalars.
    public var endColumn: Int
    /// Offset of the first byte, in UTF-8 bytes from the start of the expression text.
    public var startByte: Int
    /// Offset just past the last byte, in UTF-8 bytes.
    public var endByte: Int

    public init(startColumn: Int, endColumn: Int, startByte: Int, endByte: Int) {
        self.startColumn = startColumn
        self.endColumn = endColumn
        self.startByte = startByte
        self.endByte = endByte
    }

    /// Number of scalars covered (the width of the caret line).
    public var columnCount: Int { endColumn - startColumn }

    /// Number of UTF-8 bytes covered.
    public var byteCount: Int { endByte - startByte }

    /// True for the empty spans used at the end of the input.
    public var isEmpty: Bool { endColumn == startColumn }

    /// The smallest span covering both `self` and `other`.
    public func merged(with other: ExpressionSpan) -> ExpressionSpan {
        ExpressionSpan(
            startColumn: Swift.min(startColumn, other.startColumn),
            endColumn: Swift.max(endColumn, other.endColumn),
            startByte: Swift.min(startByte, other.startByte),
            endByte: Swift.max(endByte, other.endByte)
        )
    }

    /// `columns 3..<5 (bytes 3..<9)`, for logs and test failures.
    public var description: String {
        "columns \(startColumn)..<\(endColumn) (bytes \(startByte)..<\(endByte))"
    }
}
