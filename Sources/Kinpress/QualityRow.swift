import Foundation
import KinpressCase

/// The numbers a quality-assurance team charts for one case: how big the network is, how many
/// people help and know the worries, each scale's latest number and its change, how many rules
/// the plan has, how many steps are overdue, and how long until the next review.
public struct QualityRow: Sendable, Codable, Equatable {
    public struct ScaleFigure: Sendable, Codable, Equatable {
        public var id: String
        /// The mean of the numbers given the last time the scale was asked.
        public var latest: Double?
        /// `latest` minus the mean the time before; nil when it was asked only once.
        public var change: Double?
    }

    public var reference: String
    public var networkSize: Int
    public var safetyNetworkMembers: Int
    public var peopleToldWorries: Int
    public var scales: [ScaleFigure]
    public var rules: Int
    public var overdueMilestones: Int
    /// From the case date to the first review on or after it; nil when none is planned.
    public var daysToNextReview: Int?

    /// Read from the whole case (what professionals see): the numbers are about the work, not
    /// any one reader's copy.
    public init(_ source: Case) {
        let file = source.file
        let today = file.case.date
        reference = file.case.reference
        networkSize = file.people.count
        safetyNetworkMembers = file.people.filter(\.inSafetyNetwork).count
        peopleToldWorries = file.people.filter { $0.informedOfWorries == true }.count
        scales = (file.assessment?.scaling ?? []).map { scale in
            // A scale is asked of several people at a time: each time it was asked (a date),
            // the mean of the numbers given; undated numbers count as one time, before the rest.
            let times = Dictionary(grouping: scale.scores, by: \.date).sorted { a, b in
                switch (a.key, b.key) {
                case (nil, _): return true
                case (_, nil): return false
                case let (x?, y?): return x < y
                }
            }.map { $0.value.map(\.score).reduce(0, +) / Double($0.value.count) }
            let latest = times.last.map { ($0 * 10).rounded() / 10 }
            let change = times.count > 1 ? ((times[times.count - 1] - times[times.count - 2]) * 10).rounded() / 10 : nil
            return ScaleFigure(id: scale.id, latest: latest, change: change)
        }
        rules = file.safetyPlan?.rules.count ?? 0
        overdueMilestones = (file.timeline?.journey ?? []).filter { $0.status == .planned && $0.date.latest < today }.count
        daysToNextReview = (file.safetyPlan?.reviews ?? []).map(\.date).filter { !($0.latest < today) }.min().map { Self.days(from: today, to: $0) }
    }

    static func days(from start: CaseDate, to end: CaseDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ value: CaseDate) -> Date {
            let first = value.earliest
            return calendar.date(from: DateComponents(year: first.year, month: first.month, day: first.day))!
        }
        return calendar.dateComponents([.day], from: date(start), to: date(end)).day ?? 0
    }

    /// The CSV's header for rows with up to `scales` scales.
    public static func header(scales: Int) -> [String] {
        ["reference", "input", "networkSize", "safetyNetworkMembers", "peopleToldWorries", "rules", "overdueMilestones", "daysToNextReview"]
            + (0..<scales).flatMap { ["scale\($0 + 1)Id", "scale\($0 + 1)Latest", "scale\($0 + 1)Change"] }
    }

    /// One CSV row, padded to `scales` scales.
    public func fields(input: String, scales count: Int) -> [String] {
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == value.rounded() ? String(Int(value)) : String(value)
        }
        let figures = (0..<count).flatMap { index -> [String] in
            guard index < scales.count else { return ["", "", ""] }
            return [scales[index].id, number(scales[index].latest), number(scales[index].change)]
        }
        return [reference, input, String(networkSize), String(safetyNetworkMembers), String(peopleToldWorries), String(rules),
                String(overdueMilestones), daysToNextReview.map(String.init) ?? ""] + figures
    }
}
