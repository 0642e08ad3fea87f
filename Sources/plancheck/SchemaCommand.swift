import ArgumentParser
import PlancheckCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the JSON Schema of submissions for a pack, for editor completion. 生成报送文件的 JSON Schema。",
        discussion: """
        Draft 2020-12. One property per indicator key and per exact Chinese name, with names, unit and kind in \
        the descriptions; the reporting units' codes and rule ids as enums. Point yaml-language-server at it with a first \
        line `# yaml-language-server: $schema=<path or URL>` (templates from `plancheck init` have one).
        The built-in pack's schema is committed as docs/schemas/\(DefaultPack.id)-submission.schema.json:
        swift run plancheck schema --output docs/schemas/\(DefaultPack.id)-submission.schema.json
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Write to this file (atomically) instead of standard output. 输出文件。")
    var output: String?

    func run() throws {
        let setting = try common.setting()
        try GeneratedOutput.emit(SubmissionSchema.text(setting.pack), to: output, overwrite: true, language: setting.language)
    }
}
