// TEMPORARY: stands in for the multirun/prevyear branches' APIs until they land. Delete on merge.
import PlancheckCore

extension ReportContext {
    var selection: [String] { get { [] } set {} }
}

extension ReportWriter {
    convenience init(context: ReportContext, runs: Int) { self.init(context: context) }
    func startRun(_ context: ReportContext) {}
    func endRun(_ summary: RunSummary) { finish(summary) }
    func finishDocument() {}
}

struct PreviousYearFigures {
    static func load(files: [String], pack: Pack, for current: Pack, jobs: Int?) -> PreviousYearFigures { PreviousYearFigures() }
}

extension RunOptions {
    var previousYear: PreviousYearFigures? { get { nil } set {} }
}
