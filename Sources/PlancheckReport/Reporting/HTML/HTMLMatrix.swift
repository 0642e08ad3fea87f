import PlancheckEngine
import PlancheckRules

/// The districts × rules matrix: one row per district, one column per district-scope rule, one cell per rule
/// finding (so that the matrix's counts are the findings' counts). City-total rules have no per-district result
/// and are shown in `HTMLAggregates`.
enum HTMLMatrix {
    static func render(_ context: HTMLContext) -> String {
        let rules = orderedRules(context)
        var html = "<section class=\"card\" id=\"\(context.id("matrix"))\">\n<h2>\(HTML.escape(context.t(.matrix)))</h2>\n"
        html += "<p class=\"note\">\(HTML.escape(context.t(.matrixNote)))</p>\n"
        html += tools(context)
        html += legend(context)
        html += "<div class=\"mxwrap\"><table class=\"mx\" id=\"\(context.id("mx"))\">\n<thead>\n"
        html += groupRow(rules, context)
        html += headingRow(rules, context)
        html += "</thead>\n<tbody>\n"
        for (index, district) in context.districts.enumerated() {
            html += row(district, index: index, rules: rules, context: context)
        }
        html += "</tbody>\n</table></div>\n</section>\n"
        return html
    }

    /// Rules grouped by plan section (stable within a section), so each section is one column group.
    static func orderedRules(_ context: HTMLContext) -> [(rule: Rule, section: Int)] {
        context.districtRules.enumerated()
            .map { (offset: $0.offset, rule: $0.element, section: context.section(of: $0.element)) }
            .sorted { ($0.section, $0.offset) < ($1.section, $1.offset) }
            .map { ($0.rule, $0.section) }
    }

    /// Filters shared by every section of the page (the script applies them to elements of class `fl`).
    static func tools(_ context: HTMLContext) -> String {
        let language = context.language
        var html = "<div class=\"tools\">"
        html += "<label>\(HTML.escape(context.t(.filterSection))) <select id=\"\(context.id("f-sec"))\"><option value=\"\">"
        html += HTML.escape(context.t(.allSections)) + "</option>"
        for (index, section) in context.sections.enumerated() {
            html += "<option value=\"\(index)\">\(HTML.escape(section.label))</option>"
        }
        html += "</select></label>"
        html += "<label>\(HTML.escape(context.t(.filterSeverity))) <select id=\"\(context.id("f-sev"))\"><option value=\"\">"
        html += HTML.escape(context.t(.allSeverities)) + "</option>"
        for severity in Severity.allCases.reversed() {
            html += "<option value=\"\(severity.rawValue)\">\(HTML.escape(severityWord(severity, language)))</option>"
        }
        html += "</select></label>"
        html += "<label>\(HTML.escape(context.t(.filterKind))) <select id=\"\(context.id("f-kind"))\"><option value=\"\">"
        html += HTML.escape(context.t(.allKinds)) + "</option>"
        for kind in context.report.pack.districtKinds {
            html += "<option value=\"\(HTML.escape(kind.id))\">\(HTML.escape(kind.name[language]))</option>"
        }
        html += "</select></label>"
        html += "<label><input type=\"checkbox\" id=\"\(context.id("f-bad"))\"> \(HTML.escape(context.t(.onlyProblems)))</label>"
        html += "<span class=\"note\"><span id=\"\(context.id("f-shown"))\"></span> · \(HTML.escape(context.t(.sortHint)))</span>"
        return html + "</div>\n"
    }

    static func severityWord(_ severity: Severity, _ language: Language) -> String {
        switch severity {
        case .error: return MessageCatalogue.template(.severityError, language)
        case .warning: return MessageCatalogue.template(.severityWarning, language)
        case .note: return MessageCatalogue.template(.severityNote, language)
        }
    }

    static func legend(_ context: HTMLContext) -> String {
        var html = "<div class=\"legend\"><b>\(HTML.escape(context.t(.legend)))</b>"
        for status in CellStatus.allCases {
            html += "<span><i class=\"\(status.rawValue)\">\(status.symbol)</i>\(HTML.escape(status.word(context.language)))</span>"
        }
        html += "<span><i class=\"na\" style=\"background:repeating-linear-gradient(135deg,#fff 0 3px,#dde1e6 3px 5px)\">&nbsp;</i>"
        html += "\(HTML.escape(context.t(.notApplicable)))</span>"
        if let shaded = context.shadedNote {
            html += "<span><i style=\"background:var(--shade)\">&nbsp;</i>\(HTML.escape(shaded))</span>"
        }
        return html + "</div>\n"
    }

    private static func groupRow(_ rules: [(rule: Rule, section: Int)], _ context: HTMLContext) -> String {
        var html = "<tr class=\"g\"><th class=\"nm\" colspan=\"4\"></th>"
        var index = 0
        while index < rules.count {
            let section = rules[index].section
            var end = index
            while end < rules.count, rules[end].section == section { end += 1 }
            let label = context.sections[section]
            html += "<th colspan=\"\(end - index)\" data-sec=\"\(section)\" title=\"\(HTML.escape(label.label))\">"
            html += HTML.escape(label.short) + "</th>"
            index = end
        }
        return html + "</tr>\n"
    }

