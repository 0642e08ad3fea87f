import PlancheckRules

/// Where plancheck is hosted: the git repository a data repository's pre-commit configuration and CI workflow name,
/// and the revision (a release tag) they pin. `plancheck init --host URL --revision REV` chooses them; the defaults
/// are written here and nowhere else (docs/install.md says how to pick another host, e.g. a mirror or a fork).
public struct PlancheckHost: Sendable, Equatable {
    public static let defaultRepositoryURL = "https://github.com/plancheck/plancheck"
    public static var defaultRevision: String { "v" + PlancheckVersion.current }

    /// The repository as git clones it, e.g. `https://github.com/plancheck/plancheck`.
    public var repositoryURL: String
    /// A tag or commit of that repository, e.g. `v0.1.0`.
    public var revision: String

    /// nil when `repositoryURL` has no `owner/name` path to name the action by.
    public init?(repositoryURL: String = defaultRepositoryURL, revision: String = defaultRevision) {
        var url = repositoryURL
        while url.hasSuffix("/") { url.removeLast() }
        if url.hasSuffix(".git") { url.removeLast(4) }
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        // scheme:, "", host, owner, name...
        guard parts.count >= 5, parts[0].hasSuffix(":"), parts[1].isEmpty, !parts[2].isEmpty,
              parts.dropFirst(2).allSatisfy({ !$0.isEmpty }), !revision.isEmpty,
              !(url + revision).contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\"" }) else { return nil }
        self.repositoryURL = url
        self.revision = revision
    }

    public static let `default` = PlancheckHost()!

    /// What a workflow's `uses:` names: the repository's `owner/name` (the last two parts of its path), which
    /// GitHub, and a GitHub Enterprise server for its own repositories, resolve.
    public var actionPath: String {
        repositoryURL.split(separator: "/").suffix(2).joined(separator: "/")
    }

    /// `owner/name@revision`.
    public var actionReference: String { "\(actionPath)@\(revision)" }
}
