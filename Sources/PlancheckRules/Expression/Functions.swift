// The fixed function table. Every function the language knows is declared here, once: the parser checks
// names and arities against it, analysis asks it which calls aggregate, and the evaluator switches over
// `ExpressionFunction` exhaustively, so adding a function is a compile error everywhere it must be handled.

/// Whether a value is a number (possibly with a unit) or a condition (true/false).
public enum ValueSort: Sendable, Hashable {
    case number
    case condition
    /// Not known from syntax alone: a field may hold either.
    case either
}

/// How a function relates to the districts of a run.
public enum Aggregation: Sendable, Hashable {
    /// Evaluated within one district (or for the city), from its arguments.
    case never
    /// Evaluated once over all districts of the run: the argument is evaluated per district and combined.
    case always
    /// An aggregate when called with exactly one argument, element-wise otherwise (`min`, `max`).
    case whenOneArgument
}

/// A function of the expression language.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
    /// `sum(x)`: the sum of `x` over all districts.
    case sum
    /// `mean(x)`: the arithmetic mean of `x` over all districts.
    case mean
    /// `count(x)`: the number of districts where `x` has a value, or, for a condition, where it holds
    /// (`count(gdp_growth >= 6%)`).
    case count
    /// `min(x)`: the smallest `x` over all districts; `min(a, b, …)`: the smallest of its arguments.
    case min
    /// `max(x)`: the largest `x` over all districts; `max(a, b, …)`: the largest of its arguments.
    case max
    /// `abs(x)`: the absolute value.
    case abs
    /// `share(part, whole)`: `part / whole`, documented sugar that reads better in rule packs.
    case share

    /// The table entry for this function.
    public var signature: FunctionSignature {
        switch self {
        case .sum: FunctionSignature(self, arguments: 1...1, aggregation: .always, argumentSort: .number)
        case .mean: FunctionSignature(self, arguments: 1...1, aggregation: .always, argumentSort: .number)
        case .count: FunctionSignature(self, arguments: 1...1, aggregation: .always, argumentSort: .either)
        // Unbounded in principle; the node limit bounds it in practice.
        case .min: FunctionSignature(self, minimumArguments: 1, maximumArguments: nil, aggregation: .whenOneArgument, argumentSort: .number)
        case .max: FunctionSignature(self, minimumArguments: 1, maximumArguments: nil, aggregation: .whenOneArgument, argumentSort: .number)
        case .abs: FunctionSignature(self, arguments: 1...1, aggregation: .never, argumentSort: .number)
        case .share: FunctionSignature(self, arguments: 2...2, aggregation: .never, argumentSort: .number)
        }
    }

    /// Whether a call with `argumentCount` arguments is evaluated over all districts.
    public func isAggregate(argumentCount: Int) -> Bool {
        switch signature.aggregation {
        case .never: false
        case .always: true
        case .whenOneArgument: argumentCount == 1
        }
    }

    /// Looks a function up by its exact (case-sensitive) name.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// The known function closest to a misspelt `name`, for "did you mean" hints: common synonyms first
    /// (`avg` → `mean`), then the nearest name by edit distance, if it is close enough to be a plausible typo.
    public static func suggestion(for name: String) -> String? {
        let lowered = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }))
        // A qualified name such as `city.sum` most likely means the function itself.
        let lastComponent = lowered.split(separator: ".").last.map(String.init) ?? lowered
        if let synonym = synonyms[lastComponent] { return synonym }
        if let exact = ExpressionFunction(rawValue: lastComponent) { return exact.rawValue }
        var best: (name: String, distance: Int)?
        for function in allCases {
            let distance = editDistance(lastComponent, function.rawValue)
            if distance < (best?.distance ?? Int.max) { best = (function.rawValue, distance) }
        }
        // One edit for short names, two for longer ones: beyond that the hint is noise.
        guard let best, best.distance <= (lastComponent.unicodeScalars.count <= 4 ? 1 : 2) else { return nil }
        return best.name
    }

    private static let synonyms: [String: String] = [
        "avg": "mean", "average": "mean", "total": "sum", "ratio": "share", "proportion": "share",
        "minimum": "min", "maximum": "max", "absolute": "abs",
    ]
}

/// One entry of the function table.
public struct FunctionSignature: Sendable, Hashable {
    public let function: ExpressionFunction
    public let minimumArguments: Int
    /// `nil` when there is no upper bound.
    public let maximumArguments: Int?
    public let aggregation: Aggregation
    /// What each argument must be; `.either` accepts numbers and conditions.
    public let argumentSort: ValueSort

    init(_ function: ExpressionFunction, minimumArguments: Int, maximumArguments: Int?, aggregation: Aggregation, argumentSort: ValueSort) {
        self.function = function
        self.minimumArguments = minimumArguments
        self.maximumArguments = maximumArguments
        self.aggregation = aggregation
        self.argumentSort = argumentSort
    }

    init(_ function: ExpressionFunction, arguments: ClosedRange<Int>, aggregation: Aggregation, argumentSort: ValueSort) {
        self.init(function, minimumArguments: arguments.lowerBound, maximumArguments: arguments.upperBound, aggregation: aggregation, argumentSort: argumentSort)
    }

    /// Whether `count` arguments is an acceptable arity.
    public func accepts(argumentCount count: Int) -> Bool {
        count >= minimumArguments && (maximumArguments.map { count <= $0 } ?? true)
    }
}

/// Edit distance over Unicode scalars, counting an adjacent transposition (`mena` → `mean`) as one edit,
/// the commonest typo (optimal string alignment). Names are short, so the quadratic table is fine.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var distance = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                distance = Swift.min(distance, beforePrevious[j - 2] + 1)
            }
            current[j] = distance
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
