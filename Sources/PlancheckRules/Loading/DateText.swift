import PlancheckSystem

/// Calendar days as `YYYY-MM-DD` text: compared as strings, which orders them correctly.
public enum DateText {
    /// Whether `text` is a day that exists, written `YYYY-MM-DD` with ASCII digits: 2025-02-31 and 2025-02-29 are
    /// not, 2024-02-29 is (Gregorian leap years).
    public static func isValidDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return year > 0 && (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in UTC+8 (the plans' time zone), so that a deviation expiring "2025-12-31" lasts through that day in China.
    public static func today() -> String {
        let (year, month, day) = SystemClock.today(utcOffset: 8 * 3600)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
