import Testing
@testable import KinpressCase

/// Working days as a conference chair counts them: weekends and the council's bank holidays left
/// out, months ending on their last day.
@Suite("Working days and bank holidays")
struct WorkingDaysTests {
    static func day(_ text: String) -> Day { Day(try! CaseDate.parse(text).get())! }

    @Test("England and Wales' bank holidays, with a Christmas at a weekend kept on the weekdays after")
    func englandAndWales() {
        let holidays = WorkingCalendar.bankHolidays(in: 2026, region: .englandAndWales).sorted().map(\.description)
        #expect(holidays == ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"])
        let christmas2027 = WorkingCalendar.bankHolidays(in: 2027, region: .englandAndWales).filter { $0.month == 12 }.sorted().map(\.description)
        #expect(christmas2027 == ["2027-12-27", "2027-12-28"], "Christmas on a Saturday, Boxing Day on a Sunday")
        #expect(WorkingCalendar.bankHolidays(in: 2026, region: .scotland).contains(Self.day("2026-11-30")))
        #expect(WorkingCalendar.bankHolidays(in: 2026, region: .northernIreland).contains(Self.day("2026-03-17")))
        #expect(WorkingCalendar.easterSunday(2025) == Self.day("2025-04-20") && WorkingCalendar.easterSunday(2027) == Self.day("2027-03-28"))
    }

    @Test("15 working days after a strategy discussion, across Easter, and with the council's own list")
    func fifteenWorkingDays() {
        let calendar = WorkingCalendar(region: .englandAndWales)
        // Thursday 26 March 2026: Good Friday 3 April and Easter Monday 6 April do not count.
        #expect(calendar.adding(workingDays: 15, to: Self.day("2026-03-26")) == Self.day("2026-04-20"))
        #expect(WorkingCalendar().adding(workingDays: 15, to: Self.day("2026-03-26")) == Self.day("2026-04-16"), "weekends only")
        #expect(calendar.workingDays(after: Self.day("2026-03-26"), through: Self.day("2026-04-20")) == 15)
        #expect(calendar.adding(workingDays: -15, to: Self.day("2026-04-20")) == Self.day("2026-03-26"), "and back")
        #expect(calendar.adding(workingDays: -5, to: Self.day("2026-05-07")) == Self.day("2026-04-29"), "the May bank holiday left out")
        let listed = WorkingCalendar(.dates(["2026-04-03", "2026-04-06"]))
        #expect(listed.adding(workingDays: 15, to: Self.day("2026-03-26")) == Self.day("2026-04-20"))
    }

    @Test("three and six months on keep the day, or the month's last day")
    func monthEnds() {
        #expect(Self.day("2026-11-30").adding(months: 3) == Self.day("2027-02-28"))
        #expect(Self.day("2027-11-30").adding(months: 3) == Self.day("2028-02-29"))
        #expect(Self.day("2026-08-31").adding(months: 6) == Self.day("2027-02-28"))
        #expect(Self.day("2026-02-12").adding(months: 3) == Self.day("2026-05-12"))
        #expect(Day(ordinal: Self.day("2026-12-31").ordinal) == Self.day("2026-12-31") && Self.day("2026-12-05").weekday == 6)
    }
}
