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
        return Message(.normalisedList, ["items": .localized(LocalizedText(
            zh: items.map { $0.rendered(in: .zh) }.joined(separator: "、"),
            en: items.map { $0.rendered(in: .en) }.joined(separator: ", ")))])
    }

    static func read(_ text: String) -> FigureText {
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
        case .minusSignVariant, .declineMeansNegative: return .normalisedMinusSign
        case .plusSign, .growthWordDropped, .exponentNotation: return .normalisedPlusSign
        }
    }
}
