// Static limits. Rule packs come from outside, so the parser must fail cleanly on anything pathological
// (a megabyte of `(`, ten thousand `-`) instead of overflowing the stack. The limits also bound every
// later recursive walk over the tree (printer, analysis, the evaluator): a tree can be no deeper than
// its node count, and the node count is capped.

/// Size limits checked while parsing; each failure is a located `ExpressionSyntaxError`.
public struct ExpressionLimits: Sendable, Hashable {
    /// Ceilings that `init` clamps to, whatever the caller asks for: they keep recursion (ours and the
    /// evaluator's) far from the smallest thread stacks (512 KiB).
    public static let ceilingLength = 1_000_000
    public static let ceilingDepth = 128
    public static let ceilingNodes = 2_000

    /// Maximum length of the text, in Unicode scalars.
    public let maximumLength: Int
    /// Maximum nesting of parentheses, call argument lists, unary `-` and `not`.
    public let maximumDepth: Int
    /// Maximum number of syntax nodes (literals, paths, operations, calls).
    public let maximumNodes: Int

    public init(maximumLength: Int = 2_000, maximumDepth: Int = 64, maximumNodes: Int = 500) {
        self.maximumLength = Swift.min(Swift.max(maximumLength, 1), Self.ceilingLength)
        self.maximumDepth = Swift.min(Swift.max(maximumDepth, 1), Self.ceilingDepth)
        self.maximumNodes = Swift.min(Swift.max(maximumNodes, 1), Self.ceilingNodes)
    }

    /// 2,000 characters, depth 64, 500 nodes: far beyond any real rule, small enough to be safe.
    public static let `default` = ExpressionLimits()
}
