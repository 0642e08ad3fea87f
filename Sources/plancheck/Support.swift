#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore

enum Environment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    /// Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), else English.
    static var defaultLanguage: Language {
        let locale = value("LC_ALL") ?? value("LC_MESSAGES") ?? value("LANG") ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

enum Output {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func print(_ text: String) {
        fputs(text, stdout)
    }

    static func error(_ text: String) {
        fputs(text, stderr)
    }
}

