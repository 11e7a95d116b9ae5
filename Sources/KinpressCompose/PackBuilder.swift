import Foundation
import KinpressCase
import KinpressSupport

/// A meeting pack: a cover saying the meeting in plain words, what the meeting is for, the
/// agenda and contents, then the documents themselves (`<insert document=…>` in the template,
/// composed as they always are), the reports expected, the next steps and what happens after.
struct PackBuilder {
    let words: Words
    /// Words a family pack could not avoid, with what they mean: listed at the end.
    let glossary: [GlossaryEntry]
    let draft: Bool

    struct Row {
        /// What the line is: "Meeting", "Day".
        var label: String
        /// Its value.
        var value: String
    }

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.pack.purpose`.
        var strings: [String: Any]
        /// The cover's table: what meeting, when, where, the chair, the children, the worker.
        var cover: [Row]
        /// Who is invited, with who they are.
        var invited: [String]
        /// What the meeting is for, when there is a meeting.
        var purpose: String?
        /// The agenda: the case's, or the standard one.
        var agenda: [String]
        /// Reports expected, with who writes them.
        var reports: [String]
        /// Who does what next, and by when.
        var nextSteps: [StepView]
        /// What happens after the meeting.
        var after: String
        /// Hard words the pack uses, with their meanings.
        var glossary: [GlossaryEntry]
        /// "DRAFT" across every page, for a draft.
        var watermark: String?
        /// Whether the case has a Words and Pictures story this reader may see.
        var hasStories: Bool
        /// What only the chair's copy has; nil in anyone else's.
        var chair: ChairView?
    }

    /// The chair's copy: what runs the meeting, each thing said once.
    struct ChairView {
        /// Whether the meeting is held in time, in words; nil for meetings without a timescale.
        var timescale: String?
        /// "This meeting is late …", on the cover of a late meeting.
        var late: String?
        /// Who is asked to come, whether they are coming, their interpreter and who comes with them.
        var attendance: [AttendanceRow]
        /// Each report, who writes it, and when it was received and shared with the family.
        var reports: [ReportRow]
        /// A decision sheet for each child, filled in where the meeting's outcome is written.
        var decisions: [DecisionRow]
        /// The core group, when the outcome names it.
        var coreGroup: String?
        /// The next meetings, when the outcome gives them.
        var next: [String]
    }

    struct AttendanceRow {
        /// The person's name.
        var name: String
        /// Invited, attended, apologies …
        var status: String
        /// The language of an interpreter booked for them.
        var interpreter: String
        /// A supporter or advocate who comes with them.
        var with: String
    }

    struct ReportRow {
        /// The report's title.
        var title: String
        /// Who writes it.
        var by: String
        /// The day the chair received it, or "Not yet".
        var received: String
        /// The day the family was given it, or "Not yet".
        var shared: String
    }

    struct DecisionRow {
        /// The child's name.
        var child: String
        /// The lines of the sheet: what to decide, and what was decided or "Yes / No".
        var lines: [Row]
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let children = try words.childrenNames()
        let meeting = file.meeting
        let kind = try meeting.map { m throws(TemplateError) in try catalogue.text("meeting.kinds.\(m.kind.rawValue)") }
        let title = if let kind { try catalogue.text("pack.title", ["meeting": kind, "children": children]) } else { try catalogue.text("pack.titleNoMeeting", ["children": children]) }
        let header = try words.header(title: title, runningTitle: catalogue.text("pack.runningTitle", ["children": children]))

        var cover: [Row] = []
        if let meeting, let kind {
            cover.append(Row(label: try catalogue.text("pack.cover.what"), value: capitalised(kind)))
            cover.append(Row(label: try catalogue.text("pack.cover.when"), value: try words.date(meeting.date)))
            if let time = meeting.time { cover.append(Row(label: try catalogue.text("pack.cover.time"), value: time)) }
            if let place = meeting.place { cover.append(Row(label: try catalogue.text("pack.cover.where"), value: place)) }
            cover.append(Row(label: try catalogue.text("pack.cover.chair"), value: try words.described(meeting.chair)))
        }
        if !header.children.isEmpty {
            cover.append(Row(label: try catalogue.plural("pack.cover.children", count: header.children.count), value: try catalogue.list(header.children.map(\.age))))
        }
        cover.append(Row(label: try catalogue.text("pack.cover.worker"), value: try words.described(file.case.worker)))
        if words.audience == .professional, let manager = file.case.manager {
            cover.append(Row(label: try catalogue.text("pack.cover.manager"), value: try words.described(manager)))
        }

        let agenda = meeting.map { $0.agenda }.flatMap { $0.isEmpty ? nil : $0 }
            ?? ((catalogue.lookup("pack.agenda.standard") as? [any Sendable])?.compactMap { $0 as? String } ?? [])
        let reports = try (meeting?.reportsFrom ?? []).map { report throws(TemplateError) in
            try catalogue.text("pack.reports.by", ["title": report.title, "name": words.described(report.person)])
        }
        let steps = try (file.assessment?.nextSteps ?? []).map { step throws(TemplateError) in try AssessmentBuilder(words: words).step(step) }
        let chair = words.audience == .professional ? try self.chair() : nil
        if let timescale = chair?.timescale { cover.append(Row(label: try catalogue.text("chair.timescale.label"), value: timescale)) }
        return View(
            header: header, strings: words.strings, cover: cover,
            invited: try (meeting?.invited ?? []).map { id throws(TemplateError) in try words.described(id) },
            purpose: try meeting.map { m throws(TemplateError) in try catalogue.text("meeting.purposes.\(m.kind.rawValue)") },
            agenda: agenda, reports: reports, nextSteps: steps,
            // With no meeting booked, who will say when, and how to reach them.
            after: try catalogue.text("pack.after.\(meeting?.kind.rawValue ?? "none")", ["worker": words.reachable(file.case.worker)]),
            glossary: glossary, watermark: draft ? try catalogue.text("pack.draft") : nil,
            hasStories: !file.wordsAndPictures.isEmpty, chair: chair)
    }

    private func chair() throws(TemplateError) -> ChairView {
        let catalogue = words.catalogue
        let meeting = words.visible.file.meeting
        let notYet = try catalogue.text("chair.notYet")
        var timescale: String?
        var late: String?
        if let meeting, let check = Timescale.check(meeting, calendar: words.workingDays) {
            func day(_ day: Day?) throws(TemplateError) -> String { try day.map { d throws(TemplateError) in try words.date(d.caseDate) } ?? "" }
            let values = ["start": try day(check.start), "due": try day(check.due), "first": try day(check.due), "later": try day(check.laterDue),
                          "days": String(check.workingDay ?? 0)]
            var lines: [String]
            switch (meeting.kind, check.status) {
            case (.initialConference, .unknown): lines = [try catalogue.text("chair.timescale.noStart")]
            case (.initialConference, let status): lines = [try catalogue.text(status == .late ? "chair.timescale.initialLate" : "chair.timescale.initial", values)]
            case (_, .unknown): lines = [try catalogue.text("chair.timescale.noPrevious")]
            case (_, let status):
                let verdict = status == .onTime ? "onTime" : status == .lateIfFirst ? "lateIfFirst" : "late"
                lines = [try catalogue.text("chair.timescale.review", values), try catalogue.text("chair.timescale.\(verdict)")]
            }
            if meeting.kind == .initialConference, check.status != .unknown {
                lines.append(try catalogue.text(words.council?.bankHolidays == nil ? "chair.timescale.weekendsOnly" : "chair.timescale.calendar"))
            }
            timescale = lines.joined(separator: " ")
            if check.isLate { late = try catalogue.text("chair.lateWarning") }
        }
        let attendance = try (meeting?.invitees ?? []).map { invitee throws(TemplateError) in
            AttendanceRow(name: try words.name(invitee.person), status: try catalogue.text("chair.status.\(invitee.attendance.rawValue)"),
                          interpreter: invitee.interpreter.map(words.languageName) ?? "",
                          with: invitee.supporter.map(Bidi.isolate) ?? "")
        }
        // A report the family got after the day they should have had it is marked late.
        let due = meeting.flatMap { Timescale.reportsDue($0, calendar: words.workingDays) }
        let reports = try (meeting?.reportsFrom ?? []).map { report throws(TemplateError) in
            var shared = try report.sharedWithFamily.map { d throws(TemplateError) in try words.date(d) } ?? notYet
            if let due, let given = report.sharedWithFamily.flatMap(Day.init), given > due {
                shared = try catalogue.text("chair.sharedLate", ["date": shared, "due": words.date(due.caseDate)])
            }
            return ReportRow(title: Bidi.isolate(report.title), by: try words.name(report.person),
                             received: try report.received.map { d throws(TemplateError) in try words.date(d) } ?? notYet, shared: shared)
        }
        let outcome = meeting?.outcome
        let blank = try catalogue.text("chair.decision.blank")
        let decisions = try words.visible.file.children.map { child throws(TemplateError) in
            let decided = outcome?.decisions.first { $0.child == child.id }
            let dissent = try (outcome?.dissent ?? []).map { d throws(TemplateError) in "\(try words.name(d.person)): \(Bidi.isolate(d.why))" }
            let lines = [
                Row(label: try catalogue.text("chair.decision.harm"), value: try decided.map { d throws(TemplateError) in try catalogue.text([.childProtection, .continue].contains(d.plan) ? "chair.decision.yes" : "chair.decision.no") } ?? blank),
                Row(label: try catalogue.text("chair.decision.plan"),
                    value: try decided.map { d throws(TemplateError) in try catalogue.text("chair.decision.plans.\(d.plan.rawValue)") } ?? ""),
                Row(label: try catalogue.text("chair.decision.category"),
                    value: try decided?.category.map { c throws(TemplateError) in try catalogue.text("chair.decision.categories.\(c.rawValue)") } ?? ""),
                Row(label: try catalogue.text("chair.decision.reasons"), value: decided.map { Bidi.isolate($0.reasons) } ?? ""),
                Row(label: try catalogue.text("chair.decision.dissent"), value: dissent.joined(separator: "; ")),
            ]
            return DecisionRow(child: try words.name(child.id), lines: lines)
        }
        let next = try (outcome?.next ?? []).map { next throws(TemplateError) in
            [try catalogue.text("meeting.kinds.\(next.kind.rawValue)"), try words.date(next.date), next.time ?? "", next.place.map(Bidi.isolate) ?? ""]
                .filter { !$0.isEmpty }.joined(separator: ", ")
        }
        let core = outcome?.coreGroup ?? []
        return ChairView(timescale: timescale, late: late, attendance: attendance, reports: reports, decisions: decisions,
                         coreGroup: core.isEmpty ? nil : try words.names(core), next: next)
    }


    private func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// A word a pack uses that a family may not know, and what it means.
public struct GlossaryEntry: Sendable, Equatable {
    /// The word.
    public var term: String
    /// What it means.
    public var meaning: String

    public init(term: String, meaning: String) {
        self.term = term
        self.meaning = meaning
    }
}
