import PlancheckSystem

/// Turns the paths a user gives into the list of YAML files to check: directories are walked (hidden and build
/// folders skipped, symlink loops cut), files are taken as given, and what does not exist is reported.
public enum InputCollection {
    public static let skippedFolders: Set<String> = [".build", "node_modules", ".git", ".svn", ".hg"]

    public static func collect(_ paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        var visited: Set<String> = []
        for path in paths {
            if InputFiles.isDirectory(path) {
                let before = files.count
                walk(path, into: &files, visited: &visited)
                if files.count == before {
                    // A folder the user named that yields nothing (renamed files, `.YML`, the wrong folder) must
                    // not pass as "0 files, no findings": a CI gate would then succeed without checking anything.
                    problems.append(Diagnostic(.fileUnreadable, .error, Message(.noYAMLFiles, ["path": .text(path)]), file: path))
                }
            } else if InputFiles.exists(path) {
                files.append(path)
            } else {
                let sink = DiagnosticSink()
                sink.report(readError: .notFound(path))
                problems += sink.diagnostics
            }
        }
        var seen: Set<String> = []
        files = files.filter { seen.insert($0).inserted }
        return (files, problems)
    }

    /// The submission files a configuration names: every file under its folder matching one of `submissions` and
    /// none of `exclude` (globs relative to the configuration's folder), in sorted order — of every pack's
    /// submissions when it lists several (`packs:`).
    public static func collect(_ configuration: Configuration) -> [String] {
        collectGroups(configuration).all
    }

    /// A file two `packs:` entries select: it belongs to the first (entries are numbered from 1).
    public struct Overlap: Sendable, Equatable {
        public var file: String
        public var first: Int
        public var second: Int

        public init(file: String, first: Int, second: Int) {
            self.file = file
            self.first = first
            self.second = second
        }
    }

    /// The submission files of each of the configuration's groups (`groups`, in order), each list sorted. A file
    /// goes to the first group that selects it; the later ones that also do are told in `overlaps`.
    /// A configuration's submissions by group.
    public struct Groups: Sendable {
        /// Each group's files, in the order of `Configuration.groups`.
        public var files: [[String]]
        /// Every selected file, in the walk's order.
        public var all: [String]
        public var overlaps: [Overlap]
    }

    public static func collectGroups(_ configuration: Configuration) -> Groups {
        var files: [String] = []
        var visited: Set<String> = []
        walk(configuration.folder, into: &files, visited: &visited, extensions: [])
        let groups = configuration.groups.map { $0.submissions.map(Glob.init) }
        let exclude = configuration.exclude.map(Glob.init)
        let prefix = configuration.folder == "." ? "" : configuration.folder + "/"
        var result = Array(repeating: [String](), count: groups.count)
        var overlaps: [Overlap] = []
        var all: [String] = []
        for path in files {
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            if relative == Configuration.fileName || exclude.contains(where: { $0.matches(relative) }) { continue }
            let matching = groups.indices.filter { index in groups[index].contains { $0.matches(relative) } }
            guard let first = matching.first else { continue }
            result[first].append(path)
            all.append(path)
            overlaps += matching.dropFirst().map { Overlap(file: path, first: first + 1, second: $0 + 1) }
        }
        return Groups(files: result, all: all, overlaps: overlaps)
    }

    private static func walk(_ folder: String, into files: inout [String], visited: inout Set<String>,
                             extensions: [String] = [".yml", ".yaml"]) {
        guard let real = FilePaths.realPath(folder), visited.insert(real).inserted else { return }
        guard let listed = FilePaths.entries(ofDirectory: folder) else { return }
        let entries = listed.filter { !$0.hasPrefix(".") && !skippedFolders.contains($0) }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        for name in entries.sorted() {
            let path = base + "/" + name
            if InputFiles.isDirectory(path) {
                walk(path, into: &files, visited: &visited, extensions: extensions)
            } else if extensions.isEmpty || extensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                files.append(path)
            }
        }
    }
}
