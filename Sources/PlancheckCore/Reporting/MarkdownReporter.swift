/// `--format markdown`: a summary for a CI job page (GitHub's `$GITHUB_STEP_SUMMARY`, a merge-request comment):
/// the counts, a table of failures and problems (rule with its documentation link, district, message, location,
/// citation), the declared deviations, and the per-district tallies.
public struct MarkdownReporter: Reporter {
    /// Rows per table; job summaries are limited in size, and the full list is in the other formats.
    public var maximumRows: Int

    public init(maximumRows: Int = 200) {
        self.maximumRows = maximumRows
    }

    public func render(_ report: Report) -> String {
        let language = report.language
        let counts = report.counts
        func label(_ key: MessageKey) -> String { MessageCatalogue.template(key, language) }
        var lines: [String] = []
        lines.append("## " + label(.markdownTitle))
        lines.append("")
        lines.append("**" + Message(.summaryCounts, [
            "errors": .number(counts.errors), "warnings": .number(counts.warnings),
            "notes": .number(counts.notes)]).rendered(in: language) + "**")
        lines.append("")
        lines.append(Message(.summaryFiles, [
            "files": .number(report.files.count), "pack": .text(report.pack.id), "version": .text(report.pack.version),
            "rules": .number(report.pack.rules.count)]).rendered(in: language) + "  ")
        lines.append(Message(.summaryOutcomes, [
            "evaluated": .number(counts.evaluated), "passed": .number(counts.passed),
            "within": .number(counts.withinTolerance), "failed": .number(counts.failed),
            "acknowledged": .number(counts.acknowledged), "notEvaluated": .number(counts.notEvaluated),
            "notCheckable": .number(counts.notCheckable)]).rendered(in: language))
        lines.append("")

        // Failed rules of any severity, and problems with files that are worth acting on.
        let failures = report.findings.filter { finding in
            finding.outcome == .failed || (finding.outcome == nil && finding.severity >= .warning)
        }
        lines.append("### " + label(.markdownFailures))
        lines.append("")
        if failures.isEmpty {
            lines.append(label(.markdownNoFailures))
        } else {
            lines.append(row([label(.labelSeverity), label(.labelRule), label(.labelDistrict), label(.labelMessage),
                              label(.labelLocation), label(.labelPlan)]))
            lines.append("|---|---|---|---|---|---|")
            for finding in failures.prefix(maximumRows) {
                var message = finding.message.rendered(in: language)
                if let arithmetic = ArithmeticText.line(finding, language: language) { message += "\n" + arithmetic }
                if !finding.missingDistricts.isEmpty {
                    message += "\n" + label(.labelMissingDistricts) + ": "
                        + finding.missingDistricts.map { "\(report.districtName($0)) \($0)" }.joined(separator: ", ")
                }
                lines.append(row([
                    severityWord(finding.severity, language: language),
                    ruleCell(finding, report: report),
                    finding.district == nil && finding.rule != nil ? label(.labelCityWide)
                        : districtCell(finding.district, report: report),
                    escape(message),
                    locationCell(finding, report: report),
                    finding.rule.map { escape(CitationText.line($0, language: language)) } ?? "",
                ]))
            }
            if failures.count > maximumRows {
                lines.append("")
                lines.append(Message(.markdownMore, ["count": .number(failures.count - maximumRows)]).rendered(in: language))
            }
        }

        let acknowledged = report.findings.filter { $0.outcome == .acknowledged }
        if !acknowledged.isEmpty {
            lines.append("")
            lines.append("### " + label(.markdownAcknowledged))
            lines.append("")
            lines.append(row([label(.labelRule), label(.labelDistrict), label(.labelMessage),
                              label(.labelDeviationReason), label(.labelLocation), label(.labelPlan)]))
            lines.append("|---|---|---|---|---|---|")
            for finding in acknowledged.prefix(maximumRows) {
                var reason = finding.deviation?.reason ?? ""
                if let deviation = finding.deviation {
                    reason += " (" + deviation.approvedBy + (deviation.document.map { ", " + $0 } ?? "") + ")"
                }
                lines.append(row([
                    ruleCell(finding, report: report),
                    districtCell(finding.district, report: report),
                    escape(finding.message.rendered(in: language)),
                    escape(reason),
                    locationCell(finding, report: report),
                    finding.rule.map { escape(CitationText.line($0, language: language)) } ?? "",
                ]))
            }
        }

        let byDistrict = report.tallyByDistrict
        if !byDistrict.isEmpty {
            lines.append("")
            lines.append("### " + label(.summaryByDistrict))
            lines.append("")
            lines.append(row([label(.labelDistrict), label(.tableEvaluated), label(.tablePassed), label(.tableFailed),
                              label(.tableNotEvaluated), label(.tableAcknowledged)]))
            lines.append("|---|--:|--:|--:|--:|--:|")
            for (district, tally) in byDistrict {
                let name = district.map { "\(escape(report.districtName($0))) \($0)" } ?? label(.labelCityWide)
                lines.append(row([name] + [tally.evaluated, tally.passed, tally.failed, tally.notEvaluated,
                                           tally.acknowledged].map { String($0) }))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private func severityWord(_ severity: Severity, language: Language) -> String {
        switch severity {
        case .error: return MessageCatalogue.template(.severityError, language)
        case .warning: return MessageCatalogue.template(.severityWarning, language)
        case .note: return MessageCatalogue.template(.severityNote, language)
        }
    }

    /// The code, linked to its documentation, and the rule's title.
    private func ruleCell(_ finding: Finding, report: Report) -> String {
        var cell = report.documentationLink(finding).map { "[\(finding.code)](\($0))" } ?? finding.code
        if let rule = finding.rule {
            cell += " " + escape(rule.title[report.language])
        } else if let code = DiagnosticCode(rawValue: finding.code) {
            cell += " " + escape(MessageCatalogue.template(code.titleKey, report.language))
        }
        return cell
    }

    private func districtCell(_ district: String?, report: Report) -> String {
        guard let district else { return "" }
        return "\(escape(report.districtName(district))) \(district)"
    }

    private func locationCell(_ finding: Finding, report: Report) -> String {
        if let location = finding.location { return "`\(report.displayLocation(location))`" }
        if let file = finding.file { return "`\(report.displayPath(file))`" }
        return finding.rule != nil ? MessageCatalogue.template(.labelCityWide, report.language) : ""
    }

    /// Text inside a table cell: pipes would end the cell, line breaks the row, and `<` would start HTML.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n": result += "<br>"
            case "\r": break
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
