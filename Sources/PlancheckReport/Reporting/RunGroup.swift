import PlancheckRules

/// How a run names itself in a report that holds several runs: a repository whose `2025/*.yml` are checked against
/// one pack and `2026/*.yml` against another writes both runs into one document, each part headed by its group.
extension ReportContext {
    /// "2025年 · 沈阳市2025年…规则包（shenyang-2025）· 2025/*.yml": the plan year, the pack's title and id, and the
    /// globs of the group, in the report's language. Quoted from inputs, so formats escape it as they escape text.
    public var runHeading: String {
        var arguments: [String: MessageArgument] = [
            "year": .number(pack.plan.year), "title": .text(pack.title[language]), "pack": .text(pack.id)]
        guard let globs = selectionText else {
            return Message(.runHeadingAllFiles, arguments).rendered(in: language, vocabulary: vocabulary)
        }
        arguments["selection"] = .text(globs)
        return Message(.runHeading, arguments).rendered(in: language, vocabulary: vocabulary)
    }

    /// A run's line of counts, named by its group, where a format has no headings (`concise`).
    public func runCounts(_ counts: String) -> String {
        var arguments: [String: MessageArgument] = [
            "year": .number(pack.plan.year), "pack": .text(pack.id), "counts": .text(counts)]
        guard let globs = selectionText else {
            return Message(.runCountsAllFiles, arguments).rendered(in: language, vocabulary: vocabulary)
        }
        arguments["selection"] = .text(globs)
        return Message(.runCounts, arguments).rendered(in: language, vocabulary: vocabulary)
    }

    /// The globs as one text (`2025/*.yml, 2025/extra/*.yml`); nil for a run that names none.
    public var selectionText: String? { selection.isEmpty ? nil : selection.joined(separator: ", ") }

    /// A short name of the group for identifiers (SARIF's `automationDetails`, JUnit's suite names): the folder the
    /// globs share (`2025` for `2025/*.yml`), else the globs themselves, else the pack's id.
    public var groupName: String {
        let folders = selection.map { glob -> [Substring] in
            let parts = glob.split(separator: "/", omittingEmptySubsequences: true)
            let literal = parts.dropLast().prefix { !$0.contains(where: { "*?[{".contains($0) }) }
            return Array(literal.filter { $0 != "." })
        }
        if var shared = folders.first {
            for other in folders.dropFirst() {
                shared = Array(zip(shared, other).prefix { $0.0 == $0.1 }.map(\.0))
            }
            if !shared.isEmpty { return shared.joined(separator: "/") }
        }
        return selectionText ?? pack.id
    }

    /// Each run's group name, made unique within a document: groups that share a folder (`2025/a*.yml`,
    /// `2025/b*.yml`) are named by their globs instead, and any name left twice is numbered.
    public static func groupNames(_ contexts: [ReportContext]) -> [String] {
        let folders = contexts.map(\.groupName)
        var names = contexts.enumerated().map { index, context in
            folders.filter { $0 == folders[index] }.count > 1 ? (context.selectionText ?? context.pack.id) : folders[index]
        }
        var seen: [String: Int] = [:]
        for index in names.indices {
            seen[names[index], default: 0] += 1
            if let count = seen[names[index]], count > 1 { names[index] += " (\(count))" }
        }
        return names
    }
}
