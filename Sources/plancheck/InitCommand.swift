import ArgumentParser
import PlancheckCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a submission template for a district (not implemented yet). 生成报送模板（尚未实现）。"
    )

    @Option(name: .long, help: "District code.")
    var district: String?

    func run() throws {
        Output.error("plancheck init: not implemented yet. 尚未实现。\n")
        throw ExitCode(2)
    }
}
