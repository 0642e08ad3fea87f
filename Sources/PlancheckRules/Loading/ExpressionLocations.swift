import PlancheckYAML

/// Maps positions inside a scalar's text onto the file, so that a caret can point at one token.
enum ExpressionLocations {
    /// Where the scalar's first character is, if its text appears in the file exactly as the scalar's value
    /// (one line, and no escapes or folding that would shift columns).
    static func textOrigin(of node: YAMLNode, file: SourceFile) -> SourceMark? {
        guard let scalar = node.scalar, node.span.start.line == node.span.end.line else { return nil }
        let quote = scalar.style.isQuoted ? 1 : 0
        guard scalar.style == .plain || scalar.style.isQuoted else { return nil }
        let start = node.span.start.offset + quote
        let end = start + scalar.text.utf8.count
        guard end <= file.bytes.count, file.bytes[start..<end].elementsEqual(scalar.text.utf8) else { return nil }
        return SourceMark(line: node.span.start.line, column: node.span.start.column + quote, offset: start)
    }

    static func location(of span: ExpressionSpan, in node: YAMLNode, file: SourceFile) -> SourceLocation {
        guard let origin = textOrigin(of: node, file: file) else { return SourceLocation(file: file, span: node.span) }
        let start = SourceMark(line: origin.line, column: origin.column + span.startColumn, offset: origin.offset + span.startByte)
        let end = SourceMark(line: origin.line, column: origin.column + span.endColumn, offset: origin.offset + span.endByte)
        return SourceLocation(file: file, span: SourceSpan(start: start, end: end))
    }

    /// A range of characters (Unicode scalars) of the scalar's text, e.g. where a figure stopped making sense.
    static func location(ofCharacters range: Range<Int>, in node: YAMLNode, file: SourceFile) -> SourceLocation {
        guard let scalar = node.scalar else { return SourceLocation(file: file, span: node.span) }
        let scalars = Array(scalar.text.unicodeScalars)
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        let startByte = scalars[..<lower].reduce(0) { $0 + UTF8.width($1) }
        let endByte = startByte + scalars[lower..<upper].reduce(0) { $0 + UTF8.width($1) }
        let span = ExpressionSpan(startColumn: lower, endColumn: upper, startByte: startByte, endByte: endByte)
        return location(of: span, in: node, file: file)
    }
}
