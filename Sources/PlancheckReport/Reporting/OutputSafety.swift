import PlancheckRules

/// The promises every output keeps whatever its input, as checks: the fuzz target (`Fuzz/Targets/RenderFuzz.swift`)
/// and the tests run them over reports of hostile text. Each returns what is wrong, empty when nothing is.
package enum OutputSafety {
    /// Every broken promise of `output`, a report in `format` (rendered without colour) whose inputs quoted
    /// `hostile` somewhere.
    package static func violations(_ output: String, format: ReportFormat, hostile: [String]) -> [String] {
        var problems: [String] = []
        if let scalar = output.unicodeScalars.first(where: { VisibleText.isHidden($0) && $0 != "\n" }) {
            problems.append("raw control character U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        switch format {
        case .json, .sarif:
            if !JSONCheck.isWellFormed(output) { problems.append("JSON not well-formed") }
        case .junit:
            if let problem = XMLCheck.problem(output) { problems.append("XML: " + problem) }
        case .html, .markdown:
            // Markup quoted from an input must arrive as text: its raw form never appears. (Texts of a few
            // characters could be the report's own words, so they are not looked for.)
            let markup = format == .html ? "<&" : "<&[]`*_!"
            for text in hostile where text.count >= 6 && text.contains(where: { markup.contains($0) }) && output.contains(text) {
                problems.append("quoted text not escaped: \(text.debugDescription)")
            }
        case .concise:
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last != "" { problems.append("does not end with a line break") }
        case .text, .github:
            break
        }
        return problems
    }
}

/// A strict reader of JSON text (RFC 8259) that only says whether it is well-formed.
enum JSONCheck {
    static func isWellFormed(_ text: String) -> Bool {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipSpace()
        guard reader.value(depth: 0) else { return false }
        reader.skipSpace()
        return reader.index == reader.bytes.count
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                return false
            }
            index += expected.count
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < 512, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func container(close: UInt8, depth: Int, keyed: Bool) -> Bool {
            index += 1
            skipSpace()
            if current == close { index += 1; return true }
            while true {
                if keyed {
                    guard current == UInt8(ascii: "\""), string() else { return false }
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipSpace()
                }
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if current == close { index += 1; return true }
                guard current == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpace()
            }
        }

        mutating func string() -> Bool {
            index += 1
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return false }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = current, (0x30...0x39).contains(hex) || (0x41...0x46).contains(hex)
                                    || (0x61...0x66).contains(hex) else { return false }
                            index += 1
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        return false
                    }
                case 0x00..<0x20: return false
                default: continue
                }
            }
            return false
        }

        mutating func number() -> Bool {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                var count = 0
                while let byte = current, (0x30...0x39).contains(byte) { index += 1; count += 1 }
                return count
            }
            guard digits() > 0 else { return false }
            if current == UInt8(ascii: ".") { index += 1; guard digits() > 0 else { return false } }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return index > start
        }
    }
}

/// Whether XML as plancheck writes it (a declaration, elements with double-quoted attributes, text) is
/// well-formed: tags balance, every `&` starts a reference, no `<` in text or attribute values, only characters
/// XML 1.0 allows.
enum XMLCheck {
    static func problem(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var open: [String] = []
        var index = 0
        var rootSeen = false
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        }
        func reference(at position: Int) -> Int? {
            var end = position + 1
            while end < scalars.count, scalars[end] != ";", end - position < 12 { end += 1 }
            guard end < scalars.count, scalars[end] == ";" else { return nil }
            let name = String(String.UnicodeScalarView(scalars[(position + 1)..<end]))
            let known = ["amp", "lt", "gt", "quot", "apos"].contains(name)
            let numeric = name.hasPrefix("#") && name.count > 1
                && name.dropFirst().allSatisfy { $0.isHexDigit || $0 == "x" }
            return known || numeric ? end + 1 : nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard allowed(scalar) else { return "character U+\(String(scalar.value, radix: 16)) not allowed" }
            if scalar == "&" {
                guard let next = reference(at: index) else { return "bare & at \(index)" }
                index = next
                continue
            }
            if scalar == ">" { index += 1; continue }
            guard scalar == "<" else { index += 1; continue }
            // A tag: declaration, end tag, or start tag with attributes.
            guard let close = scalars[index...].firstIndex(of: ">") else { return "unterminated tag" }
            let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            if tag.hasPrefix("?") {
                guard tag.hasSuffix("?") else { return "bad declaration" }
            } else if tag.hasPrefix("/") {
                guard open.popLast() == String(tag.dropFirst()) else { return "unbalanced </\(tag.dropFirst())>" }
            } else {
                let selfClosing = tag.hasSuffix("/")
                let body = selfClosing ? String(tag.dropLast()) : tag
                let name = String(body.prefix { !$0.isWhitespace })
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" })
                else { return "bad element name \(name.debugDescription)" }
                // Attribute values: double-quoted, no `<` inside (a `>` inside one would have ended the tag early,
                // which the quote count then shows).
                guard body.filter({ $0 == "\"" }).count % 2 == 0, !body.contains("<") else { return "bad attributes in <\(name)>" }
                if open.isEmpty && rootSeen { return "second root element" }
                if !selfClosing { open.append(name) }
                rootSeen = true
            }
            index = close + 1
        }
        return open.isEmpty && rootSeen ? nil : "unclosed <\(open.last ?? "?")>"
    }
}
