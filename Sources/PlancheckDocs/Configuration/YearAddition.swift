import PlancheckRules
import PlancheckYAML

/// `plancheck init --year`: a data repository's `.plancheck.yml` given a `packs:` entry for a new plan year.
///
/// The file is edited as text, line by line, so that its comments, order and other settings stay as the maintainer
/// wrote them (a YAML round trip would drop every comment). Only the shapes the scaffold writes and a maintainer is
/// likely to keep are edited; any other shape is left alone and the entry is shown for adding by hand.
public enum YearAddition {
    public enum Result: Sendable, Equatable {
        /// The configuration's new text.
        case edited(String)
        /// Entry `entry` of `packs:` (from 1; 0 for the top-level `submissions`) already selects the year's
        /// folder: adding another would leave the new entry unused.
        case alreadySelected(entry: Int, globs: [String])
        /// A shape this does not edit (flow-style `packs: [...]`, not YAML at all): the lines to add by hand.
        case notEditable(entry: [String])
    }

    /// - Parameters:
    ///   - pack: the new year's pack (its plan year names the folder).
    ///   - rules: how the configuration names that pack (a folder relative to it, or a built-in id).
    ///   - currentRules: how a configuration without `packs:` names the pack it uses today (its `rules`, or the
    ///     built-in pack's id), for the entry that keeps today's submissions.
    public static func add(pack: Pack, rules: String, to file: SourceFile, currentRules: String) -> Result {
        let entry = DataRepositoryScaffold.packsEntry(pack: pack, rules: rules)
        guard let stream = try? YAMLReader.read(file, findIssues: false), let root = stream.documents.first ?? emptyRoot(file),
              root.mapping != nil || root.scalar?.kind == .null else {
            return .notEditable(entry: ["packs:"] + entry)
        }
        let probe = "\(pack.plan.year)/\(pack.plan.year).yml"
        let pairs = root.mapping ?? []
        var lines = file.bytes.isEmpty ? [] : String(decoding: file.bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }

        if let packs = pairs.first(where: { $0.key.scalar?.text == "packs" }) {
            guard let items = packs.value.sequence, let last = items.last,
                  case .sequence(_, .block) = packs.value.content else { return .notEditable(entry: entry) }
            for (index, item) in items.enumerated() {
                let globs = globs(item["submissions"])
                if globs.contains(where: { Glob($0).matches(probe) }) { return .alreadySelected(entry: index + 1, globs: globs) }
            }
            let dashLine = lines[items[0].span.start.line - 1]
            let dash = dashLine.prefix { $0 == " " }.count
            let insertAfter = endLine(of: last, in: lines, indentedBeyond: dash)
            lines.insert(contentsOf: DataRepositoryScaffold.packsEntry(pack: pack, rules: rules, indent: dash), at: insertAfter)
            return .edited(lines.joined(separator: "\n") + "\n")
        }

        // Today's top-level `rules`, `submissions` and `quotas` become the first entry; the new year the second.
        let moved = pairs.filter { ["rules", "submissions", "quotas"].contains($0.key.scalar?.text ?? "") }
        let submissions = pairs.first { $0.key.scalar?.text == "submissions" }.map { globs($0.value) }
            ?? Configuration(file: file.path, folder: ".").submissions
        if submissions.contains(where: { Glob($0).matches(probe) }) {
            return .alreadySelected(entry: 0, globs: submissions)
        }
        let rulesNow = pairs.first { $0.key.scalar?.text == "rules" }?.value.scalar?.text ?? currentRules
        let quotas = pairs.first { $0.key.scalar?.text == "quotas" }.map { globs($0.value) } ?? []
        var block = ["packs:", "  - rules: \(YAMLSnippet.scalar(rulesNow))", "    submissions:"]
        block += submissions.map { "      - \(YAMLSnippet.scalar($0))" }
        if !quotas.isEmpty { block += ["    quotas:"] + quotas.map { "      - \(YAMLSnippet.scalar($0))" } }
        block += entry
        // Removed from the bottom up, so that earlier line numbers stay right.
        var at = lines.count
        for pair in moved.sorted(by: { $0.key.span.start.line > $1.key.span.start.line }) {
            let first = pair.key.span.start.line - 1
            let end = endLine(of: pair.value, in: lines, indentedBeyond: 0)
            lines.removeSubrange(first..<max(first + 1, end))
            at = first
        }
        lines.insert(contentsOf: block, at: min(at, lines.count))
        return .edited(lines.joined(separator: "\n") + "\n")
    }

    /// A file with nothing in it reads as no document; it takes the entry like an empty mapping.
    private static func emptyRoot(_ file: SourceFile) -> YAMLNode? {
        let mark = SourceMark(line: 1, column: 1, offset: 0)
        return YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, kind: .null)), span: SourceSpan(at: mark))
    }

    /// A string or a list of strings.
    private static func globs(_ node: YAMLNode?) -> [String] {
        guard let node else { return [] }
        if let scalar = node.scalar { return scalar.kind == .null ? [] : [scalar.text] }
        return (node.sequence ?? []).compactMap { $0.scalar?.text }
    }

    /// The index of the line after `node` (0-based, exclusive): past its last scalar's line and the comment lines
    /// right after it that are indented beyond `indent` (they belong to it, as the scaffold's `# quotas:` lines do).
    private static func endLine(of node: YAMLNode, in lines: [String], indentedBeyond indent: Int) -> Int {
        var end = lastLine(node)
        while end < lines.count {
            let line = lines[end]
            let spaces = line.prefix { $0 == " " }.count
            guard line.dropFirst(spaces).hasPrefix("#"), spaces > indent else { break }
            end += 1
        }
        return end
    }

    /// The 1-based line of the last scalar in `node` (a block collection's own end mark lies on the next token).
    private static func lastLine(_ node: YAMLNode) -> Int {
        switch node.content {
        case .scalar: return node.span.end.line
        case .sequence(let items, let style):
            return style == .flow ? node.span.end.line : (items.map(lastLine).max() ?? node.span.start.line)
        case .mapping(let pairs, let style):
            return style == .flow ? node.span.end.line
                : (pairs.map { max(lastLine($0.key), lastLine($0.value)) }.max() ?? node.span.start.line)
        }
    }
}
