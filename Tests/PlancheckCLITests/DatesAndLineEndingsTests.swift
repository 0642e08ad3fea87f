import Foundation
import Testing

/// Dates that do not exist are refused; files with CR-only line endings are located right.
@Suite("dates and line endings")
struct DatesAndLineEndingsTests {
    @Test("--today must be a day that exists", arguments: ["2025-02-31", "2025-02-29", "2025-13-01", "2025-04-31", "２０２５-01-01", "+025-01-01"])
    func impossibleToday(_ day: String) throws {
        let result = try CLITests.plancheck(["check", "Examples/shenyang-2025/210103-shenhe.yml", "--no-config", "--today", day])
        #expect(result.status == 2, "\(day)")
        #expect(result.stderr.contains("--today"))
    }

    @Test("a leap day is a day")
    func leapDay() throws {
        let result = try CLITests.plancheck(["check", "Examples/shenyang-2025/210103-shenhe.yml", "--no-config", "--today", "2024-02-29"])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("a deviation that expires on a day that does not exist is an invalid value, located at it")
    func impossibleExpiry() throws {
        let folder = try CLITests.temporaryFolder()
        var text = try DataRepository.read(CLITests.root + "/Examples/shenyang-2025/210103-shenhe.yml")
        text += "deviations:\n  - rule: SY25-M01\n    reason: 测试\n    approved_by: 区发展改革局\n    expires: 2025-02-30\n"
        try DataRepository.write(text, to: folder + "/d.yml")
        let result = try Run.plancheck(["check", "d.yml", "--no-config", "--format", "concise", "--lang", "en"], in: folder)
        #expect(result.stdout.contains("d.yml:35:14: error[PC013] `2025-02-30` is not a date"), "\(result.stdout)")
    }

    @Test("CR-only line endings: findings are on their own lines, not all on line 1")
    func carriageReturnOnly() throws {
        let folder = try CLITests.temporaryFolder()
        let text = "submission:\r  district: \"210103\"\r  year: 2025\rindicators:\r  gdp_growht: 5.6%\r  retail_sales_growth: ５.５％\r"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/cr.yml"))
        let result = try Run.plancheck(["check", "cr.yml", "--no-config", "--format", "concise", "--lang", "en"], in: folder)
        #expect(result.stdout.contains("cr.yml:5:3: error[PC020]"), "\(result.stdout)")
        #expect(result.stdout.contains("cr.yml:6:24: note[PC025]"), "\(result.stdout)")
        let fixed = try Run.plancheck(["check", "cr.yml", "--no-config", "--fix"], in: folder)
        #expect(fixed.status != 2, "\(fixed.output)")
        let after = try String(contentsOfFile: folder + "/cr.yml", encoding: .utf8)
        #expect(after == "submission:\r  district: \"210103\"\r  year: 2025\rindicators:\r  gdp_growth: 5.6%\r  retail_sales_growth: 5.5%\r")
    }
}
