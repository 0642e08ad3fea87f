import ArgumentParser
import PlancheckCore

@main
struct Plancheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck",
        abstract: "Check district development-plan submissions against a plan's rule pack. 按规划规则包检查各区县计划报送数据。",
        version: PlancheckVersion.current,
        subcommands: []
    )
}
