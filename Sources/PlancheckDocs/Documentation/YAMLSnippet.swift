import PlancheckReport
import PlancheckRules
import PlancheckYAML

/// Writes small pieces of YAML for documentation and templates: scalars quoted only when they must be, and a
/// rule example's figures as the `indicators:` block of a submission.
public enum YAMLSnippet {
    /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted with escapes.
    public static func scalar(_ text: String, keepQuoted: Bool = false) -> String {
        keepQuoted || !isPlainSafe(text) ? quoted(text) : text
    }

    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether `text` can be written plain and still be read as this same string (and not as a number, a
    /// boolean, null, a date, or YAML syntax). Numbers are deliberately quoted so that a code stays a string.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F { return false }
        let lowered = text.lowercased()
        if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lowered) { return false }
        // Anything number-like (1, 1.5, 1e3, .5, 0x1F) or date-like is quoted.
        if let scalar = text.unicodeScalars.first, ("0"..."9").contains(scalar) || scalar == "." || scalar == "+" {
            return text.unicodeScalars.contains { !("0"..."9").contains($0) && !".eE+-_xXoOabcdefABCDEF:".unicodeScalars.contains($0) }
        }
        return true
    }

    /// A node on one line, in flow style: `5.5%`, `{value: 6%, qualifier: 以上}`.
    public static func inline(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            return scalar.kind == .string ? self.scalar(scalar.text, keepQuoted: scalar.style.isQuoted && !isPlainSafe(scalar.text))
                : scalar.text
        case .sequence(let items, _):
            return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { inline($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// A mapping of figures as block lines under `indent`, each with the indicator's names as a comment.
    public static func figureLines(_ node: YAMLNode, pack: Pack, language: Language, indent: String = "  ") -> [String] {
        guard let pairs = node.mapping else { return [indent + "# " + inline(node)] }
        let entries = pairs.map { pair -> (String, String) in
            let key = pair.key.scalar?.text ?? inline(pair.key)
            return (indent + scalar(key) + ": " + inline(pair.value), key)
        }
        let width = entries.map { DisplayWidth.of($0.0) }.max() ?? 0
        return entries.map { line, key in
            guard let indicator = pack.indicator(key) else { return line }
            let padding = String(repeating: " ", count: width - DisplayWidth.of(line) + 2)
            return line + padding + "# " + indicator.name[language]
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
