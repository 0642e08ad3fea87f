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
    /// none of `exclude` (globs relative to the configuration's folder), in sorted order.
    public static func collect(_ configuration: Configuration) -> [String] {
        var files: [String] = []
        var visited: Set<String> = []
        walk(configuration.folder, into: &files, visited: &visited, extensions: [])
        let include = configuration.submissions.map(Glob.init)
        let exclude = configuration.exclude.map(Glob.init)
        let prefix = configuration.folder == "." ? "" : configuration.folder + "/"
        return files.filter { path in
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            if relative == Configuration.fileName { return false }
            return include.contains { $0.matches(relative) } && !exclude.contains { $0.matches(relative) }
        }
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
