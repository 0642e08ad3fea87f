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
    case helpListIndicators, indicatorGivenTwice, expectedFigure, figureNotFilledIn, unreadableFigure, helpFigureForm
    case figureNormalised, unitTwice, incompatibleUnit, helpUseUnit, unitConverted
    case missingRequiredIndicator, helpAddIndicator, badDate
    case submissionNotStarted, helpStartSubmission
    case deviationUnknownRule, deviationExpired, deviationUnused, helpRenewDeviation, helpRemoveDeviation
    case noteDeviation, noteDeviationExpired, noteQualifierWritten
    // Documentation, templates and schemas (rules doc, explain, init, schema)
    case unknownRuleID, outputExists, outputUnwritable, outputWritten
    // Figure reading
    case figureEmpty, figureNotANumber, figureOutOfRange, figureBadSeparator, figureTrailingText, figureBadUnit
    case normalisedFullWidth, normalisedSeparators, normalisedSpaces, normalisedChineseNumerals, normalisedFlat
    case normalisedMinusSign, normalisedPlusSign, normalisedDecline, normalisedGrowthWord, normalisedExponent, normalisedList
    // Units and arithmetic
    case unitsIncompatible, percentVersusPoints, arithmeticOverflow, divisionByZero, conversionInexact
    case conversionSameBase, conversionBadUnit, conversionDuplicate, noteConverted, citationPlanAndDecision
    // Evaluation and outcomes
    case evaluationExpectedNumber, evaluationExpectedCondition, evaluationBadNumber, evaluationNeedsAggregate
    case evaluationBadArity
    case outcomePassed, outcomeWithinTolerance, outcomeFailed, outcomeNotEvaluatedBecause
    case outcomeIncompleteRequired, outcomeNotCheckable, outcomeEvaluationError, outcomeQualitative
    case helpMeetTarget, helpIncompleteSet, helpQualitative
    case relationAtLeast, relationMoreThan, relationAtMost, relationLessThan, relationEquals, relationAbout
    case relationDecrease, relationInStep, namedFigure
    case labelCityFigure, labelPreviousYear, labelQuota, describeShare, describeAggregate
    // Reports
    case severityError, severityWarning, severityNote, labelHelp, labelNote, labelPlan, labelAcknowledged
    case labelFigures, labelMissingDistricts
    case summaryHeader, summaryCounts, summaryOutcomes, summaryOutcomesNoneWithin, summaryFiles
    case outcomePassedWord, outcomeWithinToleranceWord, outcomeFailedWord, outcomeAcknowledgedWord
    case outcomeNotEvaluatedWord, outcomeNotCheckableWord
    case ruleExampleFailed, ruleExamplesSummary
    // Configuration
    case helpWrongYearFolder
    case unknownRuleInConfig, packsAndTopLevel, cliFileInTwoPacks, cliQuotasWithPacks, cliNoPreviousYearPack
    // The data-repository workflow: configured runs, the init scaffold
    case cliNothingToCheck, cliNoConfiguredFiles, cliNothingSelected, cliSkippedFiles, cliReportedSubset, cliOutputNeedsDistrict, initFilesExist, initScaffolded, initYearAdded, initYearAddByHand, initYearAlreadySelected, initNoConfiguration, initYearPackMismatch
    case cliHookTotalsShown, cliBadHost
    // Report formats and the arithmetic behind derived checks
    case labelArithmetic, arithmeticShare, arithmeticAggregate, arithmeticTarget
    case labelDocumentation, labelCityWide, labelLocation, labelMessage, labelRule, labelDistrict, labelSeverity
    case labelDeviationReason
    case tableEvaluated, tablePassed, tableFailed, tableNotEvaluated, tableAcknowledged
    case summaryByDistrict, summaryByRule
    case markdownTitle, markdownFailures, markdownAcknowledged, markdownNoFailures, markdownMore
    // One run's part of a report that holds several (a repository with a pack per year)
    case runHeading, runHeadingAllFiles, runCounts, runCountsAllFiles, runsPageTitle
    case junitAcknowledged
    // One-line titles of the built-in diagnostic codes (SARIF rules, docs/diagnostic-codes.md)
    case codePC001, codePC002, codePC003, codePC004, codePC005, codePC010, codePC011, codePC012, codePC013, codePC020
    case codePC021, codePC022, codePC023, codePC024, codePC025, codePC026, codePC030, codePC031, codePC032, codePC033
    case codePC034, codePC035, codePC040, codePC041, codePC042, codePC050, codePC051, codePC052, codePC053, codePC054, codePC055
    case aggregateSum, aggregateMean, aggregateCount, aggregateMin, aggregateMax
    case cliBadReportSpec, cliCannotWrite, cliSameFileTwice
    // check --fix and --diff
    case fixApplied, fixNotSameReading, fixLeftOverlapping, fixSummary, fixNothing, fixDiffSummary, fixableHint
    case cliUnknownCommand, fileWrongEncoding, helpSaveAsUTF8
    case noteUnusableFigureHere
    case missingFigureName, missingFigureOfUnit, unitWithCode, arithmeticLine, labelFirstSubmission
    // Why a total has no verdict, and the block of incomplete totals every output ends with
    case reasonSubmittedTwice, reasonMissingFigures, reasonUnusableFigures, reasonUnitsWithoutFile
    case labelSubmittedTwice, labelLackingFigures
    case incompleteTitle, incompleteWithoutFile, incompleteSubmittedTwice, incompleteLacking, incompleteLackingUnusable
    case incompleteNoneReported, incompleteOther, incompleteHelp, incompleteHelpRequired
    // Verdicts shown so that they cannot be misread
    case outcomeFailedAtEqual, expectedWithBand, bandBetween, bandAtLeast, bandAtMost
    case noteWrittenAs, noteRequiredThusMissing
    case boundPositive, boundNegative
    case declineNameRead, normalisedUnitNoun, noteSignOfDecline
    case scenarioRuleOrCode, scenarioFailed, scenarioSummary
    case outcomePartExceedsWhole, helpCheckShareUnits, plausibleRatioTooSmall, plausibleMinAboveMax, plausibleShareOutside
    case implausibleFigure, implausibleChange, helpDidYouMeanBase, helpCheckFigure
    // Previous-year figures from last year's files (multi-year repositories)
    case previousYearTaken, previousYearFilled, previousYearAmbiguous, previousYearNotUsed, previousYearUnreadable
    case previousYearOtherYear, previousYearNoFigures, previousYearMismatch
    case notePreviousYearUnitChanged, notePreviousYearFileHere, notePreviousYearFigureAt, notePreviousYearReported
    case helpPreviousYearMismatch, helpPreviousYearNotUsed, helpPreviousYearUnreadable, helpPreviousYearAmbiguous
    case codePC036, codePC037
}
