/// The languages every user-facing text exists in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en
}

/// A text given in both languages, as rule packs write it: `{zh: ..., en: ...}`.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}
