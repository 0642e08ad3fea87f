#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The running process: its environment, working directory, the machine it runs on, its end.
public enum CurrentProcess {
    /// The value of an environment variable (`getenv`), empty text included; nil when it is not set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The working directory (`getcwd`), nil when it cannot be named (removed, or not accessible).
    public static var currentDirectory: String? {
        guard let raw = getcwd(nil, 0) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// The processors online (`sysconf(_SC_NPROCESSORS_ONLN)`), nil when the system does not say.
    public static var processorsOnline: Int? {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? Int(count) : nil
    }

    /// Ends the process with `status` (`exit`: buffered C streams are flushed, `atexit` handlers run).
    public static func exit(_ status: Int32) -> Never {
        exitProcess(status)
    }
}

private func exitProcess(_ status: Int32) -> Never {
    exit(status)
}

/// The calendar, from the system clock.
public enum SystemClock {
    /// The date now in the time zone `offset` seconds east of UTC (`time` and `gmtime_r`, so no time-zone
    /// database is consulted): year, month 1…12, day 1…31.
    public static func today(utcOffset offset: Int) -> (year: Int, month: Int, day: Int) {
        var now = time(nil) + time_t(offset)
        var parts = tm()
        gmtime_r(&now, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
