import PlancheckYAML

extension Diagnostic.Edit {
    /// An edit that makes the scalar `node` read `replacement`, touching only the characters of its text: the
    /// quotes of a quoted scalar stay, so do comments and everything around it.
    ///
    /// Nil when that cannot be done with certainty: the text as written differs from what it means (escapes, a
    /// folded line, a block scalar, an alias), or `replacement` could not be written in the scalar's style without
    /// changing how the line parses. A fix that is not certain is left to the officer.
    package static func scalarText(_ node: YAMLNode, in file: SourceFile, to replacement: String) -> Diagnostic.Edit? {
        guard let scalar = node.scalar, !node.isAliasExpansion, node.tag == nil,
              node.span.start.line == node.span.end.line, replacement != scalar.text else { return nil }
        let written = file.bytes[node.span.start.offset..<min(node.span.end.offset, file.bytes.count)]
        let text = Array(scalar.text.utf8)
        let quote: UInt8?
        switch scalar.style {
        case .plain:
            guard Array(written) == text, isSafePlain(replacement) else { return nil }
            quote = nil
        case .doubleQuoted:
            quote = UInt8(ascii: "\"")
            guard !text.contains(UInt8(ascii: "\\")), !replacement.contains("\\"), !replacement.contains("\"") else {
                return nil
            }
        case .singleQuoted:
            quote = UInt8(ascii: "'")
            guard !replacement.contains("'") else { return nil }
        case .literal, .folded:
            return nil
        }
        var span = node.span
        if let quote {
            // Only when the quotes hold exactly the text: no escape, no doubled quote, nothing folded.
            guard written.count == text.count + 2, written.first == quote, written.last == quote,
                  Array(written.dropFirst().dropLast()) == text,
                  !replacement.unicodeScalars.contains(where: isControl) else { return nil }
            span.start = SourceMark(line: span.start.line, column: span.start.column + 1, offset: span.start.offset + 1)
            span.end = SourceMark(line: span.end.line, column: span.end.column - 1, offset: span.end.offset - 1)
        }
        return Diagnostic.Edit(replacing: SourceLocation(file: file, span: span), with: replacement)
    }

    /// Whether `text` reads back as the same string when written as a plain scalar in a block mapping's value or
    /// key: no indicator at its start, nothing that starts a comment or a mapping inside, no surrounding space.
    /// Conservative: what it refuses is simply not fixed.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "[]{},#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return false
        }
        if ["-", "?", ":"].contains(String(first)), text.count == 1 || text.dropFirst().first == " " { return false }
        if text.contains(": ") || text.contains(" #") || text.unicodeScalars.contains(where: isControl) { return false }
        return true
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || scalar.value == 0xFEFF
    }
}
