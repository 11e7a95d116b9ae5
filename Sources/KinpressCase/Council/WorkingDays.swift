/// A day on the calendar, counted from 1 January 1970, so that days can be added, compared and
/// told apart as weekdays without a time zone or a locale.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A full date of the case; nil for one that leaves out the day or month.
    public init?(_ date: CaseDate) {
        guard let month = date.month, let day = date.day else { return nil }
        self.init(year: date.year, month: month, day: day)
    }

    /// Days since 1 January 1970 (Howard Hinnant's `days_from_civil`).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// 1 Monday … 7 Sunday.
    public var weekday: Int { ((ordinal % 7 + 7) % 7 + 3) % 7 + 1 }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day `months` later; a day the later month does not have becomes its last day
    /// (30 November + 3 months is 28 or 29 February).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        let last = Day(year: newMonth == 12 ? newYear + 1 : newYear, month: newMonth == 12 ? 1 : newMonth + 1, day: 1).adding(days: -1).day
        return Day(year: newYear, month: newMonth, day: min(day, last))
    }

    /// The case format's way of writing it: `2026-03-02`.
    public var caseDate: CaseDate { CaseDate(year: year, month: month, day: day) }

    public var description: String { caseDate.description }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// Which days are working days for a council: Monday to Friday, less its bank holidays (the
/// regular ones of its part of the UK, worked out for any year, or the dates its profile lists).
public struct WorkingCalendar: Sendable {
    public enum Region: String, Sendable, CaseIterable {
        case englandAndWales = "england-and-wales"
        case scotland
        case northernIreland = "northern-ireland"
    }

    private let region: Region?
    private let listed: Set<Day>

    /// No bank holidays known: weekends only (a case with no council profile).
    public init() {
        region = nil
        listed = []
    }

    public init(region: Region) {
        self.region = region
        listed = []
    }

    public init(dates: [Day]) {
        region = nil
        listed = Set(dates)
    }

    /// The calendar a council's profile gives: its region's bank holidays, or its own list.
    public init(_ holidays: CouncilProfile.BankHolidays?) {
        switch holidays {
        case .region(let name)?: self = Region(rawValue: name).map { WorkingCalendar(region: $0) } ?? WorkingCalendar()
        case .dates(let dates)?: self.init(dates: dates.compactMap { try? CaseDate.parse($0).get() }.compactMap(Day.init))
        case nil: self.init()
        }
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        !day.isWeekend && !listed.contains(day) && !(region.map { Self.bankHolidays(in: day.year, region: $0).contains(day) } ?? false)
    }

    /// The `count`th working day after `day` (`day` itself not counted); before it when `count`
    /// is negative.
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var current = day, left = abs(count)
        while left > 0 {
            current = current.adding(days: count > 0 ? 1 : -1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// How many working days come after `start`, up to and including `end`.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        return (start.ordinal + 1...end.ordinal).filter { isWorkingDay(Day(ordinal: $0)) }.count
    }

    /// The regular bank holidays of a year, with the weekday given in place of one that falls at
    /// a weekend. One-off holidays (a coronation, a moved May Day) are not worked out: a council
    /// lists its dates instead.
    public static func bankHolidays(in year: Int, region: Region) -> Set<Day> {
        let easter = easterSunday(year)
        var movable: [Day] = [easter.adding(days: -2), firstMonday(year, 5), lastMonday(year, 5)]
        var fixed: [Day] = [Day(year: year, month: 1, day: 1)]
        switch region {
        case .englandAndWales:
            movable += [easter.adding(days: 1), lastMonday(year, 8)]
        case .northernIreland:
            movable += [easter.adding(days: 1), lastMonday(year, 8)]
            fixed += [Day(year: year, month: 3, day: 17), Day(year: year, month: 7, day: 12)]
        case .scotland:
            movable += [firstMonday(year, 8)]
            fixed += [Day(year: year, month: 1, day: 2), Day(year: year, month: 11, day: 30)]
        }
        fixed += [Day(year: year, month: 12, day: 25), Day(year: year, month: 12, day: 26)]
        // A fixed holiday at a weekend moves to the next weekday that is not a holiday already,
        // in order: Christmas on a Saturday is kept on Monday 27th, Boxing Day on Tuesday 28th.
        var days = Set(movable)
        for holiday in fixed.sorted() {
            var day = holiday
            while day.isWeekend || days.contains(day) { day = day.adding(days: 1) }
            days.insert(day)
        }
        return days
    }

    /// Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }

    private static func firstMonday(_ year: Int, _ month: Int) -> Day {
        let first = Day(year: year, month: month, day: 1)
        return first.adding(days: (8 - first.weekday) % 7)
    }

    private static func lastMonday(_ year: Int, _ month: Int) -> Day {
        let last = Day(year: year, month: month, day: 1).adding(months: 1).adding(days: -1)
        return last.adding(days: -((last.weekday + 6) % 7))
    }
}
