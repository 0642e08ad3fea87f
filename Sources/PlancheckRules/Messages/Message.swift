import PlancheckValues

/// A value inserted into a message template. Kept structured until rendering, so that one finding can be
/// rendered in either language (an indicator's name, a quantity, ...).
public enum MessageArgument: Sendable {
    case text(String)
    case localized(LocalizedText)
    case quantity(Quantity)
    /// A quantity shown with at least `places` fractional digits when it has them: so that a figure that missed its
    /// target never reads as the target (5.49999% is not "≈5.5%").
    case preciseQuantity(Quantity, places: Int)
    case number(Int)
    /// A file's path, or a `path:line:column`: shown as the report shows paths (relative to its base directory).
    case path(String)
    /// Another message, rendered in the same language (e.g. a reason inside a sentence).
    indirect case message(Message)
    /// Several arguments in a row, separated as the language separates list items.
    indirect case joined([MessageArgument], separator: ListSeparator)

    public enum ListSeparator: Sendable {
        /// ", " in both languages (lists of keys and codes).
        case comma
        /// "、" in Chinese, ", " in English (lists of names).
        case enumeration
        /// "；" in Chinese, "; " in English (clauses of one sentence).
        case clauses
    }

    public func rendered(in language: Language, vocabulary: Vocabulary,
                         displayPath: (String) -> String = { $0 }) -> String {
        switch self {
        case .text(let text): return text
        case .path(let path): return displayPath(path)
        case .localized(let text): return text[language]
        case .quantity(let quantity): return QuantityText.display(quantity, in: language)
        case .preciseQuantity(let quantity, let places): return QuantityText.display(quantity, in: language, places: places)
        case .number(let number): return String(number)
        case .message(let message): return message.rendered(in: language, vocabulary: vocabulary, displayPath: displayPath)
        case .joined(let items, let separator):
            let between: String
            switch separator {
            case .comma: between = ", "
            case .enumeration: between = language == .zh ? "、" : ", "
            case .clauses: between = language == .zh ? "；" : "; "
            }
            return items.map { $0.rendered(in: language, vocabulary: vocabulary, displayPath: displayPath) }.joined(separator: between)
        }
    }
}

/// A user-facing text: a key into the catalogues plus its arguments.
public struct Message: Sendable {
    public var key: MessageKey
    public var arguments: [String: MessageArgument]

    public init(_ key: MessageKey, _ arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`: the catalogue's template with `{name}` placeholders filled from the arguments,
    /// and the pack's words (`{unit}`, `{units}`, `{whole}`, ...) from `vocabulary`; paths as `displayPath` shows them.
    public func rendered(in language: Language, vocabulary: Vocabulary, displayPath: (String) -> String = { $0 }) -> String {
        Placeholders.fill(MessageCatalogue.template(key, language)) { name in
            if let argument = arguments[name] {
                return argument.rendered(in: language, vocabulary: vocabulary, displayPath: displayPath)
            }
            return vocabulary.word(name, in: language, count: count)
        }
    }

    /// The number the message counts, if any: it chooses between "1 district" and "2 districts".
    private var count: Int? {
        if case .number(let number) = arguments["count"] { return number }
        return nil
    }
}

public enum MessageCatalogue {
    public static func template(_ key: MessageKey, _ language: Language) -> String {
        switch language {
        case .zh: return chinese[key] ?? english[key] ?? key.rawValue
        case .en: return english[key] ?? key.rawValue
        }
    }

    /// A template that takes no arguments, as a label or heading: the pack's words filled in.
    public static func text(_ key: MessageKey, _ language: Language, _ vocabulary: Vocabulary) -> String {
        vocabulary.fill(template(key, language), in: language)
    }
}

/// Quantities as people read them: long quotients rounded, percentage points named in the reader's language.
package enum QuantityText {
    package static func display(_ quantity: Quantity, in language: Language, places: Int = 2) -> String {
        var value = quantity.value
        var approximate = false
        if value.scale > max(4, places) {
            let rounded = value.rounded(toPlaces: places)
            approximate = rounded != value
            value = rounded
        }
        let number = (approximate ? "≈" : "") + value.description
        if quantity.unit.isPercentagePoints {
            return language == .zh ? number + "个百分点" : number + " pp"
        }
        return number + quantity.unit.symbol
    }

    /// The fewest fractional digits (2 or more) at which `value` shows as different from each of `others` it differs
    /// from, and a nonzero `gap` does not show as zero.
    package static func placesToDistinguish(_ value: ExactDecimal, from others: [ExactDecimal], gap: ExactDecimal) -> Int {
        var places = 2
        let zero = ExactDecimal(0)
        while places < 12 {
            let shown = value.rounded(toPlaces: places)
            let confused = others.contains { $0 != value && $0.rounded(toPlaces: places) == shown }
                || (gap != zero && gap.rounded(toPlaces: places) == zero)
            if !confused { break }
            places += 1
        }
        return places
    }
}

/// `{name}` placeholders in a catalogue template or a document text, the one scanner for messages and the pack's
/// words alike.
enum Placeholders {
    /// `template` with each `{name}` replaced by `value(name)`; a name it gives nil for is left as written.
    static func fill(_ template: String, _ value: (String) -> String?) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 16)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            result += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
