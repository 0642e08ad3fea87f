import PlancheckCore
import PlancheckSystem

/// The check's inputs: paths as given, or a data repository's configured submissions reported on in part.
enum CheckInputs {
    case paths([String])
    case scope(ReportScope)

    func stream<Consumer: ResultConsumer>(pack: Pack, options: CheckOptions, run: RunOptions,
                                          into consumer: inout Consumer) -> RunSummary {
        switch self {
        case .paths(let paths): return CheckRun.stream(paths: paths, pack: pack, options: options, run: run, into: &consumer)
        case .scope(let scope): return CheckRun.stream(scope: scope, pack: pack, options: options, run: run, into: &consumer)
        }
    }

    func run(pack: Pack, options: CheckOptions, run: RunOptions) -> RunResult {
        var collected = RunResult(summary: RunSummary(pack: pack, files: []))
        collected.summary = stream(pack: pack, options: options, run: run, into: &collected)
        return collected
    }
}

/// What `check --fix` and `check --diff` print and write; the report of what is left follows from the run.
enum FixCommandOutput {
    /// Prints each file's fixes as a unified diff on standard output and a summary on standard error; the exit
    /// status is 1 when there is something to fix (as `diff` and ruff's `--diff` do), else 0.
    static func printDiff(_ fixes: [FileFix], language: Language, displayName: (String) -> String) -> Int32 {
        var fixable = 0, files = 0
        for fix in fixes where fix.changes {
            Output.print(UnifiedDiff.text(fix, displayPath: displayName(fix.path)))
            fixable += fix.applied.count
            files += 1
        }
        reportUnapplied(fixes, language: language, displayName: displayName)
        if files == 0 {
            say(Message(.fixNothing), language)
            return 0
        }
        say(Message(.fixDiffSummary, ["fixable": .number(fixable), "files": .number(files)]), language)
        return 1
    }

    /// Writes each fixed file in place, atomically and with its permissions kept (through a symbolic link to the
    /// file it leads to); says what was fixed on standard error. False when a file could not be written.
    static func write(_ fixes: [FileFix], language: Language, displayName: (String) -> String) -> Bool {
        var fixed = 0, files = 0
        var written = true
        for fix in fixes where fix.changes {
            let target = FilePaths.realPath(fix.path) ?? fix.path
            let writer = AtomicFileWriter(path: target, permissions: FilePaths.status(target)?.permissions ?? 0o644)
            writer.write(fix.fixed)
            do {
                try writer.commit()
            } catch {
                let reason: String
                switch error {
                case .exists(let existing): reason = existing
                case .cannotWrite(_, let code): reason = SystemError.text(for: code)
                }
                Output.error("plancheck: " + Message(.cliCannotWrite, ["path": .text(fix.path), "reason": .text(reason)])
                    .rendered(in: language, vocabulary: .neutral) + "\n")
                written = false
                continue
            }
            say(Message(.fixApplied, ["count": .number(fix.applied.count), "path": .text(displayName(fix.path))]), language)
            fixed += fix.applied.count
            files += 1
        }
        reportUnapplied(fixes, language: language, displayName: displayName)
        say(files == 0 ? Message(.fixNothing) : Message(.fixSummary, ["fixed": .number(fixed), "files": .number(files)]),
            language)
        return written
    }

    private static func reportUnapplied(_ fixes: [FileFix], language: Language, displayName: (String) -> String) {
        for fix in fixes where !fix.left.isEmpty {
            let path = MessageArgument.text(displayName(fix.path))
            if fix.applied.isEmpty {
                say(Message(.fixNotSameReading, ["path": path, "count": .number(fix.left.count)]), language)
            } else {
                say(Message(.fixLeftOverlapping, ["path": path, "count": .number(fix.left.count)]), language)
            }
        }
    }

    private static func say(_ message: Message, _ language: Language) {
        Output.error("plancheck: " + message.rendered(in: language, vocabulary: .neutral) + "\n")
    }
}
