import ArgumentParser
import PlancheckCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a submission template for a district. 生成区县报送模板。",
        discussion: """
        The template lists every indicator the pack expects from the district: required ones to fill in, \
        optional ones commented out, each with its unit, names and the targets it feeds. Without --output it \
        is printed; an existing file is never replaced without --force. The first line points \
        yaml-language-server at the submission schema (write it with `plancheck schema --output …`).
        Without --district (the data-repository scaffold) the command is not implemented yet.
        例：plancheck init --district 210102 --output 2025/210102-heping.yml
        """
    )

    @Option(name: .long, help: "District code (or exact name), e.g. 210102. 区县代码。")
    var district: String?

    @Option(name: .long, help: "Write the template to this file (atomically) instead of standard output. 输出文件。")
    var output: String?

    @Flag(name: .long, help: "Overwrite --output if it exists. 覆盖已有文件。")
    var force = false

    @Option(name: .long, help: "Path or URL of the submission schema for the yaml-language-server line (default: <pack>-submission.schema.json next to the file; `none` leaves the line out).")
    var schema: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        guard let district else {
            Output.error("plancheck init: not implemented yet without --district (the data-repository scaffold). 尚未实现：不带 --district 的数据仓库脚手架。\n")
            throw ExitCode(2)
        }
        let pack = try common.loadPack()
        let found: District
        switch PackLookup.district(district, in: pack) {
        case .found(let match):
            found = match
        case .retired(let retired, let replacement):
            var text = "plancheck: " + Message(.retiredDistrictCode, ["code": .text(retired.code), "name": .text(retired.name)])
                .rendered(in: language)
            if let replacement {
                text += "\n  " + Message(.helpUseCurrentCode, ["code": .text(replacement.code), "name": .localized(replacement.name)])
                    .rendered(in: language)
            }
            Output.error(text + "\n")
            throw ExitCode(2)
        case .unknown(let suggestion):
            var text = "plancheck: " + Message(.unknownDistrict, ["code": .text(district)]).rendered(in: language) + "\n  "
            if let suggestion {
                text += Message(.helpDidYouMeanDistrict, ["code": .text(suggestion.code), "name": .localized(suggestion.name)])
                    .rendered(in: language)
            } else {
                text += Message(.helpKnownDistricts, ["codes": .text(PackLookup.districtList(pack, language: language))])
                    .rendered(in: language)
            }
            Output.error(text + "\n")
            throw ExitCode(2)
        }
        let schemaReference = schema == "none" ? nil : (schema ?? "\(pack.id)-submission.schema.json")
        let text = SubmissionTemplate.text(for: found, pack: pack, schema: schemaReference)
        try GeneratedOutput.emit(text, to: output, overwrite: force, language: language)
    }
}
