#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import PlancheckCore
@testable import PlancheckReport
import Testing

/// One document for several runs: a repository whose groups of files are checked against their own packs writes
/// every run into the same outputs, as `ReportWriter` is driven by `plancheck check`. The two runs here are the
/// built-in Shenyang pack on its examples and the Fujian pack (a province of prefectures) on its own.
@Suite("Several runs in one report")
struct MultiRunReportTests {
    /// Collects what an output writes.
    final class StringSink: TextSink {
        var text = ""
        func write(_ text: String) { self.text += text }
    }

    struct Group {
        var pack: Pack
        var folder: String
        var selection: [String] { [folder + "/*.yml"] }
    }

    static func groups() throws -> [Group] {
        let shenyang = try #require(PackLoader.load(from: DefaultPack.source).pack)
        let fujian = try #require(PackLoader.load(from: FolderPackSource(folder: DefaultPackTests.root + "/Rules/fujian-2023")).pack)
        return [Group(pack: shenyang, folder: "Examples/shenyang-2025"), Group(pack: fujian, folder: "Examples/fujian-2023")]
    }

    static func context(_ group: Group, language: Language, selection: Bool = true) -> ReportContext {
        var context = ReportContext(pack: group.pack, language: language, baseDirectory: DefaultPackTests.root)
        if selection { context.selection = group.selection }
        return context
    }

    /// The groups written by one writer, as the CLI drives it: one `CheckRun.stream` per group.
    static func document(_ formats: [ReportFormat], language: Language, groups: [Group]) -> [String] {
        let writer = ReportWriter(context: context(groups[0], language: language), runs: groups.count)
        let sinks = formats.map { _ in StringSink() }
        for (format, sink) in zip(formats, sinks) { writer.add(format.reporter(useColor: false), to: sink) }
        for (index, group) in groups.enumerated() {
            if index > 0 { writer.startRun(context(group, language: language)) }
            var options = CheckOptions()
            options.today = "2025-06-30"
            var consumer = writer
            let summary = CheckRun.stream(
                paths: [DefaultPackTests.root + "/" + group.folder], pack: group.pack, options: options,
                run: RunOptions(keepAllResults: formats.contains { $0.listsEveryResult }), into: &consumer)
            writer.endRun(summary)
        }
        writer.finishDocument()
        return sinks.map(\.text)
    }

    static func twoRuns(_ format: ReportFormat, language: Language = .en) throws -> String {
        try document([format], language: language, groups: groups())[0]
    }

    /// `text` cut at `marker`'s first occurrence: what comes before and from it on.
    static func split(_ text: String, at marker: String) throws -> (before: String, after: String) {
        let range = try #require(text.range(of: marker), "no \(marker) in the document")
        return (String(text[..<range.lowerBound]), String(text[range.lowerBound...]))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: One run is as it was

    @Test("a writer of one run writes every format exactly as rendering the report does",
          arguments: ReportFormat.allCases)
    func oneRunUnchanged(_ format: ReportFormat) throws {
        let group = try Self.groups()[0]
        let written = Self.document([format], language: .zh, groups: [group])[0]
        var options = CheckOptions()
        options.today = "2025-06-30"
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/" + group.folder], pack: group.pack, options: options,
                               run: RunOptions(keepAllResults: format.listsEveryResult))
        let context = Self.context(group, language: .zh)
        let report = Report(context: context, summary: run.summary, entries: run.results.map(context.entry))
        #expect(written == format.reporter(useColor: false).render(report))
        #expect(written == format.reporter(useColor: false).render([report]))
    }

    // MARK: Text formats

