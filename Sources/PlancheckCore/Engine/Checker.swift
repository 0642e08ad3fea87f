import PlancheckYAML

/// Runs every rule of a pack over a set of submissions and returns the findings in a deterministic order.
public enum Checker {
    /// - Parameter jobs: threads to evaluate rules on (nil: one per processor); rules are independent of each other,
    ///   and their findings are gathered in rule order, so the result does not depend on it.
    public static func check(pack: Pack, submissions: [Submission], options: CheckOptions = CheckOptions(),
                             jobs: Int? = nil) -> [Finding] {
        var findings: [Finding] = []
        appendFindings(to: &findings, pack: pack, submissions: submissions, options: options, jobs: jobs)
        FindingOrder.sort(&findings)
        return findings
    }

    /// Appends the findings of `check`, unsorted, to `findings`: for callers that have findings of their own and sort
    /// once. Appending in place means a large run never holds two copies of its findings.
    static func appendFindings(to findings: inout [Finding], pack: Pack, submissions: [Submission],
                               options: CheckOptions, jobs: Int?) {
        let bySubmission = submissions.filter { $0.districtKind != nil }
        findings += duplicateSubmissions(bySubmission)
        let evaluator = Evaluator(pack: pack, quotas: options.quotas, lookupTables: true)
        let rules = pack.rules
        // Small runs (one file, the tests) stay on the calling thread: starting workers would cost more than it saves.
        let workers = bySubmission.count < 16 ? 1 : (jobs ?? Parallel.defaultJobs)
        var perRule = Parallel.map(count: rules.count, jobs: workers) { index -> [Finding] in
            let rule = rules[index]
            switch rule.scope {
            case .district:
                var findings: [Finding] = []
                for submission in bySubmission {
                    guard let kind = submission.districtKind,
                          rule.applies(toDistrict: submission.districtCode, kind: kind) else { continue }
                    findings.append(evaluator.districtFinding(rule, submission: submission))
                }
                return findings
            case .city:
                return [evaluator.cityFinding(rule, submissions: bySubmission, options: options)]
            }
        }
        // Room for the deviations' own findings too (at most one each), so that appending them does not regrow
        // (and briefly double) an array holding every finding of the run.
        let deviationCount = bySubmission.reduce(0) { $0 + $1.deviations.count }
        findings.reserveCapacity(findings.count + perRule.reduce(0) { $0 + $1.count } + deviationCount)
        for index in perRule.indices {
            findings += perRule[index]
            perRule[index] = []  // freed as it goes, so the findings are not held twice
        }
        Deviations.apply(to: &findings, submissions: bySubmission, pack: pack, today: options.today)
    }

    /// Two files for the same district make every sum count it twice: refuse the second.
    private static func duplicateSubmissions(_ submissions: [Submission]) -> [Finding] {
        var seen: [String: Submission] = [:]
        var findings: [Finding] = []
        for submission in submissions {
            if let first = seen[submission.districtCode] {
                var finding = Finding(code: DiagnosticCode.duplicateSubmission.rawValue, severity: .error,
                                      message: Message(.duplicateSubmission, [
                                          "code": .text(submission.districtCode), "other": .text(first.file.path)]),
                                      district: submission.districtCode, location: submission.districtCodeLocation)
                finding.help = Message(.helpDuplicateSubmission)
                findings.append(finding)
            } else {
                seen[submission.districtCode] = submission
            }
        }
        return findings
    }
}

/// The order findings are reported in: by file, then position, then code; city-wide results last, by rule id.
enum FindingOrder {
    /// A stable sort of the findings' indices by small keys, then the order applied in place: a `Finding` is large
    /// (messages, quantities, figures), and a sort that moved the findings themselves spent most of a large run
    /// copying them.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        var findings = findings
        sort(&findings)
        return findings
    }

    static func sort(_ findings: inout [Finding]) {
        struct Key {
            var file: String?
            var offset: Int
            var code: String
            var district: String
        }
        let keys = findings.map {
            Key(file: $0.file, offset: $0.location?.span.start.offset ?? Int.max, code: $0.code, district: $0.district ?? "")
        }
        let order = keys.withUnsafeBufferPointer { keys in
            Array(keys.indices).sorted { left, right in
                let a = keys[left], b = keys[right]
                // Findings of one file share its path string, so equal paths are usually found without comparing bytes.
                if a.file != b.file {
                    guard let fileA = a.file else { return false }  // no file (city-wide): last
                    guard let fileB = b.file else { return true }
                    return fileA < fileB
                }
                if a.offset != b.offset { return a.offset < b.offset }
                if a.code != b.code { return a.code < b.code }
                if a.district != b.district { return a.district < b.district }
                return left < right
            }
        }
        permute(&findings, by: order)
    }

    /// Rearranges `items` so that `items[i]` becomes the old `items[order[i]]`, following the permutation's cycles and
    /// moving each element once: no second array and no reference counting, unlike gathering into a new array.
    private static func permute<T>(_ items: inout [T], by order: [Int]) {
        precondition(order.count == items.count)
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in 0..<buffer.count where !placed[start] {
                placed[start] = true
                if order[start] == start { continue }
                let held = (base + start).move()
                var hole = start
                while true {
                    let source = order[hole]
                    if source == start {
                        (base + hole).initialize(to: held)
                        break
                    }
                    (base + hole).moveInitialize(from: base + source, count: 1)
                    hole = source
                    placed[hole] = true
                }
            }
        }
    }
}