    private static func headingRow(_ rules: [(rule: Rule, section: Int)], _ context: HTMLContext) -> String {
        var html = "<tr class=\"h\"><th class=\"nm\">\(HTML.escape(context.t(.district)))</th>"
        html += "<th>\(HTML.escape(context.t(.kind)))</th>"
        html += "<th title=\"\(HTML.escape(context.t(.errors)))\">✗</th><th title=\"\(HTML.escape(context.t(.warnings)))\">!</th>"
        let prefix = commonPrefix(rules.map(\.rule.id))
        for (rule, section) in rules {
            let title = "\(rule.id) \(rule.title[context.language])"
            html += "<th class=\"r\" data-sec=\"\(section)\" data-sev=\"\(rule.severity.rawValue)\" title=\"\(HTML.escape(title))\">"
            html += "<span>\(HTML.escape(String(rule.id.dropFirst(prefix.count)))) \(HTML.escape(rule.title[context.language]))</span>"
            html += "<a href=\"#\(context.anchor("rule", rule.id))\">§</a></th>"
        }
        return html + "</tr>\n"
    }

    /// "SY25-" when every id starts with it: the columns are narrow, and the prefix says nothing there.
    static func commonPrefix(_ ids: [String]) -> String {
        guard let first = ids.first, let dash = first.firstIndex(of: "-") else { return "" }
        let prefix = String(first[...dash])
        return ids.allSatisfy { $0.hasPrefix(prefix) } ? prefix : ""
    }

    private static func row(_ district: District, index: Int, rules: [(rule: Rule, section: Int)],
                            context: HTMLContext) -> String {
        let severities = context.report.tally.severitiesByUnit[district.code] ?? SeverityCounts()
        let errors = severities.errors, warnings = severities.warnings
        let reporting = context.reporting.contains(district.code)
        var classes: [String] = []
        if context.isShaded(district.code) { classes.append("shade") }
        if !reporting { classes.append("absent") }
        var html = "<tr data-kind=\"\(HTML.escape(district.kind))\""
        if !classes.isEmpty { html += " class=\"\(classes.joined(separator: " "))\"" }
        if errors + warnings > 0 { html += " data-bad" }
        html += "><th class=\"nm\" data-v=\"\(index)\"><a href=\"#\(context.anchor("unit", district.code))\">"
        html += HTML.escape(district.name[context.language]) + "</a><small>\(HTML.escape(district.code))</small></th>"
        let kind = reporting ? context.kindName(district.kind) : context.t(.notSubmitted)
        html += "<td class=\"c\" data-v=\"\(HTML.escape(district.kind))\">\(HTML.escape(kind))</td>"
        html += "<td class=\"c\(errors > 0 ? " bad" : "")\" data-v=\"\(-errors)\">\(errors)</td>"
        html += "<td class=\"c\" data-v=\"\(-warnings)\">\(warnings)</td>"
        for (rule, _) in rules {
            html += cell(rule, district: district, context: context)
        }
        return html + "</tr>\n"
    }

    private static func cell(_ rule: Rule, district: District, context: HTMLContext) -> String {
        let findings = context.findingsByRule[rule.id]?[district.code] ?? []
        guard let first = findings.first, let status = CellStatus(first) else {
            if !rule.applies(toDistrict: district.code, kind: district.kind) {
                return "<td class=\"na\"></td>"
            }
            return "<td></td>"
        }
        if findings.count == 1 {
            return "<td class=\"\(status.rawValue)\" data-outcome=\"\(first.outcome!.rawValue)\" title=\""
                + HTML.escape(tooltip(first, status: status, context: context)) + "\">"
                + mark(first, status: status, rule: rule, district: district, context: context) + "</td>"
        }
        // Several findings for one district and rule (e.g. two submissions for the district): one mark each.
        let worst = findings.compactMap(CellStatus.init).min { $0.rank < $1.rank } ?? status
        var html = "<td class=\"\(worst.rawValue)\">"
        for finding in findings {
            guard let each = CellStatus(finding), let outcome = finding.outcome else { continue }
            html += "<span data-outcome=\"\(outcome.rawValue)\" title=\"\(HTML.escape(tooltip(finding, status: each, context: context)))\">"
            html += "\(each.symbol)</span>"
        }
        return html + "</td>"
    }

    private static func mark(_ finding: ReportEntry, status: CellStatus, rule: Rule, district: District,
                             context: HTMLContext) -> String {
        guard HTMLContext.isListed(finding) else { return status.symbol }
        return "<a href=\"#\(findingAnchor(finding, context: context))\">\(status.symbol)</a>"
    }

    /// The finding's entry in the list below; reportable findings have one.
    static func findingAnchor(_ finding: ReportEntry, context: HTMLContext) -> String {
        let number = context.findingNumber[finding.code + "|" + (finding.unit ?? "")] ?? 0
        return context.id("f-\(number)")
    }

    /// Short, because a 300-district matrix has thousands of cells: the word, the figure and the target.
    static func tooltip(_ finding: ReportEntry, status: CellStatus, context: HTMLContext) -> String {
        var text = status.word(context.language)
        if let actual = finding.evidence?.value {
            text += "：" + QuantityText.display(actual, in: context.language)
            if let evidence = finding.evidence { text += " / " + context.target(evidence) }
        }
        return text
    }
}
