import KinpressCase
import KinpressSupport

/// The timeline document: what has happened, in date order, and the safety journey still to come.
struct TimelineBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.timeline.kinds.harm`.
        var strings: [String: Any]
        /// The opening paragraph.
        var intro: String
        /// The line for today: "Today: …".
        var today: String
        /// What has happened, with the steps already behind us, in date order.
        var events: [EntryView]
        /// Steps still to come.
        var journey: [EntryView]
    }

    struct EntryView {
        /// When, in words, and what kind of entry it is.
        var date: String
        /// What happened, or the step.
        var title: String
        /// More about it, or empty.
        var detail: String
        /// An event kind (harm, worry, strength, safety, service, move, meeting, other) or a step's status (planned, done, missed).
        var kind: String
        /// Whether the date is only roughly known.
        var approximate: Bool
        /// Words for a quiet time before it ("2 years later"), or empty.
        var gap: String
    }

    /// Quiet times longer than this many months are shown as a break in the line.
    static let quietMonths = 6

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let children = try words.childrenNames()
        let title = try catalogue.text("timeline.title", ["children": children])
        let timeline = words.visible.file.timeline
        let today = words.visible.file.case.date
        // Steps of the journey already behind us stand among the events, in date order.
        let journey = timeline?.journey ?? []
        let past = journey.filter { $0.date.latest < today }
        let future = journey.filter { !($0.date.latest < today) }
        var entries: [(date: CaseDate, kind: String, approximate: Bool, title: String, detail: String?)] = (timeline?.events ?? []).map {
            ($0.date, $0.kind.rawValue, $0.approximate, $0.title, $0.detail)
        }
        for step in past {
            let index = entries.firstIndex { step.date < $0.date } ?? entries.count
            entries.insert((step.date, step.status.rawValue, false, step.title, step.detail), at: index)
        }
        var previous: CaseDate?
        let events = try entries.map { entry throws(TemplateError) in
            var gap = ""
            if let before = previous {
                let months = before.earliest.months(until: entry.date.earliest)
                if months > Self.quietMonths {
                    gap = months >= 24 ? try catalogue.plural("timeline.yearsLater", count: months / 12) : try catalogue.plural("timeline.monthsLater", count: months)
                }
            }
            previous = entry.date
            return EntryView(date: try catalogue.text("timeline.when", ["date": words.date(entry.date, approximate: entry.approximate),
                                                                         "kind": catalogue.text("timeline.kinds.\(entry.kind)")]),
                             title: Bidi.isolate(entry.title), detail: entry.detail.map(Bidi.isolate) ?? "", kind: entry.kind,
                             approximate: entry.approximate || entry.date.isPartial, gap: gap)
        }
        let steps = try future.map { step throws(TemplateError) in
            EntryView(date: try catalogue.text("timeline.when", ["date": words.date(step.date), "kind": catalogue.text("timeline.kinds.\(step.status.rawValue)")]),
                      title: Bidi.isolate(step.title), detail: step.detail.map(Bidi.isolate) ?? "", kind: step.status.rawValue, approximate: step.date.isPartial, gap: "")
        }
        return View(header: try words.header(title: title, runningTitle: title), strings: words.strings,
                    intro: try catalogue.text("timeline.intro", ["children": children]),
                    today: try catalogue.text("timeline.today", ["date": words.date(words.visible.file.case.date)]),
                    events: events, journey: steps)
    }
}
