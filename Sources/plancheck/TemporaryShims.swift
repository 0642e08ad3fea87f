// TEMPORARY: stands in for the multirun/prevyear branches' APIs until they land. Delete on merge.
import PlancheckCore

struct PreviousYearFigures {
    static func load(files: [String], pack: Pack, for current: Pack, jobs: Int?) -> PreviousYearFigures { PreviousYearFigures() }
}

extension RunOptions {
    var previousYear: PreviousYearFigures? { get { nil } set {} }
}
