// YAML 1.2 core-schema resolution of plain scalars. This runs once per scalar, so it scans the UTF-8 bytes by
// hand: a regular expression costs ~1 µs a call, this a few nanoseconds.

enum ScalarResolver {
    /// The core-schema kind of a plain, untagged scalar.
    static func kind(of text: UnsafeBufferPointer<UInt8>) -> ScalarKind {
        let n = text.count
        if n == 0 { return .null }
        let first = text[0]
        // Every non-string form starts with one of `~ n N t T f F . + -` or a digit: reject the rest at once.
        switch first {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOneOf(text, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOneOf(text, "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOneOf(text, "false", "False", "FALSE") ? .bool : .string
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number(text)
        default:
            return .string
        }
    }

    /// The kind a scalar gets from an explicit tag, or nil when the tag is not one the core schema knows (then the
    /// caller treats the scalar as a string). A core tag is honoured only when the text is valid for it, so a
    /// consumer that trusts `.int` can always parse the text; `!!int abc` therefore stays a tagged string.
    static func kind(of text: UnsafeBufferPointer<UInt8>, tag: String) -> ScalarKind {
        let prefix = "tag:yaml.org,2002:"
        guard tag.hasPrefix(prefix) else { return .string }
        let plain = kind(of: text)
        switch tag.utf8.dropFirst(prefix.utf8.count).count {
        case 3 where tag.hasSuffix(":str"): return .string
        case 3 where tag.hasSuffix(":int"): return plain == .int ? .int : .string
        case 4 where tag.hasSuffix(":null"): return plain == .null ? .null : .string
        case 4 where tag.hasSuffix(":bool"): return plain == .bool ? .bool : .string
        case 5 where tag.hasSuffix(":float"): return plain == .float || plain == .int ? .float : .string
        default: return .string
        }
    }

    @inline(__always)
    private static func isOneOf(_ text: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString,
                                _ c: StaticString) -> Bool {
        equals(text, a) || equals(text, b) || equals(text, c)
    }

    @inline(__always)
    static func equals(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard text.count == count else { return false }
        let p = literal.utf8Start
        for i in 0..<count where text[i] != p[i] { return false }
        return true
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// int, float or string for text starting with a digit, a sign or a dot.
    private static func number(_ t: UnsafeBufferPointer<UInt8>) -> ScalarKind {
        let n = t.count
        // 0o… and 0x… take no sign in the core schema.
        if n > 2 && t[0] == UInt8(ascii: "0") {
            if t[1] == UInt8(ascii: "o") {
                for i in 2..<n where t[i] &- UInt8(ascii: "0") >= 8 { return .string }
                return .int
            }
            if t[1] == UInt8(ascii: "x") {
                for i in 2..<n where !isHexDigit(t[i]) { return .string }
                return .int
            }
        }
        var i = 0
        if t[0] == UInt8(ascii: "+") || t[0] == UInt8(ascii: "-") { i = 1 }
        guard i < n else { return .string }

        if t[i] == UInt8(ascii: ".") {
            let rest = n - i - 1
            if rest == 3 {
                let a = t[i + 1], b = t[i + 2], c = t[i + 3]
                // .inf .Inf .INF may carry a sign; .nan .NaN .NAN may not.
                if (a == UInt8(ascii: "i") && b == UInt8(ascii: "n") && c == UInt8(ascii: "f"))
                    || (a == UInt8(ascii: "I") && b == UInt8(ascii: "n") && c == UInt8(ascii: "f"))
                    || (a == UInt8(ascii: "I") && b == UInt8(ascii: "N") && c == UInt8(ascii: "F")) {
                    return .float
                }
                if i == 0 && ((a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n"))
                    || (a == UInt8(ascii: "N") && b == UInt8(ascii: "a") && c == UInt8(ascii: "N"))
                    || (a == UInt8(ascii: "N") && b == UInt8(ascii: "A") && c == UInt8(ascii: "N"))) {
                    return .float
                }
            }
            // \.[0-9]+ then an optional exponent.
            i += 1
            let digitsStart = i
            while i < n && isDigit(t[i]) { i += 1 }
            if i == digitsStart { return .string }
            return exponent(t, from: i) ? .float : .string
        }

        let digitsStart = i
        while i < n && isDigit(t[i]) { i += 1 }
        if i == digitsStart { return .string }
        if i == n { return .int }
        if t[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && isDigit(t[i]) { i += 1 }
        }
        return exponent(t, from: i) ? .float : .string
    }

    /// True when `t[i...]` is empty or a complete `[eE][-+]?[0-9]+`.
    private static func exponent(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = t.count
        var i = start
        if i == n { return true }
        guard t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < n && (t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-")) { i += 1 }
        let digitsStart = i
        while i < n && isDigit(t[i]) { i += 1 }
        return i > digitsStart && i == n
    }
}

extension ScalarKind {
    /// The core-schema kind of `text` read as a plain, untagged scalar (what `YAMLReader` does for such scalars).
    public init(resolvingPlain text: String) {
        var text = text
        self = text.withUTF8 { ScalarResolver.kind(of: $0) }
    }
}

extension YAMLScalar {
    /// The value of a `.bool` scalar; nil for any other kind.
    public var boolValue: Bool? {
        guard kind == .bool else { return nil }
        return text.utf8.first.map { $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "T") }
    }

    /// The value of an `.int` scalar (decimal, `0o` octal or `0x` hex); nil for other kinds or when it does not
    /// fit in `Int`.
    public var intValue: Int? {
        guard kind == .int else { return nil }
        return ScalarResolver.integer(text)
    }

    /// The value of a `.float` or `.int` scalar as a `Double` (`.inf`, `-.inf` and `.nan` included); nil for other
    /// kinds. Integers beyond 2^53 lose precision, as any Double does.
    public var doubleValue: Double? {
        switch kind {
        case .int:
            if let value = ScalarResolver.integer(text) { return Double(value) }
            return Double(text)
        case .float:
            let lower = String(text.lowercased())
            switch lower {
            case ".inf", "+.inf": return .infinity
            case "-.inf": return -.infinity
            case ".nan": return .nan
            default: return Double(text)
            }
        default:
            return nil
        }
    }
}

extension ScalarResolver {
    /// Decimal (signed), `0o` or `0x` integer text to `Int`, nil on overflow or bad text.
    static func integer(_ text: String) -> Int? {
        var utf8 = Array(text.utf8)
        if utf8.count > 2 && utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "o") { return Int(String(decoding: utf8[2...], as: UTF8.self), radix: 8) }
            if utf8[1] == UInt8(ascii: "x") { return Int(String(decoding: utf8[2...], as: UTF8.self), radix: 16) }
        }
        if utf8.first == UInt8(ascii: "+") { utf8.removeFirst() }
        return Int(String(decoding: utf8, as: UTF8.self), radix: 10)
    }
}
