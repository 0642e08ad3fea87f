extension Citation {
    /// Where in the plan, in words: `第二部分 主要预期目标`, `第三部分 (三)… 第11项`. One wording for every
    /// report and the generated reference, so it lives with the model both of them read.
    public func place(language: Language) -> String {
        var parts: [String] = []
        parts.append(language == .zh ? "第\(part)部分" : "part \(part)")
        if let section { parts.append(section) }
        if let item { parts.append(language == .zh ? "第\(item)项" : "item \(item)") }
        return parts.joined(separator: language == .zh ? " " : ", ")
    }
}
