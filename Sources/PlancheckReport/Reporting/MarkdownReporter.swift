import PlancheckRules

/// `--format markdown`: a summary for a CI job page (GitHub's `$GITHUB_STEP_SUMMARY`, a merge-request comment):
/// the counts, a table of failures and problems (rule with its documentation link, district, message, location,
/// citation), the declared deviations, and the per-district tallies. Several runs (a repository checked against a
/// pack per group of files) follow each other, each under a heading that names its group instead of the title.
public struct MarkdownReporter: Reporter {
    /// Rows per table; job summaries are limited in size, and the full list is in the other formats.
    public var maximumRows: Int

    public init(maximumRows: Int = 200) {
        self.maximumRows = maximumRows
    }

    public func render(_ report: Report) -> String {
        render(report, heading: MessageCatalogue.text(.markdownTitle, report.language, report.vocabulary))
    }

    /// Each run under its own heading (year, pack, globs), with its own counts, tables and words.
    public func render(_ reports: [Report]) -> String {
        guard reports.count != 1 else { return render(reports[0]) }
        return reports.map { render($0, heading: escape($0.context.runHeading)) }.joined(separator: "\n")
    }

    /// One run's summary under `heading` (Markdown already).
    private func render(_ report: Report, heading: String) -> String {
        let language = report.language
        let vocabulary = report.vocabulary
        let tally = report.tally
        func label(_ key: MessageKey) -> String { MessageCatalogue.text(key, language, vocabulary) }
        var lines: [String] = []
        lines.append("## " + heading)
        lines.append("")
        lines.append("**" + Message(.summaryCounts, [
            "errors": .number(tally.errors), "warnings": .number(tally.warnings),
            "notes": .number(tally.notes)]).rendered(in: language, vocabulary: vocabulary) + "**")
        lines.append("")
        lines.append(report.summary.filesMessage.rendered(in: language, vocabulary: vocabulary) + "  ")
        lines.append(report.summary.outcomesMessage.rendered(in: language, vocabulary: vocabulary))
        lines.append("")

        // Failed rules of any severity, and problems with files that are worth acting on.
        let failures = report.entries.filter { entry in
            entry.result.outcome == .failed || (entry.result.diagnostic != nil && entry.result.severity >= .warning)
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
                var message = finding.text
                if let arithmetic = finding.arithmetic { message += "\n" + arithmetic }
                for line in finding.lackingUnits.lines(language) { message += "\n" + line.label + ": " + line.units }
                lines.append(row([
                    severityWord(finding.result.severity, language: language),
                    ruleCell(finding),
                    finding.unit == nil && finding.rule != nil ? label(.labelCityWide)
                        : districtCell(finding.unit, report: report),
                    escape(message),
                    locationCell(finding, report: report),
                    finding.citation.map(escape) ?? "",
                ]))
            }
            if failures.count > maximumRows {
                lines.append("")
                lines.append(Message(.markdownMore, ["count": .number(failures.count - maximumRows)]).rendered(in: language, vocabulary: vocabulary))
            }
        }

        let acknowledged = report.entries.filter { $0.result.outcome == .acknowledged }
        if !acknowledged.isEmpty {
            lines.append("")
            lines.append("### " + label(.markdownAcknowledged))
            lines.append("")
            lines.append(row([label(.labelRule), label(.labelDistrict), label(.labelMessage),
                              label(.labelDeviationReason), label(.labelLocation), label(.labelPlan)]))
            lines.append("|---|---|---|---|---|---|")
            for finding in acknowledged.prefix(maximumRows) {
                let deviation = finding.result.ruleResult?.deviation
                var reason = deviation?.reason ?? ""
                if let deviation {
                    reason += " (" + deviation.approvedBy + (deviation.document.map { ", " + $0 } ?? "") + ")"
                }
                lines.append(row([
                    ruleCell(finding),
                    districtCell(finding.unit, report: report),
                    escape(finding.text),
                    escape(reason),
                    locationCell(finding, report: report),
                    finding.citation.map(escape) ?? "",
                ]))
            }
        }

        if let block = report.context.incompleteTotals(report.summary.incompleteTotals) {
            lines.append("")
            lines.append("### " + escape(block.title))
            lines.append("")
            lines += block.items.map { "- " + escape($0) }
            lines.append("")
            lines.append(escape(block.help))
        }

        let byDistrict = report.summary.tallyByUnit
        if !byDistrict.isEmpty {
            lines.append("")
            lines.append("### " + label(.summaryByDistrict))
            lines.append("")
            lines.append(row([label(.labelDistrict), label(.tableEvaluated), label(.tablePassed), label(.tableFailed),
                              label(.tableNotEvaluated), label(.tableAcknowledged)]))
            lines.append("|---|--:|--:|--:|--:|--:|")
            for (district, tally) in byDistrict {
                let name = district.map { "\(escape(report.unitName($0))) \(escape($0))" } ?? label(.labelCityWide)
                lines.append(row([name] + [tally.evaluated, tally.passedInAll, tally.failed, tally.notEvaluated,
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
    private func ruleCell(_ entry: ReportEntry) -> String {
        let cell = entry.documentation.map { "[\(escape(entry.code))](\(linkTarget($0)))" } ?? escape(entry.code)
        return cell + " " + escape(entry.title)
    }

    private func districtCell(_ district: String?, report: Report) -> String {
        guard let district else { return "" }
        return "\(escape(report.unitName(district))) \(escape(district))"
    }

    private func locationCell(_ finding: ReportEntry, report: Report) -> String {
        if let location = finding.location { return code(report.displayLocation(location)) }
        if let file = finding.file { return code(file) }
        return finding.rule != nil ? MessageCatalogue.text(.labelCityWide, report.language, report.vocabulary) : ""
    }

    /// Text inside a table cell, quoted from inputs: pipes would end the cell, line breaks the row, and `<` would
    /// start HTML; the inline syntax of links, images, emphasis, code and autolinks is escaped with a backslash
    /// (a deviation's reason `[附件](https://…)` or `![img](…)` shows as typed and links nowhere), and control
    /// characters are written visibly (`VisibleText`).
    func escape(_ text: String) -> String {
        var result = ""
        for character in VisibleText.escape(text, keepingLineBreaks: true) {
            switch character {
            case "|": result += "\\|"
            case "\n": result += "<br>"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "[", "]", "!", "*", "_", "`", "~", "\\", "@":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        // `https://` with an escaped colon, and `www\.`, start no autolink.
        return result.replacing("://", with: "\\://").replacing("www.", with: "www\\.").replacing("WWW.", with: "WWW\\.")
    }

    /// A path as code, where no Markdown syntax applies; escaped text instead when it could end the code span.
    func code(_ text: String) -> String {
        let plain = !text.contains("`") && !text.contains("|") && !text.unicodeScalars.contains(where: VisibleText.isHidden)
        return plain ? "`" + text + "`" : escape(text)
    }

    /// A link target from a pack's metadata: anything that could end the target or the line is percent-encoded.
    func linkTarget(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || "()<>[]|\\`\"'".unicodeScalars.contains(scalar) || VisibleText.isHidden(scalar) {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