    @Test("text: each run under its heading, with its own words and its own summary", arguments: Language.allCases)
    func text(_ language: Language) throws {
        let groups = try Self.groups()
        let document = Self.document([.text], language: language, groups: groups)[0]
        let headings = groups.map { Self.context($0, language: language).runHeading }
        #expect(headings[0].contains("2025") && headings[0].contains("shenyang-2025")
                && headings[0].contains("Examples/shenyang-2025/*.yml") && headings[0].contains(groups[0].pack.title[language]))
        #expect(headings[1].contains("2023") && headings[1].contains("fujian-2023"))
        #expect(document.hasPrefix("── " + headings[0] + " ──\n\n"))
        let (shenyang, fujian) = try Self.split(document, at: "\n── " + headings[1] + " ──\n\n")
        let summary = MessageCatalogue.template(.summaryHeader, language)
        #expect(shenyang.components(separatedBy: "\n" + summary + "\n").count == 2, "one summary per run")
        #expect(fujian.components(separatedBy: "\n" + summary + "\n").count == 2, "one summary per run")
        #expect(shenyang.contains("shenyang-2025 1.0.0") && !shenyang.contains("fujian-2023 1.0.0"))
        #expect(fujian.contains("fujian-2023 1.0.0") && !fujian.contains("shenyang-2025 1.0.0"))
        // Each section speaks its pack's words: the Fujian run has prefectures and a province.
        let fujianWords = Self.context(groups[1], language: language).vocabulary
        #expect(fujian.contains(MessageCatalogue.text(.summaryByDistrict, language, fujianWords)))
        if language == .zh {
            #expect(shenyang.contains("区县") && shenyang.contains("全市"))
            #expect(!fujian.contains("区县") && !fujian.contains("全市"), "the Fujian section uses Shenyang's words")
            #expect(fujian.contains("设区市"))
        } else {
            // Flags (`--require-all-districts`) are names, not prose.
            let stray = PackVocabularyTests.prose(fujian).split(separator: "\n").filter { $0.contains("district") || $0.contains("city-wide") }
            #expect(stray.isEmpty, "the Fujian section uses Shenyang's words: \(stray)")
            #expect(fujian.contains("prefecture"))
        }
    }

    @Test("concise: no heading lines; each run's line of counts names its group")
    func concise() throws {
        let groups = try Self.groups()
        let document = try Self.twoRuns(.concise)
        let lines = document.split(separator: "\n").map(String.init)
        let countLines = lines.filter { $0.contains("error(s)") }
        #expect(countLines.count == 2)
        #expect(countLines[0].hasPrefix("2025 shenyang-2025 (Examples/shenyang-2025/*.yml): "))
        #expect(countLines[1].hasPrefix("2023 fujian-2023 (Examples/fujian-2023/*.yml): "))
        // Every other line is a finding in the editors' pattern.
        for line in lines where !countLines.contains(line) {
            let finding = line.contains(/: [a-z-]+\[[A-Za-z0-9-]+\]\s/)
            #expect(finding, "\(line)")
        }
        #expect(lines.last == countLines[1])
        #expect(groups.count == 2)
    }

    @Test("github: annotations of both runs, each run introduced by a plain line, totals titled by their group")
    func github() throws {
        let groups = try Self.groups()
        let document = try Self.twoRuns(.github)
        let headings = groups.map { Self.context($0, language: .en).runHeading }
        for line in document.split(separator: "\n") {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice ")
                    || line.hasPrefix("── "), "\(line)")
        }
        let (shenyang, fujian) = try Self.split(document, at: "── " + headings[1] + " ──\n")
        #expect(shenyang.hasPrefix("── " + headings[0] + " ──\n"))
        #expect(shenyang.contains("file=Examples/shenyang-2025/") && !shenyang.contains("file=Examples/fujian-2023/"))
        #expect(fujian.contains("file=Examples/fujian-2023/") && !fujian.contains("file=Examples/shenyang-2025/"))
    }

    // MARK: Machine formats

    @Test("json: a set of two reports, each with its pack, selection and own findings")
    func json() throws {
        let groups = try Self.groups()
        let decoded = try Self.json(try Self.twoRuns(.json))
        #expect(decoded["schema"] as? String == "plancheck-report-set/1")
        #expect(Set(decoded.keys) == ["schema", "reports"])
        let reports = try #require(decoded["reports"] as? [[String: Any]])
        try #require(reports.count == 2)
        for (report, group) in zip(reports, groups) {
            #expect(report["schema"] as? String == "plancheck-report/2")
            let pack = try #require(report["pack"] as? [String: Any])
            #expect(pack["id"] as? String == group.pack.id)
            #expect(report["selection"] as? [String] == group.selection)
            let files = try #require(report["files"] as? [String])
            #expect(!files.isEmpty && files.allSatisfy { $0.hasPrefix(group.folder + "/") })
            let findings = try #require(report["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty)
            for finding in findings {
                if let file = finding["file"] as? String { #expect(file.hasPrefix(group.folder + "/")) }
                if let rule = finding["rule"] as? [String: Any], let id = rule["id"] as? String {
                    #expect(group.pack.rule(id) != nil, "\(id) is not a rule of \(group.pack.id)")
                }
            }
            #expect(report["summary"] != nil && report["incomplete_totals"] != nil)
        }
    }

    @Test("json: a report of the set is the report of its run, one level deeper, with its selection")
    func jsonReportsAreRunReports() throws {
        let groups = try Self.groups()
        let set = try Self.json(try Self.twoRuns(.json))
        let reports = try #require(set["reports"] as? [[String: Any]])
        for (index, group) in groups.enumerated() {
            let single = try Self.json(Self.document([.json], language: .en, groups: [group])[0])
            var nested = reports[index]
            #expect(nested.removeValue(forKey: "selection") != nil)
            #expect(NSDictionary(dictionary: nested).isEqual(to: single), "report \(index) differs from its run's own")
        }
    }

    @Test("sarif: one log with a run per group that validates against the SARIF 2.1.0 schema")
    func sarif() throws {
        let groups = try Self.groups()
        let sarif = try Self.twoRuns(.sarif, language: .zh)
        let log = try Self.json(sarif)
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 2)
        var ids: [String] = []
        for (run, group) in zip(runs, groups) {
            let details = try #require(run["automationDetails"] as? [String: Any])
            ids.append(try #require(details["id"] as? String))
            let properties = try #require(run["properties"] as? [String: Any])
            let pack = try #require(properties["pack"] as? [String: Any])
            #expect(pack["id"] as? String == group.pack.id)
            #expect(properties["selection"] as? [String] == group.selection)
            let tool = try #require(run["tool"] as? [String: Any])
            let driver = try #require(tool["driver"] as? [String: Any])
            let rules = try #require(driver["rules"] as? [[String: Any]])
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(!results.isEmpty)
            for result in results {
                // Each run indexes its own rules.
                let index = try #require(result["ruleIndex"] as? Int)
                #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
                let id = try #require(result["ruleId"] as? String)
                #expect(id.hasPrefix("PC") || group.pack.rule(id) != nil, "\(id) is not a rule of \(group.pack.id)")
            }
        }
        #expect(ids == ["plancheck/Examples/shenyang-2025/", "plancheck/Examples/fujian-2023/"])
        try #require(JSONSchemaValidator.isAvailable, "\(JSONSchemaValidator.missingMessage)")
        let errors = try JSONSchemaValidator.validate(schemaPath: MachineFormatTests.sarifSchema, documents: [("sarif", sarif)])
        #expect(errors["sarif"] == [], "SARIF does not validate:\n\((errors["sarif"] ?? []).prefix(10).joined(separator: "\n"))")
    }

    // MARK: Formats rendered whole

    @Test("markdown: each run under its own heading, with its own counts, tables and words", arguments: Language.allCases)
    func markdown(_ language: Language) throws {
        let groups = try Self.groups()
        let document = Self.document([.markdown], language: language, groups: groups)[0]
        let markdown = MarkdownReporter()
        let headings = groups.map { "## " + markdown.escape(Self.context($0, language: language).runHeading) + "\n" }
        #expect(document.hasPrefix(headings[0]))
        #expect(!document.contains("## " + MessageCatalogue.template(.markdownTitle, language)), "the runs' headings replace the title")
        let (shenyang, fujian) = try Self.split(document, at: "\n" + headings[1])
        let counts = { (text: String) in text.components(separatedBy: "\n**").count - 1 }
        #expect(counts(shenyang) == 1 && counts(fujian) == 1, "one line of counts per run")
        let byUnit = { (group: Group) in "### " + MessageCatalogue.text(.summaryByDistrict, language, group.pack.vocabulary) }
        #expect(shenyang.contains(byUnit(groups[0])) && fujian.contains(byUnit(groups[1])))
        #expect(shenyang.contains("shenyang-2025") && !shenyang.contains("FJ23-"))
        #expect(fujian.contains("FJ23-") && !fujian.contains("SY25-"))
        if language == .zh {
            #expect(!fujian.contains("区县") && !fujian.contains("全市"), "the Fujian section uses Shenyang's words")
        } else {
            let stray = PackVocabularyTests.prose(fujian).split(separator: "\n").filter { $0.contains("district") || $0.contains("city-wide") }
            #expect(stray.isEmpty, "the Fujian section uses Shenyang's words: \(stray)")
        }
    }

    @Test("junit: one testsuites document with every run's suites, names prefixed by group, totals summed")
    func junit() throws {
        let groups = try Self.groups()
        let xml = try Self.twoRuns(.junit, language: .zh)
        #expect(xml.components(separatedBy: "<testsuites").count == 2, "one testsuites element")
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(counter.declared["tests"] == counter.testcases)
        #expect(counter.declared["failures"] == counter.failures)
        #expect(counter.declared["skipped"] == counter.skipped)
        #expect(counter.suiteSums == counter.testcases)
        // Each run's suites: one per file and one for the whole, each named by its group.
        var suites = 0
        for group in groups {
            let files = try FileManager.default.contentsOfDirectory(atPath: DefaultPackTests.root + "/" + group.folder)
                .filter { $0.hasSuffix(".yml") }
            suites += files.count + 1
            let prefix = "<testsuite name=\"[\(group.folder)] "
            #expect(xml.components(separatedBy: prefix).count - 1 == files.count + 1, "\(group.pack.id)'s suites")
            let whole = MessageCatalogue.text(.labelCityWide, .zh, group.pack.vocabulary)
            #expect(xml.contains(prefix + whole + "\""))
        }
        #expect(counter.suites == suites)
        #expect(xml.contains("name=\"plancheck shenyang-2025 1.0.0, fujian-2023 1.0.0\""))
        // Every suite name is unique.
        let names = xml.split(separator: "\n").filter { $0.contains("<testsuite name=") }
        #expect(Set(names.map { $0.split(separator: "\"")[1] }).count == names.count)
    }

    @Test("html: one page, a part per run with its own header, sections and ids; every link lands in its own run")
    func html() throws {
        let groups = try Self.groups()
        let page = try Self.twoRuns(.html, language: .zh)
        #expect(page.components(separatedBy: "<html").count == 2 && page.components(separatedBy: "</html>").count == 2)
        #expect(page.components(separatedBy: "<main>").count == 3, "one main per run")
        let title = try #require(page.firstMatch(of: /<title>([^<]*)<\/title>/)).1
        for group in groups { #expect(title.contains(group.pack.plan.title.zh)) }
        // Each run's part is headed by its group.
        let (first, second) = try Self.split(page, at: "<div class=\"run\" id=\"r2-run\">")
        #expect(first.contains("<div class=\"run\" id=\"r1-run\">"))
        #expect(first.contains(Self.context(groups[0], language: .zh).runHeading))
        #expect(second.contains(Self.context(groups[1], language: .zh).runHeading))
        #expect(first.contains("全市") && !second.contains("全市") && !second.contains("区县"))
        #expect(second.contains("全省") && second.contains("设区市"))
        // Ids are unique, and every in-page link lands on an id of its own run.
        let ids = page.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().prefix(5))")
        let known = Set(ids)
        let (index, runs) = try Self.split(first, at: "<div class=\"run\" id=\"r1-run\">")
        #expect(index.contains("<a href=\"#r1-run\">") && index.contains("<a href=\"#r2-run\">"), "the index of runs")
        for (part, prefix) in [(runs, "r1-"), (second, "r2-")] {
            for link in part.matches(of: /href="#([^"]*)"/).map({ String($0.1) }) {
                #expect(known.contains(link) && link.hasPrefix(prefix), "\(link) in run \(prefix)")
            }
        }
        // Each run's filters have a script of their own.
        #expect(page.contains("getElementById('r1-mx')") && page.contains("getElementById('r2-mx')"))
        #expect(page.contains("document.querySelectorAll('#r2-run .fl')"))
        #expect(OutputSafety.violations(page, format: .html, hostile: []).isEmpty)
    }

    @Test("groups without files, or no run at all, still make whole documents in every format", arguments: [0, 2])
    func emptyRuns(_ count: Int) throws {
        let groups = try Self.groups()
        let writer = ReportWriter(context: Self.context(groups[0], language: .en), runs: 2)
        let sinks = ReportFormat.allCases.map { _ in StringSink() }
        for (format, sink) in zip(ReportFormat.allCases, sinks) { writer.add(format.reporter(useColor: false), to: sink) }
        for group in groups.prefix(count) {
            // A group that matched no file: its run ends without having begun.
            writer.startRun(Self.context(group, language: .en))
            writer.endRun(RunSummary(pack: group.pack, files: []))
        }
        writer.finishDocument()
        for (format, sink) in zip(ReportFormat.allCases, sinks) {
            #expect(OutputSafety.violations(sink.text, format: format, hostile: []).isEmpty, "\(format): \(sink.text)")
        }
        let json = try Self.json(sinks[ReportFormat.allCases.firstIndex(of: .json)!].text)
        #expect((json["reports"] as? [Any])?.count == count)
        let sarif = try Self.json(sinks[ReportFormat.allCases.firstIndex(of: .sarif)!].text)
        #expect((sarif["runs"] as? [Any])?.count == count)
        let text = sinks[ReportFormat.allCases.firstIndex(of: .text)!].text
        #expect(text.components(separatedBy: "── ").count - 1 == count)
    }

    @Test("a group's name for identifiers: the folder its globs share, else the globs, else the pack")
    func groupNames() throws {
        let group = try Self.groups()[0]
        var context = Self.context(group, language: .en)
        context.selection = ["2025/*.yml"]
        #expect(context.groupName == "2025")
        context.selection = ["data/2025/*.yml", "data/2025/extra/*.yml"]
        #expect(context.groupName == "data/2025")
        context.selection = ["./2026/**/*.yml"]
        #expect(context.groupName == "2026")
        context.selection = ["*.yml"]
        #expect(context.groupName == "*.yml")
        context.selection = []
        #expect(context.groupName == "shenyang-2025")
        #expect(context.runHeading == "2025 · \(group.pack.title.en) (shenyang-2025)")
        // Within a document, names are unique: groups sharing a folder go by their globs.
        let contexts = [["2025/a*.yml"], ["2025/b*.yml"], ["2026/*.yml"], ["2026/*.yml"]].map { globs in
            var other = context
            other.selection = globs
            return other
        }
        #expect(ReportContext.groupNames(contexts) == ["2025/a*.yml", "2025/b*.yml", "2026/*.yml", "2026/*.yml (2)"])
    }
}
