extension Citation {
    /// Where in the plan, in words: `第二部分 主要预期目标`, `第三部分 (三)… 第11项`. One wording for every
    /// report and the generated reference, so it lives with the model both of them read.
    public func place(language: Language) -> String {
        if let decision {
            let issuer = decision.issuer.map { language == .zh ? "（\($0.zh)）" : " (\($0.en))" } ?? ""
            let date = decision.date.map { language == .zh ? "，\($0)" : ", \($0)" } ?? ""
            return (language == .zh ? "地方决定：" : "local decision: ") + decision.document + issuer + date
        }
        var parts: [String] = []
        if partIsNumeral {
            parts.append(language == .zh ? "第\(part)部分" : "part \(part)")
        } else {
            parts.append(part)
        }
        if let section { parts.append(section) }
        if let item { parts.append(language == .zh ? "第\(item)项" : "item \(item)") }
        return parts.joined(separator: language == .zh ? " " : ", ")
    }

    /// The heading of the group of rules this citation belongs to in the reference: `第二部分 主要预期目标`,
    /// `主要预期目标`, or `地方决定` for rules from local decisions.
    public func groupTitle() -> LocalizedText {
        if decision != nil { return LocalizedText(zh: "地方决定", en: "Local decisions") }
        let zh = (partIsNumeral ? "第\(part)部分" : part) + (section.map { " " + $0 } ?? "")
        let en = (partIsNumeral ? "Part \(part)" : part) + (section.map { ", " + $0 } ?? "")
        return LocalizedText(zh: zh, en: en)
    }
}
