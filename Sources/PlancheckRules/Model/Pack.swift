import PlancheckValues
import PlancheckYAML

/// A rule pack: a plan's targets as data. Loaded by `PackLoader` from a folder (or from the copy built into
/// the binary); nothing in the engine knows which city or plan a pack is for.
public struct Pack: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var plan: PlanInfo
    public var languages: [Language]
    /// Where the generated rule reference lives; findings link to `documentation#rule-id`.
    public var documentation: String?
    public var defaultAboutTolerance: DefaultTolerances
    /// The plan's words for its reporting units and its whole (`vocabulary:`), `Vocabulary.neutral` when not given.
    public var vocabulary: Vocabulary
    /// Conversions between bases the pack declares (`conversions:`), beside those between magnitudes.
    public var conversions: UnitConversions = .none
    public var districtKinds: [DistrictKind]
    public var districts: [District] { didSet { indexDistricts() } }
    public var retiredCodes: [RetiredCode]
    /// The city's own planned figures, referenced as `city.KEY` in expressions.
    public var cityFigures: [String: LocatedQuantity]
    public var indicators: [Indicator] { didSet { indexIndicators() } }
    public var rules: [Rule]
    /// Pack-level tests (`scenarios:` in pack.yml), run by `plancheck rules test`.
    public var scenarios: [Scenario] = []
    /// Where `pack.yml` is, for diagnostics about the pack itself.
    public var location: SourceLocation

    public func indicator(_ key: String) -> Indicator? { indicatorIndex[key].map { indicators[$0] } }
    /// The indicator whose Chinese name is `name` exactly.
    public func indicator(named name: String) -> Indicator? { indicatorByChineseName[name].map { indicators[$0] } }
    /// The first indicator that declares `name` among its decline-phrased names (`decline_names`). Every key of
    /// every submission is looked up here, so it is an index, not a scan of the catalogue.
    package func indicator(declineName name: String) -> Indicator? {
        indicatorByDeclineName[name].map { indicators[$0] }
    }
    /// The first registry entry for `code` (a registry of 10,000 units is searched once per file and result).
    public func district(_ code: String) -> District? { districtIndex[code].map { districts[$0] } }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    var indicatorIndex: [String: Int] = [:]
    private var indicatorByChineseName: [String: Int] = [:]
    private var indicatorByDeclineName: [String: Int] = [:]
    private var districtIndex: [String: Int] = [:]

    private mutating func indexIndicators() {
        indicatorIndex = [:]
        indicatorByChineseName = [:]
        indicatorByDeclineName = [:]
        for (index, indicator) in indicators.enumerated() {
            indicatorIndex[indicator.key] = index
            if indicatorByChineseName[indicator.name.zh] == nil { indicatorByChineseName[indicator.name.zh] = index }
            for name in indicator.declineNames where indicatorByDeclineName[name] == nil {
                indicatorByDeclineName[name] = index
            }
        }
    }

    private mutating func indexDistricts() {
        districtIndex = [:]
        for (index, district) in districts.enumerated() where districtIndex[district.code] == nil {
            districtIndex[district.code] = index
        }
    }

    init(id: String, version: String, title: LocalizedText, plan: PlanInfo, languages: [Language],
         documentation: String?, defaultAboutTolerance: DefaultTolerances, vocabulary: Vocabulary = .neutral,
         districtKinds: [DistrictKind],
         districts: [District], retiredCodes: [RetiredCode], cityFigures: [String: LocatedQuantity],
         indicators: [Indicator], rules: [Rule], location: SourceLocation) {
        self.id = id
        self.version = version
        self.title = title
        self.plan = plan
        self.languages = languages
        self.documentation = documentation
        self.defaultAboutTolerance = defaultAboutTolerance
        self.vocabulary = vocabulary
        self.districtKinds = districtKinds
        self.districts = districts
        self.retiredCodes = retiredCodes
        self.cityFigures = cityFigures
        self.indicators = indicators
        self.rules = rules
        self.location = location
        indexIndicators()
        indexDistricts()
    }
}

public struct PlanInfo: Sendable {
    public var title: LocalizedText
    public var issuer: LocalizedText?
    public var date: String?
    /// The plan year submissions must state.
    public var year: Int
    /// The year growth rates are measured against unless an indicator says otherwise.
    public var baseYear: Int?
}

public struct DefaultTolerances: Sendable {
    /// For `about` checks on values in percent.
    public var percent: Tolerance
    /// For `about` checks on every other value.
    public var other: Tolerance
}

public struct DistrictKind: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    /// Whether the HTML report shades this kind's units and names the group (`shade: true`), as the plan sets
    /// a group apart (Shenyang's 县域).
    public var shaded: Bool = false

    public init(id: String, name: LocalizedText, shaded: Bool = false) {
        self.id = id
        self.name = name
        self.shaded = shaded
    }
}

public struct District: Sendable, Hashable {
    public var code: String
    public var name: LocalizedText
    public var kind: String
    /// Names the same code had before a renaming (浑南区 was 东陵区): old spreadsheets still use them.
    public var formerNames: [LocalizedText] = []

    package init(code: String, name: LocalizedText, kind: String, formerNames: [LocalizedText] = []) {
        self.code = code
        self.name = name
        self.kind = kind
        self.formerNames = formerNames
    }
}

/// A code that old spreadsheets still use; a submission using it gets a diagnostic pointing to the current one.
public struct RetiredCode: Sendable, Hashable {
    public var code: String
    public var name: String
    public var englishName: String?
    public var replacedBy: String?
}

/// A quantity together with where it was written, so that every figure in a finding can be pointed at.
public struct LocatedQuantity: Sendable {
    public var quantity: Quantity
    public var location: SourceLocation
    /// What was written, when it differs from `quantity`'s own rendering (e.g. "５.５％", "1.2万人").
    public var written: String

    public init(quantity: Quantity, location: SourceLocation, written: String) {
        self.quantity = quantity
        self.location = location
        self.written = written
    }
}
