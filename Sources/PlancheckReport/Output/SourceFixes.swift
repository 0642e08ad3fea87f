import PlancheckRules
import PlancheckYAML

/// What `check --fix` and `check --diff` do to one file: the machine-applicable edits of its diagnostics, applied
/// as span edits to the bytes that were read (comments, order and layout untouched).
public struct FileFix: Sendable {
    /// The file as it was named in the run.
    public let path: String
    public let original: [UInt8]
    public let fixed: [UInt8]
    /// The diagnostics whose edits were applied.
    public let applied: [Diagnostic]
    /// Diagnostics with edits that were not applied: they overlapped an edit already taken, or the fixed file did
    /// not read the same (then nothing in the file is applied).
    public let left: [Diagnostic]

    public var changes: Bool { !applied.isEmpty && fixed != original }
}

public enum SourceFixes {
    /// Fixes can make new ones possible (a figure under a mistyped key is read only once the key is fixed), so a
    /// file is read again after each pass, up to this many passes, until nothing is left to fix.
    static let maximumPasses = 8

    /// One `FileFix` per file that has diagnostics with edits, in path order.
    ///
    /// A diagnostic's edits are applied together or not at all; one whose edits overlap an edit already taken is
    /// left. Only edits within one line that put no line break in are applied, so a fixed file has the lines of
    /// the original, each changed or not. The fixed text is read again against `pack` before it is offered: its
    /// figures must read the same (the fixes change how a figure is written, never what it is), and it must have
    /// no error the original did not have. A file that fails that keeps its original text; its edits are left.
    public static func plan(_ diagnostics: [Diagnostic], pack: Pack) -> [FileFix] {
        var byFile: [String: (file: SourceFile, diagnostics: [Diagnostic])] = [:]
        for diagnostic in diagnostics where !diagnostic.edits.isEmpty {
            let file = diagnostic.edits[0].location.file
            // Every edit of a diagnostic must be in the one file it read, else it is not applied.
            guard diagnostic.edits.allSatisfy({ $0.location.file === file }) else { continue }
            byFile[file.path, default: (file, [])].diagnostics.append(diagnostic)
        }
        return byFile.keys.sorted().map { path in
            let entry = byFile[path]!
            return fix(entry.file, entry.diagnostics, pack: pack)
        }
    }

    private static func fix(_ original: SourceFile, _ diagnostics: [Diagnostic], pack: Pack) -> FileFix {
        var current = original
        var pending = diagnostics
        var applied: [Diagnostic] = []
        var left: [Diagnostic] = []
        for _ in 0..<maximumPasses {
            let pass = onePass(current, pending)
            left = pass.left
            guard !pass.applied.isEmpty else { break }
            let next = SourceFile(path: original.path, bytes: apply(pass.edits, to: current.bytes))
            guard readsTheSame(original: original, fixed: next, pack: pack) else {
                left += pass.applied
                break
            }
            applied += pass.applied
            current = next
            pending = SubmissionLoader.load(current, pack: pack).diagnostics.filter { !$0.edits.isEmpty }
        }
        if applied.isEmpty { left = diagnostics }
        return FileFix(path: original.path, original: original.bytes, fixed: current.bytes, applied: applied, left: left)
    }

    /// The diagnostics of one file whose edits can be applied together, and their edits in file order.
    private static func onePass(_ file: SourceFile, _ diagnostics: [Diagnostic])
        -> (applied: [Diagnostic], left: [Diagnostic], edits: [Diagnostic.Edit]) {
        let ordered = diagnostics.sorted { firstOffset($0) < firstOffset($1) }
        var taken: [Diagnostic.Edit] = []
        var applied: [Diagnostic] = []
        var left: [Diagnostic] = []
        for diagnostic in ordered {
            let fresh = diagnostic.edits.filter { edit in !taken.contains(edit) }
            let unusable = diagnostic.edits.contains { edit in
                edit.location.file !== file || edit.location.span.start.line != edit.location.span.end.line
                    || edit.replacement.contains { $0.isNewline }
            }
            let clashes = fresh.contains { edit in
                taken.contains { overlaps($0.location.span, edit.location.span) }
                    || fresh.contains { other in other != edit && overlaps(other.location.span, edit.location.span) }
            }
            if unusable || clashes {
                left.append(diagnostic)
            } else {
                taken += fresh
                applied.append(diagnostic)
            }
        }
        taken.sort { $0.location.span.start.offset < $1.location.span.start.offset }
        return (applied, left, taken)
    }

    /// `bytes` with `edits` (sorted by offset, not overlapping) applied.
    static func apply(_ edits: [Diagnostic.Edit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits {
            let start = min(max(edit.location.span.start.offset, position), bytes.count)
            let end = min(max(edit.location.span.end.offset, start), bytes.count)
            result += bytes[position..<start]
            result += Array(edit.replacement.utf8)
            position = end
        }
        result += bytes[position...]
        return result
    }

    private static func overlaps(_ a: SourceSpan, _ b: SourceSpan) -> Bool {
        // Two insertions at one point, or an edit inside another, cannot both be applied in a known order.
        a.start.offset < b.end.offset && b.start.offset < a.end.offset || a.start.offset == b.start.offset
    }

    private static func firstOffset(_ diagnostic: Diagnostic) -> Int {
        diagnostic.edits.map(\.location.span.start.offset).min() ?? 0
    }

    /// The safety net under every fix: the fixed text, read as a submission, has every figure the original had,
    /// with the same value, and no error the original did not have.
    private static func readsTheSame(original: SourceFile, fixed: SourceFile, pack: Pack) -> Bool {
        let before = SubmissionLoader.load(original, pack: pack)
        let after = SubmissionLoader.load(fixed, pack: pack)
        guard let was = before.submission, let now = after.submission else { return false }
        for key in was.figures.indicators {
            guard let old = was.figures[key], let new = now.figures[key], old.quantity == new.quantity,
                  old.qualifier == new.qualifier, old.bound == new.bound else { return false }
        }
        var errorsBefore: [DiagnosticCode: Int] = [:]
        for diagnostic in before.diagnostics where diagnostic.severity == .error { errorsBefore[diagnostic.code, default: 0] += 1 }
        var errorsAfter: [DiagnosticCode: Int] = [:]
        for diagnostic in after.diagnostics where diagnostic.severity == .error { errorsAfter[diagnostic.code, default: 0] += 1 }
        // The district code changes only when it was a retired one. The unit it names now may have to report
        // indicators a retired code was not asked for: those are the unit's, not the fix's.
        let sameUnit = was.districtCode == now.districtCode
        guard sameUnit || errorsBefore[.retiredDistrictCode] != nil else { return false }
        return errorsAfter.allSatisfy { code, count in
            count <= errorsBefore[code, default: 0] || (!sameUnit && code == .missingRequiredIndicator)
        }
    }
}
