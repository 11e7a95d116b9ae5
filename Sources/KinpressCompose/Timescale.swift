import KinpressCase

/// Whether a conference is held in time (`../domain.md` §6.1): an initial conference within 15
/// working days of the strategy discussion, a review within 3 months of the last conference when
/// it is the first review and within 6 months after that. The case does not say which review
/// this is, so a review between the two limits is reported as late only if it is the first.
struct Timescale: Equatable {
    enum Status: Equatable {
        case onTime
        /// Late for a first review, in time for a later one.
        case lateIfFirst
        case late
        /// The case lacks the date the limit counts from.
        case unknown
    }

    var status: Status
    /// The date the limit counts from (the strategy discussion, the last conference).
    var start: Day?
    /// When it is due: the 15th working day, or 3 months on.
    var due: Day?
    /// A later review's limit, 6 months on.
    var laterDue: Day?
    /// For an initial conference, the working day the meeting falls on.
    var workingDay: Int?

    /// Nil for meetings without a national timescale (core groups, network and family meetings,
    /// pre-birth conferences, whose limit counts from the pregnancy).
    static func check(_ meeting: Meeting, calendar: WorkingCalendar) -> Timescale? {
        guard let day = Day(meeting.date) else { return nil }
        switch meeting.kind {
        case .initialConference:
            guard let start = meeting.strategyDiscussion.flatMap(Day.init) else { return Timescale(status: .unknown) }
            let due = calendar.adding(workingDays: 15, to: start)
            return Timescale(status: day <= due ? .onTime : .late, start: start, due: due,
                             workingDay: calendar.workingDays(after: start, through: day))
        case .reviewConference:
            guard let start = meeting.previousMeeting.flatMap(Day.init) else { return Timescale(status: .unknown) }
            let first = start.adding(months: 3), later = start.adding(months: 6)
            return Timescale(status: day <= first ? .onTime : day <= later ? .lateIfFirst : .late, start: start, due: first, laterDue: later)
        case .preBirthConference, .coreGroup, .networkMeeting, .familyMeeting:
            return nil
        }
    }

    var isLate: Bool { status == .late }

    /// The last day the family should have the reports, so they can read them and have errors
    /// put right: 3 working days before an initial or pre-birth conference, 5 before a review
    /// (`../domain.md` §6.3). Nil for other meetings.
    static func reportsDue(_ meeting: Meeting, calendar: WorkingCalendar) -> Day? {
        guard let day = Day(meeting.date) else { return nil }
        switch meeting.kind {
        case .initialConference, .preBirthConference: return calendar.adding(workingDays: -3, to: day)
        case .reviewConference: return calendar.adding(workingDays: -5, to: day)
        case .coreGroup, .networkMeeting, .familyMeeting: return nil
        }
    }
}
