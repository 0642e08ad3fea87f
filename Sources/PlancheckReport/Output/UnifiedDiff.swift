import PlancheckYAML

/// A file's fixes as a unified diff (`--- a/path`, `+++ b/path`, hunks with three lines of context), which
/// `git apply` and `patch -p1` accept. Fixes keep every line where it is (`SourceFixes` applies no edit that adds
/// or removes a line break), so the changed lines are found by comparing the two texts line by line.
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
        var output = "--- a/\(displayPath)\n+++ b/\(displayPath)\n"
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
    /// marker). An empty tail after the last break is no line.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var pieces: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            pieces.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count {
            pieces.append(String(decoding: bytes[start...], as: UTF8.self) + "\n\\ No newline at end of file\n")
        }
        return pieces
    }
}
