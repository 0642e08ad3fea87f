/// Text quoted from inputs, made safe for a terminal: a submission's key, figure or comment may hold an escape
/// sequence (which would set the terminal's title or clear its screen), a NUL, a C1 control or a bidirectional
/// override (which would reorder what is shown). Each such character is written visibly as `\u{…}` instead, so
/// the reader sees that it is there and the terminal does not act on it.
package enum VisibleText {
    /// Whether `scalar` must not reach a terminal as it is. Tabs are kept (the text format expands them); line
    /// breaks only where the caller allows them.
    package static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true                       // C0 (ESC, NUL, CR, LF…), DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:   // bidirectional marks and overrides
            return true
        case 0x2028, 0x2029, 0xFEFF, 0xFFF9...0xFFFB:                    // separators, BOM, annotation controls
            return true
        default: return false
        }
    }

    /// `text` with every hidden character written as `\u{XX}`; line feeds are kept when `keepingLineBreaks`.
    package static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isHidden($0) && !(keepingLineBreaks && $0 == "\n") }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) && !(keepingLineBreaks && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
