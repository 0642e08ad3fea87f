import PlancheckSystem

/// Calendar days as `YYYY-MM-DD` text: compared as strings, which orders them correctly.
public enum DateText {
    public static func isValidDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return year > 0 && (1...12).contains(month) && (1...31).contains(day)
    }

    /// Today in UTC+8 (the plans' time zone), so that a deviation expiring "2025-12-31" lasts through that day in China.
    public static func today() -> String {
        let (year, month, day) = SystemClock.today(utcOffset: 8 * 3600)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
