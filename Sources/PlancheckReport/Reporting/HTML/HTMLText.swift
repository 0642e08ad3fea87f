import PlancheckRules

/// Escaping and the page's own words. Everything that reaches the page from a file, a rule pack or a message
/// goes through `HTML.escape`: submissions are typed by people and may contain `<`, `&` and quotes.
enum HTML {
    /// Text for element content and for double-quoted attribute values alike.
    /// Control characters are made visible first (`VisibleText`); a character reference to one would be a parse
    /// error in HTML.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in VisibleText.escape(String(text), keepingLineBreaks: true) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A tooltip's text, cut short: a message about a missing figure names every district, which on a
    /// 300-district run would make one attribute longer than a chart.
    static func clip(_ text: String, to length: Int = 160) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }

    /// An id usable in a URL fragment: rule ids become `rule-sy25-m01`, as the deep links expect.
    static func anchor(_ prefix: String, _ id: String) -> String {
        var slug = ""
        for scalar in id.lowercased().unicodeScalars {
            let isSafe = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
            slug.unicodeScalars.append(isSafe ? scalar : "-")
        }
        return prefix + "-" + slug
    }
}

/// Page chrome in both languages. Kept here rather than in the message catalogues: these are headings and
/// labels of one output format, not diagnostics that other formats share.
enum Chrome: CaseIterable {
    case overview, matrix, charts, aggregates, findings, rules
    case district, kind, code, errors, warnings, notes, fileProblems, allKinds, allSections, allSeverities
    case filterSection, filterSeverity, filterKind, onlyProblems, sortHint, legend, notApplicable, notSubmitted
    case cityTotal, target, band, total, missing, allMissing, noFigures, shortfall, more
    case files, pack, generatedFrom, districtsChecked, rulesInPack, evaluated, shadedKind
    case noProblems, scope, scopeDistrict, scopeCity, qualifier, reading, severity, source, deviation
    case approvedBy, document, expires, otherFiles, chartNote, aggregateNote, matrixNote, outcomeSummary
    case figureMissing, contributions, ruleTargets, districtsWithErrors, printHint, back

    /// The text in `language`, with the pack's words for its units and its whole.
    func text(_ language: Language, _ vocabulary: Vocabulary) -> String {
        let pair: (String, String)
        switch self {
        case .overview: pair = ("总览", "Overview")
        case .matrix: pair = ("{unit} × 规则矩阵", "{Units} × rules")
        case .charts: pair = ("指标对比图", "Indicator charts")
        case .aggregates: pair = ("{whole}合计目标", "{Whole} totals")
        case .findings: pair = ("问题清单", "Findings")
        case .rules: pair = ("规则目录", "Rules")
        case .district: pair = ("{unit}", "{Unit}")
        case .kind: pair = ("类型", "Kind")
        case .code: pair = ("代码", "Code")
        case .errors: pair = ("错误", "Errors")
        case .warnings: pair = ("警告", "Warnings")
        case .notes: pair = ("提示", "Notes")
        case .fileProblems: pair = ("文件问题", "File problems")
        case .allKinds: pair = ("全部类型", "All kinds")
        case .allSections: pair = ("全部章节", "All sections")
        case .allSeverities: pair = ("全部级别", "All severities")
        case .filterSection: pair = ("计划章节", "Plan section")
        case .filterSeverity: pair = ("级别", "Severity")
        case .filterKind: pair = ("{unit}类型", "{Unit} kind")
        case .onlyProblems: pair = ("只看有问题的{unit}", "Only {units} with problems")
        case .sortHint: pair = ("点击表头排序", "Click a heading to sort")
        case .legend: pair = ("图例", "Legend")
        case .notApplicable: pair = ("不适用", "does not apply")
        case .notSubmitted: pair = ("未报送", "not submitted")
        case .cityTotal: pair = ("{whole}", "{Whole}")
        case .target: pair = ("目标", "target")
        case .band: pair = ("容差带", "tolerance band")
        case .total: pair = ("合计", "total")
        case .missing: pair = ("未填报", "missing")
        case .allMissing: pair = ("全部{unit}均未填报", "no {unit} has reported it")
        case .noFigures: pair = ("无数据", "no figures")
        case .shortfall: pair = ("缺口", "shortfall")
        case .more: pair = ("另有", "and")
        case .files: pair = ("报送文件", "Files")
        case .pack: pair = ("规则包", "Rule pack")
        case .generatedFrom: pair = ("检查依据", "Checked against")
        case .districtsChecked: pair = ("报送{unit}", "{Units} reporting")
        case .rulesInPack: pair = ("规则", "Rules")
        case .evaluated: pair = ("已评估", "Evaluated")
        case .shadedKind: pair = ("底色标出{kind}单位", "{kind}: shaded")
        case .noProblems: pair = ("没有需要处理的问题", "Nothing to act on")
        case .scope: pair = ("范围", "Scope")
        case .scopeDistrict: pair = ("逐{unit}", "each {unit}")
        case .scopeCity: pair = ("{whole}合计", "{whole} total")
        case .qualifier: pair = ("限定词", "Qualifier")
        case .reading: pair = ("解读", "Reading")
        case .severity: pair = ("级别", "Severity")
        case .source: pair = ("原文", "Source")
        case .deviation: pair = ("偏离说明", "Deviation")
        case .approvedBy: pair = ("批准", "approved by")
        case .document: pair = ("文号", "document")
        case .expires: pair = ("有效期至", "expires")
        case .otherFiles: pair = ("其他文件", "Other files")
        case .chartNote: pair = ("每个点是一个{unit}的计划数；虚线为目标，浅色带为“左右”目标的容差带。",
                                 "Each mark is one {unit}'s planned figure; dashed lines are targets, the light band is the tolerance of a 左右 (about) target.")
        case .aggregateNote: pair = ("各{unit}计划数依次堆叠，竖线为{whole}目标；未填报的{unit}列在图下。",
                                     "The {units}' planned figures are stacked; the vertical line is the {whole} target; {units} that did not report are listed below.")
        case .matrixNote: pair = ("每格是一条逐{unit}规则对一个{unit}的结果；{whole}合计规则见下文。",
                                  "Each cell is one {unit} rule's result for one {unit}; {whole}-total rules are listed further down.")
        case .outcomeSummary: pair = ("结果", "Results")
        case .figureMissing: pair = ("未填报", "no figure")
        case .contributions: pair = ("各{unit}贡献", "Contributions by {unit}")
        case .ruleTargets: pair = ("相关规则", "Rules")
        case .districtsWithErrors: pair = ("有错误的{unit}", "{Units} with errors")
        case .printHint: pair = ("打印时使用 A4 横向", "Prints on A4 landscape")
        case .back: pair = ("返回矩阵", "Back to the matrix")
        }
        return vocabulary.fill(language == .zh ? pair.0 : pair.1, in: language)
    }
}
