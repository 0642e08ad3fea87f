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
    case files, pack, generatedFrom, districtsChecked, rulesInPack, evaluated, countyMarked
    case noProblems, scope, scopeDistrict, scopeCity, qualifier, reading, severity, source, deviation
    case approvedBy, document, expires, otherFiles, chartNote, aggregateNote, matrixNote, outcomeSummary
    case figureMissing, contributions, ruleTargets, districtsWithErrors, printHint, back

    func text(_ language: Language) -> String {
        let pair: (String, String)
        switch self {
        case .overview: pair = ("总览", "Overview")
        case .matrix: pair = ("区县 × 规则矩阵", "Districts × rules")
        case .charts: pair = ("指标对比图", "Indicator charts")
        case .aggregates: pair = ("全市合计目标", "City totals")
        case .findings: pair = ("问题清单", "Findings")
        case .rules: pair = ("规则目录", "Rules")
        case .district: pair = ("区县", "District")
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
        case .filterKind: pair = ("区县类型", "District kind")
        case .onlyProblems: pair = ("只看有问题的区县", "Only districts with problems")
        case .sortHint: pair = ("点击表头排序", "Click a heading to sort")
        case .legend: pair = ("图例", "Legend")
        case .notApplicable: pair = ("不适用", "does not apply")
        case .notSubmitted: pair = ("未报送", "not submitted")
        case .cityTotal: pair = ("全市", "City")
        case .target: pair = ("目标", "target")
        case .band: pair = ("容差带", "tolerance band")
        case .total: pair = ("合计", "total")
        case .missing: pair = ("未填报", "missing")
        case .allMissing: pair = ("全部区县均未填报", "no district has reported it")
        case .noFigures: pair = ("无数据", "no figures")
        case .shortfall: pair = ("缺口", "shortfall")
        case .more: pair = ("另有", "and")
        case .files: pair = ("报送文件", "Files")
        case .pack: pair = ("规则包", "Rule pack")
        case .generatedFrom: pair = ("检查依据", "Checked against")
        case .districtsChecked: pair = ("报送区县", "Districts reporting")
        case .rulesInPack: pair = ("规则", "Rules")
        case .evaluated: pair = ("已评估", "Evaluated")
        case .countyMarked: pair = ("底色标出县域单位", "县域 (county-level) units shaded")
        case .noProblems: pair = ("没有需要处理的问题", "Nothing to act on")
        case .scope: pair = ("范围", "Scope")
        case .scopeDistrict: pair = ("逐区县", "each district")
        case .scopeCity: pair = ("全市合计", "city total")
        case .qualifier: pair = ("限定词", "Qualifier")
        case .reading: pair = ("解读", "Reading")
        case .severity: pair = ("级别", "Severity")
        case .source: pair = ("原文", "Source")
        case .deviation: pair = ("偏离说明", "Deviation")
        case .approvedBy: pair = ("批准", "approved by")
        case .document: pair = ("文号", "document")
        case .expires: pair = ("有效期至", "expires")
        case .otherFiles: pair = ("其他文件", "Other files")
        case .chartNote: pair = ("每个点是一个区县的计划数；虚线为目标，浅色带为“左右”目标的容差带。",
                                 "Each mark is one district's planned figure; dashed lines are targets, the light band is the tolerance of a 左右 (about) target.")
        case .aggregateNote: pair = ("各区县计划数依次堆叠，竖线为全市目标；未填报的区县列在图下。",
                                     "The districts' planned figures are stacked; the vertical line is the city target; districts that did not report are listed below.")
        case .matrixNote: pair = ("每格是一条逐区县规则对一个区县的结果；全市合计规则见下文。",
                                  "Each cell is one district rule's result for one district; city-total rules are listed further down.")
        case .outcomeSummary: pair = ("结果", "Results")
        case .figureMissing: pair = ("未填报", "no figure")
        case .contributions: pair = ("各区县贡献", "Contributions by district")
        case .ruleTargets: pair = ("相关规则", "Rules")
        case .districtsWithErrors: pair = ("有错误的区县", "Districts with errors")
        case .printHint: pair = ("打印时使用 A4 横向", "Prints on A4 landscape")
        case .back: pair = ("返回矩阵", "Back to the matrix")
        }
        return language == .zh ? pair.0 : pair.1
    }
}
