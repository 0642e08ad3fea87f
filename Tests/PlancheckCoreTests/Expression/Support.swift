import PlancheckCore
import Testing

/// The fully parenthesised prefix form of `text`'s tree, for precedence tests.
func tree(_ text: String) throws -> String {
    try Expression.parse(text).debugDescription
}

/// The error `parse` throws for `text`, or nil when it parses. Also checks the error's own invariants:
/// the span lies inside the text, its byte offsets match its columns, and `token` is the text under it.
func syntaxError(
    _ text: String,
    expecting sort: ValueSort = .either,
    limits: ExpressionLimits = .default,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> ExpressionSyntaxError? {
    do {
        _ = try Expression.parse(text, expecting: sort, limits: limits)
        return nil
    } catch {
        #expect(spanIsConsistent(error.span, in: text), "\(error.span) in \(text.count)-character text", sourceLocation: sourceLocation)
        #expect(error.token == slice(text, error.span), sourceLocation: sourceLocation)
        return error
    }
}

/// Whether `span` lies within `text` and its byte offsets are those of its column offsets.
func spanIsConsistent(_ span: ExpressionSpan, in text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard 0 <= span.startColumn, span.startColumn <= span.endColumn, span.endColumn <= scalars.count else { return false }
    func byteOffset(_ column: Int) -> Int { scalars[..<column].reduce(0) { $0 + UTF8.width($1) } }
    return span.startByte == byteOffset(span.startColumn) && span.endByte == byteOffset(span.endColumn)
}

/// The text under `span`, sliced by columns.
func slice(_ text: String, _ span: ExpressionSpan) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[span.startColumn..<span.endColumn]))
}

/// The text under `span`, sliced by bytes: must agree with `slice`.
func byteSlice(_ text: String, _ span: ExpressionSpan) -> String {
    String(decoding: Array(text.utf8)[span.startByte..<span.endByte], as: UTF8.self)
}

func span(_ startColumn: Int, _ endColumn: Int, bytes startByte: Int, _ endByte: Int) -> ExpressionSpan {
    ExpressionSpan(startColumn: startColumn, endColumn: endColumn, startByte: startByte, endByte: endByte)
}

/// A span over ASCII-only text, where columns and bytes coincide.
func span(_ start: Int, _ end: Int) -> ExpressionSpan {
    span(start, end, bytes: start, end)
}
