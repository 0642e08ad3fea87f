import PlancheckRules

/// `--format junit`: JUnit XML as Jenkins and GitLab read it. A test suite per submission file and one for city-wide
/// rules; a test case per rule per submission: `failure` when it failed, `skipped` when it could not be evaluated or
/// checked, passed otherwise (an acknowledged deviation passes with a note in `system-out`). Problems with a file are
/// test cases of their own (`error` when the file could not be read, `failure` for errors and warnings); notes about
/// a file go to its suite's `system-out`.
///
/// Several runs (a repository checked against a pack per group of files) make one `testsuites` document holding
/// every run's suites, each suite's name prefixed with its group (`[2025] 2025/210102.yml`), so that names stay
/// unique and say which pack judged them; the totals are summed over all.
public struct JUnitReporter: Reporter {
    public init() {}

    private struct Case {
        var name: String
        var className: String
        var file: String?
        var line: Int?
        /// `failure`, `error`, `skipped`, or nil for a pass.
        var element: String?
        var type: String?
        var message: String?
        var body: String
        var systemOut: String?
    }

    private struct Suite {
        var name: String
        var cases: [Case] = []
        var notes: [String] = []
        var failures: Int { cases.filter { $0.element == "failure" }.count }
        var errors: Int { cases.filter { $0.element == "error" }.count }
        var skipped: Int { cases.filter { $0.element == "skipped" }.count }
    }

    public func render(_ report: Report) -> String {
        document(name: "plancheck \(report.pack.id) \(report.pack.version)", suites: suites(report))
    }

    public func render(_ reports: [Report]) -> String {
        guard reports.count != 1 else { return render(reports[0]) }
        let name = "plancheck " + reports.map { "\($0.pack.id) \($0.pack.version)" }.joined(separator: ", ")
        let groups = ReportContext.groupNames(reports.map(\.context))
        return document(name: name, suites: zip(reports, groups).flatMap { report, group in
            suites(report).map { suite in
                var named = suite
                named.name = "[\(group)] " + suite.name
                return named
            }
        })
    }

    /// One run's suites: one per file, then the one of results about the whole.
    private func suites(_ report: Report) -> [Suite] {
        let language = report.language
        let vocabulary = report.vocabulary
        let cityName = MessageCatalogue.text(.labelCityWide, language, vocabulary)
        var suites: [Suite] = report.files.map { Suite(name: report.displayPath($0)) }
        var index: [String: Int] = [:]
        for (position, suite) in suites.enumerated() { index[suite.name] = position }
        func suite(for entry: ReportEntry) -> Int {
            let name = entry.file ?? cityName
            if let position = index[name] { return position }
            suites.append(Suite(name: name))
            index[name] = suites.count - 1
            return suites.count - 1
        }
        for entry in report.entries {
            let position = suite(for: entry)
            let message = entry.text
            let diagnostic = entry.result.diagnostic
            if let diagnostic, diagnostic.severity == .note {
                let place = entry.location.map(report.displayLocation) ?? suites[position].name
                suites[position].notes.append("\(place): \(entry.code) \(message)")
                continue
            }
            var item = Case(name: entry.codeAndTitle,
                            className: "\(report.pack.id).\(entry.unit ?? (diagnostic == nil ? "city" : "input"))",
                            file: entry.location.map { report.displayPath($0.file.path) } ?? entry.file,
                            line: entry.location?.span.start.line, body: details(entry, report: report))
            switch entry.result {
            case .diagnostic(let diagnostic):
                item.element = diagnostic.makesInputUnusable ? "error" : "failure"
                item.type = diagnostic.severity.rawValue
                item.message = message
            case .rule(let result):
                switch result.outcome {
                case .failed:
                    item.element = "failure"
                    item.type = result.severity.rawValue
                    item.message = message
                case .notEvaluated, .notCheckable:
                    item.element = "skipped"
                    item.message = message
                case .acknowledged:
                    item.systemOut = Message(.junitAcknowledged, [
                        "reason": .text(result.deviation?.reason ?? ""), "approvedBy": .text(result.deviation?.approvedBy ?? "")])
                        .rendered(in: report.language, vocabulary: report.vocabulary) + "\n" + item.body
                case .passed, .passedWithinTolerance:
                    break
                }
            }
            suites[position].cases.append(item)
        }
        // The totals without a verdict, as one overview in the city-wide suite (each is also a skipped case).
        if let block = report.context.incompleteTotals(report.summary.incompleteTotals) {
            var position = index[cityName] ?? suites.count
            if position == suites.count {
                suites.append(Suite(name: cityName))
                index[cityName] = position
            }
            position = min(position, suites.count - 1)
            suites[position].notes += [block.title] + block.items.map { "- " + $0 } + [block.help]
        }
        return suites
    }

    /// The `testsuites` document: its `name`, the totals over every suite, then the suites.
    private func document(name: String, suites: [Suite]) -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\(Self.attribute(name)) tests=\"\(tests)\" "
            + "failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        for suite in suites {
            xml += "  <testsuite name=\(Self.attribute(suite.name)) tests=\"\(suite.cases.count)\" "
                + "failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\">\n"
            for item in suite.cases {
                xml += "    <testcase name=\(Self.attribute(item.name)) classname=\(Self.attribute(item.className))"
                if let file = item.file { xml += " file=\(Self.attribute(file))" }
                if let line = item.line { xml += " line=\"\(line)\"" }
                guard item.element != nil || item.systemOut != nil else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                if let element = item.element {
                    xml += "      <\(element)"
                    if let message = item.message { xml += " message=\(Self.attribute(message))" }
                    if let type = item.type { xml += " type=\(Self.attribute(type))" }
                    xml += element == "skipped" ? "/>\n" : ">\(Self.text(item.body))</\(element)>\n"
                }
                if let out = item.systemOut { xml += "      <system-out>\(Self.text(out))</system-out>\n" }
                xml += "    </testcase>\n"
            }
            if !suite.notes.isEmpty {
                xml += "    <system-out>\(Self.text(suite.notes.joined(separator: "\n")))</system-out>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// What a reader needs to act without opening the rule file: where, the arithmetic, the clause, the help and
    /// the documentation link.
    private func details(_ entry: ReportEntry, report: Report) -> String {
        var lines = [entry.text]
        if let location = entry.location {
            lines.append(report.displayLocation(location))
        } else if let unit = entry.unit {
            lines.append("\(report.unitName(unit)) \(unit)")
        }
        lines += entry.detailLines(report.language)
        return lines.joined(separator: "\n")
    }

    /// Character data: control characters made visible (`VisibleText`), `&`, `<` and `>` escaped; anything else
    /// XML 1.0 forbids replaced by U+FFFD.
    static func text(_ value: String) -> String {
        var result = ""
        for scalar in VisibleText.escape(value, keepingLineBreaks: true).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// A quoted attribute value; quotes and line breaks escaped too, so they survive attribute normalisation.
    static func attribute(_ value: String) -> String {
        var result = "\""
        for scalar in VisibleText.escape(value, keepingLineBreaks: true).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default: result.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result + "\""
    }

    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || value >= 0x10000
    }
}
