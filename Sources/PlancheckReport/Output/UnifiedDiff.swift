import PlancheckYAML

/// A file's fixes as a unified diff (`--- a/path`, `+++ b/path`, hunks with three lines of context), which
/// `git apply` and `patch -p1` accept. Fixes keep every line where it is (`SourceFixes` applies no edit that adds
/// or removes a line break), so the changed lines are found by comparing the two texts line by line.
///
/// Lines are quoted from a submission, so a hidden character in them (an ESC sequence in a comment, a bidi
/// override) is written visibly like everywhere else (`VisibleText`): the terminal must not act on it. Such a line
/// no longer matches the file for `patch`, which is the lesser harm; `--fix` applies the same edits directly.
public enum UnifiedDiff {
    public static func text(_ fix: FileFix, displayPath: String, context: Int = 3) -> String {
        guard fix.changes else { return "" }
        let old = lines(fix.original), new = lines(fix.fixed)
        guard old.count == new.count else { return "" }
        let changed = old.indices.filter { old[$0] != new[$0] }
        // Hunks: changed lines whose context would touch or overlap are one hunk.
        var hunks: [(first: Int, last: Int)] = []
        for index in changed {
            if let previous = hunks.last, index - previous.last - 1 <= 2 * context {
                hunks[hunks.count - 1].last = index
            } else {
                hunks.append((index, index))
            }
        }
        let path = VisibleText.escape(displayPath)
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks {
            let start = max(0, hunk.first - context), end = min(old.count - 1, hunk.last + context)
            let count = end - start + 1
            let range = count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
            output += "@@ -\(range) +\(range) @@\n"
            var index = start
            while index <= end {
                if old[index] == new[index] {
                    output += " " + old[index]
                    index += 1
                    continue
                }
                // A run of changed lines: all the old ones, then all the new ones.
                var runEnd = index
                while runEnd + 1 <= end, old[runEnd + 1] != new[runEnd + 1] { runEnd += 1 }
                for line in index...runEnd { output += "-" + old[line] }
                for line in index...runEnd { output += "+" + new[line] }
                index = runEnd + 1
            }
        }
        return output
    }

    /// `bytes` cut after each line break, each piece ending in one (a last line without one gets the diff's
    /// marker), with its hidden characters made visible but its line end (LF or CRLF) kept. An empty tail after
    /// the last break is no line.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var pieces: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            let endsWithCR = index > start && bytes[index - 1] == UInt8(ascii: "\r")
            let body = String(decoding: bytes[start..<(endsWithCR ? index - 1 : index)], as: UTF8.self)
            pieces.append(VisibleText.escape(body) + (endsWithCR ? "\r\n" : "\n"))
            start = index + 1
        }
        if start < bytes.count {
            let body = VisibleText.escape(String(decoding: bytes[start...], as: UTF8.self))
            pieces.append(body + "\n\\ No newline at end of file\n")
        }
        return pieces
    }
}
