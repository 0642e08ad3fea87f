/// Path globs as data repositories write them: `*` and `?` within one path component, `**` across components,
/// `[abc]` sets. Matching is on `/`-separated relative paths.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let components: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        components = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    public func matches(_ path: String) -> Bool {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        return Glob.match(components[...], parts[...])
    }

    /// Components against path parts. `**` tries every split point; the number of `**` in a pattern is small, so
    /// this stays fast in practice.
    private static func match(_ pattern: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var index = parts.startIndex
            while true {
                if match(rest, parts[index...]) { return true }
                if index == parts.endIndex { return false }
                index += 1
            }
        }
        guard let part = parts.first, component(Array(first.unicodeScalars)[...], Array(part.unicodeScalars)[...]) else {
            return false
        }
        return match(pattern.dropFirst(), parts.dropFirst())
    }

    /// One component with `*`, `?` and `[...]`, by iterative backtracking on the last `*` (linear in practice).
    private static func component(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        var starP: Int?, starT = 0
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == "*" {
                    starP = p; starT = t; p += 1; continue
                }
                if c == "?" { p += 1; t += 1; continue }
                if c == "[", let (matched, next) = set(pattern, from: p, against: text[t]) {
                    if matched { p = next; t += 1; continue }
                } else if c == text[t] {
                    p += 1; t += 1; continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// `[abc]` or `[a-z]` at `start`: whether `scalar` is in it, and where the set ends. Nil when unterminated
    /// (the `[` is then an ordinary character).
    private static func set(_ pattern: ArraySlice<Unicode.Scalar>, from start: Int,
                            against scalar: Unicode.Scalar) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" { negate = true; index += 1 }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let c = pattern[index]
            if c == "]" && !first { return (matched != negate, index + 1) }
            if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                if c.value <= scalar.value && scalar.value <= pattern[index + 2].value { matched = true }
                index += 3
            } else {
                if c == scalar { matched = true }
                index += 1
            }
            first = false
        }
        return nil
    }
}
