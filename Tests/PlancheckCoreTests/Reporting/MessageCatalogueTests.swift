import PlancheckCore
@testable import PlancheckRules
import Testing

@Suite("Message catalogues")
struct MessageCatalogueTests {
    static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            // `{points: 0.5}` in help texts is YAML shown to the user, not a placeholder.
            // The pack's words (`{unit}`, `{units}`, ...) are filled from its vocabulary, not from arguments, and
            // Chinese has no plural: a language may use either form.
            if !name.isEmpty, name.allSatisfy({ $0.isLetter && $0.isASCII }), !Vocabulary.placeholders.contains(String(name)) {
                names.insert(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("both catalogues have every key, with the same placeholders")
    func sameKeys() {
        for key in MessageKey.allCases {
            let chinese = MessageCatalogue.chinese[key]
            let english = MessageCatalogue.english[key]
            #expect(chinese != nil, "no Chinese text for \(key)")
            #expect(english != nil, "no English text for \(key)")
            if let chinese, let english {
                #expect(Self.placeholders(chinese) == Self.placeholders(english), "placeholders differ for \(key)")
            }
        }
        #expect(MessageCatalogue.chinese.count == MessageKey.allCases.count)
        #expect(MessageCatalogue.english.count == MessageKey.allCases.count)
    }

    @Test("rendering fills placeholders in either language")
    func rendering() {
        let message = Message(.missingRequiredIndicator, [
            "key": .text("gdp_growth"), "name": .localized(LocalizedText(zh: "地区生产总值增长", en: "GDP growth"))])
        #expect(message.rendered(in: .zh) == "缺少必报指标地区生产总值增长（`gdp_growth`）")
        #expect(message.rendered(in: .en) == "GDP growth (`gdp_growth`) is required but missing")
    }

    @Test("every built-in diagnostic code has a title in both catalogues")
    func codeTitles() {
        for code in DiagnosticCode.allCases {
            #expect(code.titleKey != .plain, "no title key for \(code.rawValue)")
            #expect(MessageCatalogue.chinese[code.titleKey] != nil && MessageCatalogue.english[code.titleKey] != nil)
        }
    }
}
