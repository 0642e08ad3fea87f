import PlancheckReport

/// A JSON value written by hand: object keys keep the order they were added in, so generated schemas are
/// byte-for-byte reproducible (a committed copy can be compared with a fresh one).
public indirect enum SchemaJSON: Sendable, Equatable {
    case object([(String, SchemaJSON)])
    case array([SchemaJSON])
    case string(String)
    case integer(Int)
    /// A non-integer number, as JSON number text (the caller guarantees the syntax, e.g. `5.5`, `-2.5e3`).
    case number(String)
    case bool(Bool)
    case null

    public static func == (lhs: SchemaJSON, rhs: SchemaJSON) -> Bool { lhs.rendered() == rhs.rendered() }

    /// Pretty-printed with two-space indentation and a final newline; short arrays of scalars stay on one line.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += inner + Self.quote(member.0) + ": "
                member.1.write(into: &out, indent: inner)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar), items.count <= 8 {
                out += "[" + items.map { $0.rendered().dropLast() }.joined(separator: ", ") + "]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .string(let text): out += Self.quote(text)
        case .integer(let number): out += String(number)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped; everything else,
    /// Chinese included, written as UTF-8.
    public static func quote(_ text: String) -> String {
        var result = ""
        JSONValue.writeString(text, to: &result)
        return result
    }
}
