/// Terminal column widths: CJK and full-width characters take two columns, so carets under Chinese text must
/// count them twice to line up.
package enum DisplayWidth {
    package static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x09 { return 4 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if (0x0300...0x036F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFEFF { return 0 }
        if (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x1F300...0x1F64F).contains(value) || (0x20000...0x3FFFD).contains(value) {
            return 2
        }
        return 1
    }

    /// The line as it is shown: tabs expanded to four spaces, so that the caret line can use the same widths.
    static func displayLine(_ text: String) -> String {
        text.replacingTabs()
    }
}

extension String {
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        var result = ""
        for character in self { result += character == "\t" ? "    " : String(character) }
        return result
    }
}

extension DisplayWidth {
    /// Characters a line must not start with (closing punctuation stays with the text before it).
    private static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "）", "”", "’", "」", "》", "！", "？",
                                                       ",", ".", ";", ":", ")", "]", "%", "…"]

    /// `text` broken into lines of at most `width` display columns (the first line has `firstWidth`). English
    /// breaks at spaces; Chinese may break between any two characters, but never before closing punctuation.
    /// A word longer than a line is cut where it must be.
    static func wrap(_ text: String, firstWidth: Int, width: Int) -> [String] {
        var lines: [String] = []
        var current: [Character] = []
        var currentWidth = 0
        // Index in `current` where the line may be broken (the next line starts there), and whether the break
        // swallows a space.
        var breakAt: Int?
        var limit = max(firstWidth, 8)
        for character in text {
            let characterWidth = of(String(character))
            let wide = characterWidth == 2
            if character == " " {
                breakAt = current.count
            } else if wide, !current.isEmpty, !noLineStart.contains(character) {
                breakAt = current.count
            } else if let last = current.last, of(String(last)) == 2, !noLineStart.contains(character) {
                breakAt = current.count
            }
            if currentWidth + characterWidth > limit, !current.isEmpty, character != " " {
                let cut = (breakAt ?? 0) > 0 ? breakAt! : current.count
                var line = String(current[..<cut])
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
                current = Array(current[cut...].drop { $0 == " " })
                currentWidth = of(String(current))
                breakAt = nil
                limit = max(width, 8)
            }
            if character == " ", current.isEmpty, !lines.isEmpty { continue }
            current.append(character)
            currentWidth += characterWidth
        }
        lines.append(String(current))
        return lines
    }
}

extension DisplayWidth {
    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(String(character))
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }
}
