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
            cover.append(Row(label: try catalogue.text("pack.cover.chair"), value: try person(meeting.chair)))
        }
        if !header.children.isEmpty {
            cover.append(Row(label: try catalogue.plural("pack.cover.children", count: header.children.count), value: try catalogue.list(header.children.map(\.age))))
        }
        cover.append(Row(label: try catalogue.text("pack.cover.worker"), value: try person(file.case.worker)))
        if words.audience == .professional, let manager = file.case.manager {
            cover.append(Row(label: try catalogue.text("pack.cover.manager"), value: try person(manager)))
        }

        let agenda = meeting.map { $0.agenda }.flatMap { $0.isEmpty ? nil : $0 }
            ?? ((catalogue.lookup("pack.agenda.standard") as? [any Sendable])?.compactMap { $0 as? String } ?? [])
        let reports = try (meeting?.reportsFrom ?? []).map { report throws(TemplateError) in
            try catalogue.text("pack.reports.by", ["title": report.title, "name": person(report.person)])
        }
        let steps = try (file.assessment?.nextSteps ?? []).map { step throws(TemplateError) in try AssessmentBuilder(words: words).step(step) }
        return View(
            header: header, strings: words.strings, cover: cover,
            invited: try (meeting?.invited ?? []).map { id throws(TemplateError) in try person(id) },
            purpose: try meeting.map { m throws(TemplateError) in try catalogue.text("meeting.purposes.\(m.kind.rawValue)") },
            agenda: agenda, reports: reports, nextSteps: steps,
            // With no meeting booked, who will say when, and how to reach them.
            after: try catalogue.text("pack.after.\(meeting?.kind.rawValue ?? "none")", ["worker": words.reachable(file.case.worker)]),
            glossary: glossary, watermark: draft ? try catalogue.text("pack.draft") : nil,
            hasStories: !file.wordsAndPictures.isEmpty)
    }

    /// "Gareth Hughes (Mason's dad)": a name with who they are, as this reader knows them.
    private func person(_ id: String) throws(TemplateError) -> String {
        let name = try words.name(id)
        if case .person(let person)? = words.visible.party(id) {
            return try words.catalogue.text("pack.person", ["name": name, "relationship": words.relationship(of: person)])
        }
        return name
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
