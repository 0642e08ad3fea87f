// YAML 1.1 ambiguity lints. Many tools (PyYAML, Ruby's Psych, older Go yaml, libyaml-based loaders) still read
// plain scalars by YAML 1.1 rules, so `no`, `010` or `12:30` mean something else to them than to us. We read by
// YAML 1.2 and flag each plain scalar whose 1.1 reading differs, with that reading, so an author can quote it.
// Only plain, untagged scalars are checked: quoting or tagging is exactly how an author settles the question.

enum YAML11Lint {
    /// The lint for a plain scalar, if any: which kind, and what a YAML 1.1 reader makes of the text.
    static func check(_ t: UnsafeBufferPointer<UInt8>) -> (kind: YAMLIssue.Kind, reading: String)? {
        let n = t.count
        guard n > 0, n <= 64 else { return nil }
        let first = t[0]
        if n <= 3, let reading = boolean(t) { return (.yaml11Boolean, reading) }
        guard ScalarResolver.isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".") else { return nil }
        return number(t)
    }

    /// y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF.
    private static func boolean(_ t: UnsafeBufferPointer<UInt8>) -> String? {
        func any(_ forms: StaticString...) -> Bool { forms.contains { ScalarResolver.equals(t, $0) } }
        switch t[0] {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return any("y", "Y", "yes", "Yes", "YES") ? "true" : nil
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return any("n", "N", "no", "No", "NO") ? "false" : nil
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if any("on", "On", "ON") { return "true" }
            return any("off", "Off", "OFF") ? "false" : nil
        default:
            return nil
        }
    }

    private static func number(_ t: UnsafeBufferPointer<UInt8>) -> (kind: YAMLIssue.Kind, reading: String)? {
        let n = t.count
        var i = 0
        var negative = false
        if t[0] == UInt8(ascii: "+") || t[0] == UInt8(ascii: "-") {
            negative = t[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return nil }
        let sign = negative ? "-" : ""
        let body = UnsafeBufferPointer(rebasing: t[i...])
        var hasUnderscore = false
        var hasColon = false
        var hasDot = false
        for b in body {
            if b == UInt8(ascii: "_") { hasUnderscore = true }
            else if b == UInt8(ascii: ":") { hasColon = true }
            else if b == UInt8(ascii: ".") { hasDot = true }
        }

        if hasColon {
            guard let reading = sexagesimal(body) else { return nil }
            return (.yaml11Sexagesimal, sign + reading)
        }
        if body.count >= 3 && body[0] == UInt8(ascii: "0") && body[1] == UInt8(ascii: "b") {
            guard let value = radixValue(UnsafeBufferPointer(rebasing: body[2...]), radix: 2) else { return nil }
            return (.yaml11Binary, sign + value)
        }
        if body.count >= 3 && body[0] == UInt8(ascii: "0") && body[1] == UInt8(ascii: "x") {
            // Plain hex already means the same in both versions; only underscores (and a sign) make 1.1 differ.
            guard hasUnderscore || i == 1,
                  let value = radixValue(UnsafeBufferPointer(rebasing: body[2...]), radix: 16) else { return nil }
            return (.yaml11DigitGrouping, sign + value)
        }
        if body.count >= 2 && body[0] == UInt8(ascii: "0") && !hasDot {
            // 1.1 octal: 0[0-7_]+. It only matters when the value differs from the 1.2 reading (decimal, or a
            // string when underscores are present): `07` means 7 either way, `010` is 8 in 1.1 and 10 in 1.2.
            var value: UInt64 = 0
            var digits = 0
            var decimalSame = true
            for b in body.dropFirst() {
                if b == UInt8(ascii: "_") { continue }
                let d = b &- UInt8(ascii: "0")
                guard d < 8 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 8)
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                guard !o1, !o2 else { return nil }
                value = s
                digits += 1
                if value >= 8 { decimalSame = false }
            }
            guard digits > 0, hasUnderscore || !decimalSame else { return nil }
            return (.yaml11Octal, sign + String(value))
        }
        if hasUnderscore {
            return grouped(body).map { (.yaml11DigitGrouping, sign + $0) }
        }
        return nil
    }

    /// 1.1 base 60: `[1-9][0-9_]*(:[0-5]?[0-9])+` (int) or `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*` (float).
    private static func sexagesimal(_ t: UnsafeBufferPointer<UInt8>) -> String? {
        let n = t.count
        var i = 0
        var value: UInt64 = 0
        guard ScalarResolver.isDigit(t[0]) else { return nil }
        let leadingZero = t[0] == UInt8(ascii: "0")
        while i < n && (ScalarResolver.isDigit(t[i]) || t[i] == UInt8(ascii: "_")) {
            if t[i] != UInt8(ascii: "_") {
                guard let next = muladd(value, 10, UInt64(t[i] - UInt8(ascii: "0"))) else { return nil }
                value = next
            }
            i += 1
        }
        var groups = 0
        while i < n && t[i] == UInt8(ascii: ":") {
            i += 1
            var digits = 0
            var group: UInt64 = 0
            while i < n && ScalarResolver.isDigit(t[i]) && digits < 2 {
                group = group * 10 + UInt64(t[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            guard digits > 0, group < 60 else { return nil }
            guard let next = muladd(value, 60, group) else { return nil }
            value = next
            groups += 1
        }
        guard groups > 0 else { return nil }
        if i == n { return leadingZero ? nil : String(value) }
        guard t[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        var fraction = ""
        while i < n {
            let b = t[i]
            if ScalarResolver.isDigit(b) { fraction.unicodeScalars.append(Unicode.Scalar(b)) }
            else if b != UInt8(ascii: "_") { return nil }
            i += 1
        }
        return String(value) + "." + (fraction.isEmpty ? "0" : fraction)
    }

    /// 1.1 decimal int `[1-9][0-9_]*` or float `[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?` written with `_`: the
    /// reading is the same digits without the underscores.
    private static func grouped(_ t: UnsafeBufferPointer<UInt8>) -> String? {
        let n = t.count
        var out = ""
        var i = 0
        guard ScalarResolver.isDigit(t[0]) || t[0] == UInt8(ascii: ".") else { return nil }
        var sawDot = false
        var sawDigit = false
        while i < n {
            let b = t[i]
            if ScalarResolver.isDigit(b) { out.unicodeScalars.append(Unicode.Scalar(b)); sawDigit = true }
            else if b == UInt8(ascii: "_") { guard sawDigit || sawDot else { return nil } }
            else if b == UInt8(ascii: ".") && !sawDot { sawDot = true; out.append(".") }
            else { break }
            i += 1
        }
        guard sawDigit else { return nil }
        if !sawDot && t[0] == UInt8(ascii: "0") { return nil }
        if i < n {
            // An exponent, 1.1 style: [eE][-+][0-9]+ (the sign is required in 1.1).
            guard sawDot, i + 2 < n, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E"),
                  t[i + 1] == UInt8(ascii: "+") || t[i + 1] == UInt8(ascii: "-") else { return nil }
            out.append("e")
            out.unicodeScalars.append(Unicode.Scalar(t[i + 1]))
            for j in (i + 2)..<n {
                guard ScalarResolver.isDigit(t[j]) else { return nil }
                out.unicodeScalars.append(Unicode.Scalar(t[j]))
            }
        }
        return out
    }

    private static func radixValue(_ t: UnsafeBufferPointer<UInt8>, radix: UInt64) -> String? {
        var value: UInt64 = 0
        var digits = 0
        for b in t {
            if b == UInt8(ascii: "_") { continue }
            let d: UInt64
            if ScalarResolver.isDigit(b) { d = UInt64(b - UInt8(ascii: "0")) }
            else if ScalarResolver.isHexDigit(b) { d = UInt64((b | 0x20) - UInt8(ascii: "a") + 10) }
            else { return nil }
            guard d < radix, let next = muladd(value, radix, d) else { return nil }
            value = next
            digits += 1
        }
        return digits > 0 ? String(value) : nil
    }

    @inline(__always)
    private static func muladd(_ value: UInt64, _ factor: UInt64, _ add: UInt64) -> UInt64? {
        let (m, o1) = value.multipliedReportingOverflow(by: factor)
        let (s, o2) = m.addingReportingOverflow(add)
        return o1 || o2 ? nil : s
    }
}
