import Foundation

/// A calendar date as the format writes it: `2026-03-02`, or `2026-03` / `2026` where a timeline
/// is unsure of the day or month. Encoded as that text.
public struct CaseDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    enum ParseFailure: Error {
        /// Not of the form YYYY-MM-DD, YYYY-MM or YYYY, or a month over 12 or a day over 31.
        case notADate
        /// Of the right form, but not a day that exists: 2026-02-30.
        case notOnTheCalendar
    }

    static func parse(_ text: String) -> Result<CaseDate, ParseFailure> {
        guard text.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil else {
            return .failure(.notADate)
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let date = CaseDate(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
        if let month = date.month, !(1...12).contains(month) { return .failure(.notADate) }
        if let day = date.day, !(1...31).contains(day) { return .failure(.notADate) }
        if let day = date.day, let month = date.month, !(1...Self.daysIn(month: month, year: date.year)).contains(day) {
            return .failure(.notOnTheCalendar)
        }
        return .success(date)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var isPartial: Bool { day == nil }

    /// The first day the date could mean: `2026-03` starts on 1 March.
    public var earliest: CaseDate { CaseDate(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day the date could mean: `2026-03` ends on 31 March.
    public var latest: CaseDate {
        let month = self.month ?? 12
        return CaseDate(year: year, month: month, day: day ?? Self.daysIn(month: month, year: year))
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// Orders by the first day each date could mean; a less precise date comes first on a tie.
    public static func < (lhs: CaseDate, rhs: CaseDate) -> Bool {
        let l = lhs.earliest, r = rhs.earliest
        if (l.year, l.month!, l.day!) != (r.year, r.month!, r.day!) {
            return (l.year, l.month!, l.day!) < (r.year, r.month!, r.day!)
        }
        return (lhs.day == nil ? 0 : 1, lhs.month == nil ? 0 : 1) < (rhs.day == nil ? 0 : 1, rhs.month == nil ? 0 : 1)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .success(let date) = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a date")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Whole years from this date to `other` (an age on that day).
    public func years(until other: CaseDate) -> Int {
        let from = earliest, to = other.earliest
        var years = to.year - from.year
        if (to.month!, to.day!) < (from.month!, from.day!) { years -= 1 }
        return years
    }

    /// Whole months from this date to `other`.
    public func months(until other: CaseDate) -> Int {
        let from = earliest, to = other.earliest
        var months = (to.year - from.year) * 12 + (to.month! - from.month!)
        if to.day! < from.day! { months -= 1 }
        return months
    }
}
