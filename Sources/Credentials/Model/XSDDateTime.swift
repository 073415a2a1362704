import Foundation

/// An XML Schema 1.1 `dateTime` value (`2024-05-01T12:00:00Z`, `2024-05-01T08:00:00.5-04:00`),
/// the lexical form VC 2.0 uses for `validFrom`, `validUntil` and proof timestamps.
public struct XSDDateTime: Sendable, Hashable, Comparable {
    /// The instant, in seconds since 1970-01-01T00:00:00Z (timezone-less values are read as UTC).
    public let secondsSince1970: Double
    /// Whether the text carried a timezone, as a `dateTimeStamp` must.
    public let hasTimezone: Bool

    /// Parses the lexical form; `nil` when the text is not a valid `dateTime`.
    public init?(_ text: String) {
        let c = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= c.count else { return nil }
            var value = 0
            for _ in 0..<count {
                guard c[i] >= 0x30, c[i] <= 0x39 else { return nil }
                value = value * 10 + Int(c[i] - 0x30)
                i += 1
            }
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard i < c.count, c[i] == character.asciiValue! else { return false }
            i += 1
            return true
        }
        var negativeYear = false
        if i < c.count, c[i] == UInt8(ascii: "-") {
            negativeYear = true
            i += 1
        }
        // Years have at least four digits; more are allowed but not with a leading zero.
        var yearDigits = 0
        while i + yearDigits < c.count, c[i + yearDigits] >= 0x30, c[i + yearDigits] <= 0x39 { yearDigits += 1 }
        guard yearDigits >= 4, yearDigits <= 9, !(yearDigits > 4 && c[i] == 0x30), let yearValue = digits(yearDigits) else {
            return nil
        }
        let year = negativeYear ? -yearValue : yearValue
        guard expect("-"), let month = digits(2), expect("-"), let day = digits(2), expect("T"),
            let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2)
        else { return nil }
        var fraction = 0.0
        if i < c.count, c[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < c.count, c[i] >= 0x30, c[i] <= 0x39 {
                fraction += Double(c[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offsetMinutes = 0
        var timezone = false
        if i < c.count {
            if c[i] == UInt8(ascii: "Z") {
                i += 1
                timezone = true
            } else if c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") {
                let sign = c[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let tzHour = digits(2), expect(":"), let tzMinute = digits(2), tzMinute < 60,
                    tzHour < 14 || (tzHour == 14 && tzMinute == 0)
                else { return nil }
                offsetMinutes = sign * (tzHour * 60 + tzMinute)
                timezone = true
            } else {
                return nil
            }
        }
        guard i == c.count, (1...12).contains(month), day >= 1, day <= XSDDateTime.daysIn(month: month, year: year),
            minute < 60, second < 60,
            hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction == 0)
        else { return nil }
        let days = XSDDateTime.daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days) * 86400 + Double(hour * 3600 + minute * 60 + second) + fraction
        secondsSince1970 = seconds - Double(offsetMinutes * 60)
        hasTimezone = timezone
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// An instant in the canonical UTC form, to the second: `2024-05-01T12:00:00Z`.
    ///
    /// An instant 2^63 seconds or more from 1970 (some 292 billion years), which a token's `exp`
    /// or `nbf` may claim, is written as the nearest instant that is not. Years before year 0
    /// (1 BCE) are written with a minus sign (`-0044-03-15T12:00:00Z`).
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let total = Int(exactly: seconds) ?? (seconds < 0 ? Int.min : Int.max)
        var days = total / 86400
        var rest = total % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        // XSD 1.1 years: 0000 is 1 BCE, and a year before it is written with a minus sign.
        let yearText = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }

    public static func < (lhs: XSDDateTime, rhs: XSDDateTime) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
