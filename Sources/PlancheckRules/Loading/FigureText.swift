import PlancheckValues
import Synchronization

/// Glue between the figure parser (values layer) and the loaders: what a figure's text means, plus the
/// messages that tell a district how its text was read.
struct FigureText {
    var value: ExactDecimal = .zero
    var unit: Unit?
    var bound: QualitativeBound?
    var qualifier: String?
    /// Normalisations worth telling the district about (trimming spaces is not).
    var normalisations: [FigureNormalization] = []
    var failure: (reason: Message, column: Int)?

    /// The figure as it was read, for "read as …" notes.
    var displayText: String {
        if let bound { return bound == .positive ? "> 0%" : "< 0%" }
        return value.description + (unit?.symbol ?? "")
    }

    var normalisationSummary: Message {
        let items = normalisations.map { normalisation -> MessageArgument in
            .message(Message(FigureText.key(for: normalisation)))
        }
        return Message(.normalisedList, ["items": .joined(items, separator: .enumeration)])
    }

    static func read(_ text: String) -> FigureText {
        plainFigure(text) ?? readInFull(text)
    }

    /// The figure parser's reading, for every form it accepts.
    static func readInFull(_ text: String) -> FigureText {
        let parsed = FigureParser.parse(text)
        var result = FigureText()
        result.normalisations = parsed.normalizations.filter {
            $0 != .trimmedWhitespace && $0 != .spaceBetweenNumberAndUnit
        }
        switch parsed.reading {
        case .number(let figure):
            result.value = figure.value
            result.unit = figure.unit
            result.qualifier = figure.qualifierText
        case .qualitative(let qualitative):
            result.unit = .percent
            result.bound = qualitative.phrase == .positiveGrowth ? .positive : .negative
        case .failure(let failure):
            result.failure = (Message(key(for: failure.reason)), failure.offset)
        }
        return result
    }

    static func key(for reason: FigureParseFailure.Reason) -> MessageKey {
        switch reason {
        case .empty: return .figureEmpty
        case .noNumber, .invalidChineseNumeral: return .figureNotANumber
        case .unexpectedCharacter, .conflictingQualifiers: return .figureTrailingText
        case .misplacedSeparator: return .figureBadSeparator
        case .outOfRange: return .figureOutOfRange
        case .unknownUnit: return .figureBadUnit
        }
    }

    static func key(for normalisation: FigureNormalization) -> MessageKey {
        switch normalisation {
        case .fullWidthCharacters: return .normalisedFullWidth
        case .thousandsSeparators: return .normalisedSeparators
        case .spaceBetweenNumberAndUnit, .trimmedWhitespace: return .normalisedSpaces
        case .chineseNumerals: return .normalisedChineseNumerals
        case .flatMeansZero, .zeroGrowthMeansZero: return .normalisedFlat
        case .minusSignVariant: return .normalisedMinusSign
        case .declineMeansNegative: return .normalisedDecline
        case .plusSign: return .normalisedPlusSign
        case .growthWordDropped: return .normalisedGrowthWord
        case .exponentNotation: return .normalisedExponent
        }
    }
}

// MARK: - The common case, without the full parser

extension FigureText {
    /// How the figure parser reads a unit text after a plain number: the unit and qualifier it yields, or nil when
    /// the text needs the full parser (it fails there, or is read with a normalisation worth a note).
    struct SuffixReading: Sendable {
        var unit: Unit?
        var qualifierText: String?
    }

    /// Readings of the unit texts seen so far. A run has a few dozen (`%`, `亿元`, `个`, `万人`…) however many files
    /// it reads; the bound only protects against a file made of distinct junk.
    private static let suffixReadings = Mutex<[String: SuffixReading?]>([:])
    private static let suffixReadingsLimit = 1024

    /// Most figures are an ASCII number with an optional minus sign and decimal point, followed by a unit
    /// (`5.6%`, `-2.6%`, `120个`, `1.2万人`, `95`). For those the full parser (which maps every character for
    /// full-width forms, Chinese numerals, phrases and qualifiers) costs far more than the number: this reads the
    /// number directly and takes the unit's reading from the parser itself, once per distinct unit text, by
    /// parsing `1` followed by that text. The reading is the same: before a unit the parser reads an ASCII number
    /// exactly so, with no words or phrases around it, and what follows it depends only on the text after it.
    /// Anything else — other signs, separators, exponents, spaces, a unit text the parser notes or rejects —
    /// returns nil and goes to the full parser, so messages and carets stay the parser's.
    static func plainFigure(_ text: String) -> FigureText? {
        var text = text
        let split: (value: ExactDecimal, suffixStart: Int)? = text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
            if negative { index = 1 }
            let digitsStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return nil }
            if index < count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while index < count, isDigit(bytes[index]) { index += 1 }
                guard index > fractionStart else { return nil }
            }
            if index < count {
                // What could continue the number in the parser (a second point, a separator, an exponent, a sign)
                // or separate it from its unit (a space, which the parser notes) is left to the parser.
                let next = bytes[index]
                guard next == UInt8(ascii: "%") || next >= 0x80
                        || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z") && next != UInt8(ascii: "E"))
                        || (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") && next != UInt8(ascii: "e"))
                else { return nil }
            }
            guard let magnitude = ExactDecimal.parseASCII(UnsafeBufferPointer(rebasing: bytes[digitsStart..<index]))
            else { return nil }
            return (negative ? magnitude.negated : magnitude, index)
        }
        guard let split else { return nil }
        var result = FigureText()
        result.value = split.value
        guard split.suffixStart < text.utf8.count else { return result }
        let suffix = String(decoding: text.utf8.dropFirst(split.suffixStart), as: UTF8.self)
        guard let reading = suffixReading(suffix) else { return nil }
        result.unit = reading.unit
        result.qualifier = reading.qualifierText
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func suffixReading(_ suffix: String) -> SuffixReading? {
        if let known = suffixReadings.withLock({ $0[suffix] }) { return known }
        let parsed = FigureParser.parse("1" + suffix)
        var reading: SuffixReading?
        if case .number(let figure) = parsed.reading, parsed.normalizations.isEmpty {
            reading = SuffixReading(unit: figure.unit, qualifierText: figure.qualifierText)
        }
        suffixReadings.withLock { readings in
            if readings.count < suffixReadingsLimit { readings[suffix] = reading }
        }
        return reading
    }
}
