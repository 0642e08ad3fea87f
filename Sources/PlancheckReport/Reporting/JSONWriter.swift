/// A small JSON tree with ordered keys, written by hand: reports keep a stable key order (so goldens and diffs are
/// readable), and writing is a single pass over the tree without Foundation's encoder.
package enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The value of an object's member, if this is an object that has it.
    func member(_ name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }

    /// An optional string: `null` when absent.
    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// The JSON text, indented by two spaces per level, with a final newline.
    func serialized() -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    /// The JSON text as it stands `indent` levels deep in an enclosing document, without a final newline.
    func serialized(indent: Int) -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    /// Writes a document's members one by one, so that a large array member can be written item by item between
    /// them: the text is the same as `serialized()` of the whole object. An object `depth` levels deep in an
    /// enclosing document (a report within a set of reports) is written as `serialized(indent: depth)` would.
    struct ObjectStream {
        private var members = 0
        private var items = 0
        /// How deep the object stands: 0 for a document of its own.
        let depth: Int

        init(depth: Int = 0) {
            self.depth = depth
        }

        /// The indentation of an item of an array member, for `item(serialized:)`.
        var itemDepth: Int { depth + 2 }

        /// `"name": value` as the next member.
        mutating func member(_ name: String, _ value: JSONValue) -> String {
            var output = separator()
            JSONValue.writeString(name, to: &output)
            output += ": " + value.serialized(indent: depth + 1)
            return output
        }

        /// Opens an array member whose items follow with `item`.
        mutating func openArray(_ name: String) -> String {
            var output = separator()
            JSONValue.writeString(name, to: &output)
            items = 0
            return output + ": ["
        }

        /// The next item of the open array, already serialized at its depth (`serialized(indent: itemDepth)`).
        mutating func item(serialized: String) -> String {
            defer { items += 1 }
            return (items == 0 ? "\n" : ",\n") + Self.indentation(itemDepth) + serialized
        }

        mutating func closeArray() -> String { items == 0 ? "]" : "\n" + Self.indentation(depth + 1) + "]" }

        /// Ends the object: a document of its own with its final newline, a nested one without.
        mutating func close() -> String {
            if depth > 0 { return members == 0 ? "{}" : "\n" + Self.indentation(depth) + "}" }
            return members == 0 ? "{}\n" : "\n}\n"
        }

        private mutating func separator() -> String {
            defer { members += 1 }
            return (members == 0 ? "{\n" : ",\n") + Self.indentation(depth + 1)
        }

        private static func indentation(_ depth: Int) -> String { String(repeating: "  ", count: depth) }
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                item.write(to: &output, indent: indent + 1)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                JSONValue.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 1)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// RFC 8259 escaping: the quote, the backslash and every control character; everything else stays UTF-8.
    /// U+2028 and U+2029 are escaped too, so the output can also be pasted into JavaScript.
    package static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || VisibleText.isHidden(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
