// Static questions about a parsed expression, answered without evaluating it: which fields it reads,
// whether it aggregates over districts, whether its aggregates are well formed. Also a generic fold, so
// that analyses (and simple evaluators) need not re-implement the traversal.
//
// All walks here recurse over the tree; the parser's node limit bounds their depth.

extension Expression {
    /// Every field reference, in source order (duplicates kept, each with its own span).
    public var referencedPaths: [PathReference] {
        var paths: [PathReference] = []
        collectPaths(into: &paths)
        return paths
    }

    private func collectPaths(into paths: inout [PathReference]) {
        if case .path(let path) = self { paths.append(path) }
        for child in children { child.collectPaths(into: &paths) }
    }

    /// Whether any call evaluates over all districts (`sum(x)`, `mean(x)`, `count(x)`, one-argument `min`/`max`).
    public var containsAggregate: Bool {
        if case .call(let call) = self, call.isAggregate { return true }
        return children.contains { $0.containsAggregate }
    }

    /// The aggregate calls, outermost first, in source order: the evaluator can compute each once per run.
    public var aggregateCalls: [CallExpression] {
        var calls: [CallExpression] = []
        collectAggregates(into: &calls)
        return calls
    }

    private func collectAggregates(into calls: inout [CallExpression]) {
        if case .call(let call) = self, call.isAggregate { calls.append(call) }
        for child in children { child.collectAggregates(into: &calls) }
    }

    /// Number of nodes in the tree.
    public var nodeCount: Int {
        children.reduce(1) { $0 + $1.nodeCount }
    }

    /// Checks the rules of aggregate scope, returning the violations in source order (empty when well formed;
    /// `parse` already throws the first one). Inside an aggregate's argument, evaluation happens once per
    /// district, so:
    ///
    /// - the argument must use at least one per-district field: a plain field, `prev.x` or `quota.x`
    ///   (`sum(prev.gdp)` is fine; `sum(5)` and `sum(city.gdp)` are not, they do not vary by district);
    ///   `city.x` may still appear next to one, as a constant (`count(gdp_growth >= city.gdp_growth)`);
    /// - aggregates do not nest (`sum(mean(x))`), since the inner one is not per district.
    ///
    /// Errors point at the function name of the offending call.
    public func aggregateScopeErrors() -> [ExpressionSyntaxError] {
        var errors: [ExpressionSyntaxError] = []
        checkAggregateScope(insideAggregate: false, errors: &errors)
        return errors
    }

    private func checkAggregateScope(insideAggregate: Bool, errors: inout [ExpressionSyntaxError]) {
        guard case .call(let call) = self, call.isAggregate else {
            for child in children { child.checkAggregateScope(insideAggregate: insideAggregate, errors: &errors) }
            return
        }
        let name = call.function.rawValue
        if insideAggregate {
            errors.append(ExpressionSyntaxError(kind: .nestedAggregate, span: call.nameSpan, token: name))
        }
        if !call.arguments.contains(where: { $0.referencedPaths.contains(where: \.isPerDistrict) }) {
            errors.append(ExpressionSyntaxError(kind: .aggregateWithoutDistrictField, span: call.nameSpan, token: name))
        }
        for argument in call.arguments { argument.checkAggregateScope(insideAggregate: true, errors: &errors) }
    }

    /// Folds the tree bottom-up: each closure receives a node and the already-folded results of its children.
    ///
    /// This is eager: both sides of `and`/`or` and every argument are folded. That suits analyses (unit
    /// inference, dependency lists, constant folding); an evaluator that short-circuits, or evaluates
    /// aggregate arguments once per district, should switch over the cases itself.
    public func fold<Result, Failure: Error>(
        number: (NumberLiteral) throws(Failure) -> Result,
        path: (PathReference) throws(Failure) -> Result,
        unary: (UnaryExpression, Result) throws(Failure) -> Result,
        binary: (BinaryExpression, Result, Result) throws(Failure) -> Result,
        comparison: (ComparisonExpression, Result, Result) throws(Failure) -> Result,
        logical: (LogicalExpression, Result, Result) throws(Failure) -> Result,
        call: (CallExpression, [Result]) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        func go(_ expression: Expression) throws(Failure) -> Result {
            switch expression {
            case .number(let node): return try number(node)
            case .path(let node): return try path(node)
            case .unary(let node): return try unary(node, go(node.operand))
            case .binary(let node): return try binary(node, go(node.left), go(node.right))
            case .comparison(let node): return try comparison(node, go(node.left), go(node.right))
            case .logical(let node): return try logical(node, go(node.left), go(node.right))
            case .call(let node):
                var results: [Result] = []
                results.reserveCapacity(node.arguments.count)
                for argument in node.arguments { results.append(try go(argument)) }
                return try call(node, results)
            }
        }
        return try go(self)
    }
}
