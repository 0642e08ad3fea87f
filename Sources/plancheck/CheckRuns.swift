import ArgumentParser
import PlancheckCore

/// How `check` plans its runs: the paths given with the one pack in force, or a data repository's submissions, one
/// run per pack (a plan year each) with that pack's quota tables and the previous year's figures behind it.
extension Check {
    /// One run of the check: a pack, the files it checks and reports on, and how.
    struct PlannedRun {
        var pack: Pack
        var inputs: CheckInputs
        /// The configured globs the run's files come from (named in a report of several runs).
        var selection: [String]
        var quotaFiles: [String]
        /// The configured submissions of the run's pack (its earlier year's files feed a later year).
        var configured: [String]
        var options = CheckOptions()
        var run = RunOptions()
    }

    /// What is checked: the paths given with the one pack in force, or a data repository's configured submissions
    /// (all, or reporting on the paths given), one run per pack that has some. Nil when there is nothing to do.
    func plannedRuns(_ setting: Setting, collected: InputCollection.Groups?, checkedPaths: [String],
                             runOptions: inout RunOptions) throws -> [PlannedRun]? {
        let language = setting.language, vocabulary = setting.pack.vocabulary
        let cliQuotas = quotas.isEmpty ? nil : quotas
        guard let configuration = setting.configuration, let collected,
              paths != ["-"] || stdinFilename.map(FileSystem.exists) == true else {
            if checkedPaths.isEmpty { fail(Message(.cliNothingToCheck), language: language, vocabulary: vocabulary) }
            // Standard input named after no existing file: the pack whose globs its name matches, else the newest.
            let folder = (setting.configuration?.folder ?? ".") + "/"
            let name = checkedPaths.first.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 } ?? ""
            let group = setting.groups.first { $0.entry.submissions.contains { Glob($0).matches(name) } }
                ?? setting.newestGroup
            let configuredQuotas = setting.configuration.map { configuration in group.entry.quotas.map(configuration.resolve) }
            return [PlannedRun(pack: group.pack, inputs: .paths(checkedPaths), selection: [],
                               quotaFiles: cliQuotas ?? configuredQuotas ?? [], configured: [])]
        }
        let configName = displayName(configuration.file)
        // With `--rules`, the one pack in force checks every configured submission.
        let byGroup = setting.groups.count == collected.files.count ? collected.files : [collected.all]
        if collected.all.isEmpty {
            fail(Message(.cliNoConfiguredFiles, [
                "config": .text(configName),
                "globs": .text(configuration.groups.flatMap(\.submissions).joined(separator: ", "))]),
                 language: language, vocabulary: vocabulary)
        }
        if setting.groups.count > 1 {
            for overlap in collected.overlaps {
                note(Message(.cliFileInTwoPacks, ["file": .text(displayName(overlap.file)), "first": .number(overlap.first),
                                                  "second": .number(overlap.second)]), language: language, vocabulary: vocabulary)
            }
        }
        func planned(_ index: Int, _ inputs: CheckInputs) -> PlannedRun {
            let group = setting.groups[index]
            return PlannedRun(pack: group.pack, inputs: inputs, selection: group.entry.submissions,
                              quotaFiles: cliQuotas ?? group.entry.quotas.map(configuration.resolve),
                              configured: byGroup[index])
        }
        if checkedPaths.isEmpty {
            return byGroup.indices.filter { !byGroup[$0].isEmpty }.map { planned($0, .paths(byGroup[$0])) }
        }
        let scope = ReportScope.select(paths: checkedPaths, configured: collected.all)
        if paths == ["-"] {
            // Standard input stands for the configured submission it is named after.
            guard let name = checkedPaths.first, let reported = scope.reported.first,
                  let text = runOptions.providedFiles[name],
                  let index = byGroup.firstIndex(where: { $0.contains(reported) }) else {
                return [planned(0, .paths(checkedPaths))]
            }
            runOptions.providedFiles = [reported: text]
            return [planned(index, .scope(ReportScope(evaluated: byGroup[index], reported: [reported], skipped: [],
                                                      problems: scope.problems)))]
        }
        if !scope.skipped.isEmpty {
            note(Message(.cliSkippedFiles, [
                "count": .number(scope.skipped.count), "config": .text(configName),
                "files": .text(scope.skipped.map(displayName).joined(separator: ", "))]), language: language,
                 vocabulary: vocabulary)
        }
        if scope.reported.isEmpty && scope.problems.isEmpty {
            // A hook run on a commit that changes only other YAML files (workflows, the configuration).
            note(Message(.cliNothingSelected, ["config": .text(configName)]), language: language, vocabulary: vocabulary)
            return nil
        }
        // Each pack evaluates all its submissions (its totals) and reports on the given ones; a pack none of whose
        // files was given does not run. Problems with the given paths go with the first run.
        var runs: [PlannedRun] = []
        for index in byGroup.indices {
            let members = Set(byGroup[index])
            let chosen = scope.reported.filter(members.contains)
            if chosen.isEmpty { continue }
            runs.append(planned(index, .scope(ReportScope(evaluated: byGroup[index], reported: chosen, skipped: [],
                                                          problems: runs.isEmpty ? scope.problems : []))))
        }
        if runs.isEmpty {
            // Only given paths that do not exist: said by a run, which then fails (exit status 2).
            runs.append(planned(0, .scope(ReportScope(evaluated: byGroup[0], reported: [], skipped: [], problems: scope.problems))))
        }
        let evaluated = runs.reduce(0) { $0 + $1.configured.count }
        if scope.reported.count < evaluated && !quiet {
            note(Message(.cliReportedSubset, [
                "reported": .number(scope.reported.count), "evaluated": .number(evaluated)]),
                 language: language, vocabulary: vocabulary)
        }
        return runs
    }

    /// In a repository of several plan years, each run whose pack's year follows another configured pack's year
    /// reads its units' previous-year figures from that year's submissions.
    func addPreviousYears(_ runs: inout [PlannedRun], setting: Setting, collected: [[String]]) {
        guard setting.groups.count > 1, collected.count == setting.groups.count else { return }
        for index in runs.indices {
            let year = runs[index].pack.plan.year
            let earlier = setting.groups.indices.filter { setting.groups[$0].pack.plan.year == year - 1 }
            guard !earlier.isEmpty else { continue }
            guard earlier.count == 1, let previous = earlier.first else {
                note(Message(.cliNoPreviousYearPack, [
                    "year": .number(year - 1), "count": .number(earlier.count), "current": .number(year),
                    "packs": .text(earlier.map { setting.groups[$0].pack.id }.joined(separator: ", "))]),
                     language: setting.language, vocabulary: setting.pack.vocabulary)
                continue
            }
            runs[index].run.previousYear = PreviousYearFigures.load(
                files: collected[previous], pack: setting.groups[previous].pack, for: runs[index].pack, jobs: jobs)
        }
    }

    /// The quota tables `files` (`--quotas`, else the configuration's for the pack), merged (a later table wins
    /// for the same indicator and unit). Their problems are printed; an error in one ends the command with 2, as
    /// an invalid pack does, since every quota rule would be judged against a wrong table.
    func loadQuotas(_ files: [String], pack: Pack, language: Language) throws -> [String: [String: LocatedQuantity]] {
        var merged: [String: [String: LocatedQuantity]] = [:]
        var unusable = false
        for file in files {
            let result = QuotaLoader.load(path: file, pack: pack)
            common.printDiagnostics(result.diagnostics, language: language, pack: pack)
            if result.diagnostics.contains(where: { $0.severity == .error }) { unusable = true }
            for (key, table) in result.quotas { merged[key, default: [:]].merge(table) { _, later in later } }
        }
        if unusable { throw ExitCode(2) }
        return merged
    }
}
