/// Every user-facing text has a key here and a template in each language's catalogue
/// (`MessageCatalogue.chinese`, `MessageCatalogue.english`); a test checks that both have every key with the
/// same placeholders.
public enum MessageKey: String, Sendable, CaseIterable {
    // Files and YAML
    case fileNotFound, fileIsDirectory, filePermissionDenied, fileUnreadable, emptyFile, noYAMLFiles
    case yamlSyntax, yamlLimit, multipleDocuments, duplicateKey, yaml11Ambiguity
    case noteYAMLContext, noteFirstDefinedHere, noteOtherRuleHere
    case helpYAMLSyntax, helpOneDocument, helpDuplicateKey, helpQuoteScalar
    // Structure
    case expectedMapping, expectedSequence, expectedScalar, expectedInteger, expectedBool
    case missingField, unknownKey, unknownValue, helpDidYouMean, helpKnownKeys, plain
    // Packs
    case unsupportedFormat, includeOutsidePack, includeUnreadable, duplicateDistrict, unknownDistrictKind
    case unknownDistrictInPack, badIndicatorKey, duplicateIndicator, badUnit, badRuleID, missingRelation
    case severalRelations, inStepNeedsTolerance, toleranceForm, expectedExpression, expressionSyntax
    case helpExpressionSyntax, helpReplaceWith, expectedQuantity, badQuantity, qualitativeNotAllowed
    case incompatibleUnitInPack, unknownIndicatorReference, missingCityFigure, helpAddCityFigure
    case pathOutsideAggregate, helpWrapInAggregate, aggregateInDistrictRule, helpUseCityScope
    case unitMismatch, pointsOnNonPercent, duplicateRuleID, contradiction
    // Submissions
    case unknownDistrict, retiredDistrictCode, helpUseCurrentCode, helpDidYouMeanDistrict, helpKnownDistricts
    case districtNameMismatch, formerDistrictName, wrongYear, otherPack, duplicateSubmission, helpDuplicateSubmission
    case unknownIndicator, indicatorAlias, indicatorConfusable, helpConfusable, helpDidYouMeanIndicator
    case helpListIndicators, indicatorGivenTwice, expectedFigure, unreadableFigure, helpFigureForm
    case figureNormalised, unitTwice, incompatibleUnit, helpUseUnit, unitConverted
    case missingRequiredIndicator, helpAddIndicator, badDate
    case deviationUnknownRule, deviationExpired, deviationUnused, helpRenewDeviation, helpRemoveDeviation
    case noteDeviation, noteDeviationExpired
    // Figure reading
    case figureEmpty, figureNotANumber, figureOutOfRange, figureBadSeparator, figureTrailingText, figureBadUnit
    case normalisedFullWidth, normalisedSeparators, normalisedSpaces, normalisedChineseNumerals, normalisedFlat
    case normalisedMinusSign, normalisedPlusSign, normalisedQualifier, normalisedList
    // Units and arithmetic
    case unitsIncompatible, percentVersusPoints, arithmeticOverflow, divisionByZero
    // Evaluation and outcomes
    case evaluationExpectedNumber, evaluationExpectedCondition, evaluationBadNumber, evaluationNeedsAggregate
    case evaluationBadArity
    case outcomePassed, outcomeWithinTolerance, outcomeFailed, outcomeMissingFigures, outcomeIncompleteSet
    case outcomeIncompleteRequired, outcomeNotCheckable, outcomeEvaluationError, outcomeQualitative
    case helpMeetTarget, helpIncompleteSet, helpQualitative
    case relationAtLeast, relationMoreThan, relationAtMost, relationLessThan, relationEquals, relationAbout
    case relationDecrease, relationInStep
    case labelCityFigure, labelPreviousYear, labelQuota, describeShare, describeAggregate
    // Reports
    case severityError, severityWarning, severityNote, labelHelp, labelNote, labelPlan, labelAcknowledged
    case labelFigures, labelMissingDistricts, labelTarget, labelActual, labelGap, labelTolerance
    case summaryHeader, summaryCounts, summaryOutcomes, summaryNoProblems, summaryFiles
    case outcomePassedWord, outcomeWithinToleranceWord, outcomeFailedWord, outcomeAcknowledgedWord
    case outcomeNotEvaluatedWord, outcomeNotCheckableWord
    case ruleExampleFailed, ruleExamplesSummary
}
