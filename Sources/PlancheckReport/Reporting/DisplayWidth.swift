/// Terminal column widths: CJK and full-width characters take two columns, combining marks none, so carets under
/// Chinese text must count them to line up. The widths come from the Unicode Character Database
/// (`DisplayWidthTable.generated.swift`, made by `scripts/generate-display-width.py`).
package enum DisplayWidth {
    package static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x09 { return 4 }
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if contains(wideRanges, value) { return 2 }
        if contains(zeroRanges, value) { return 0 }
        return 1
    }

    /// Binary search in sorted, disjoint ranges.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
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
