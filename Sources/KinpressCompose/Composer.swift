import KinpressAudience
import KinpressCase

/// The documents Kinpress makes from a case.
public enum DocumentKind: String, CaseIterable, Sendable {
    case assessment
    case safetyPlan = "safety-plan"
}

/// The compose stage: a visible case, a view model per document, a template, and the markup
/// parsed into a `Document`.
public struct Composer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func compose(_ kind: DocumentKind, for visible: VisibleCase) throws(TemplateError) -> Document {
        let catalogue = templates.catalogue(for: visible.file.case.language)
        let words = try Words(visible: visible, catalogue: catalogue)
        let view: Any
        switch kind {
        case .assessment: view = try AssessmentBuilder(words: words).view()
        case .safetyPlan: view = try SafetyPlanBuilder(words: words).view()
        }
        let markup = try templates.render(view, document: kind.rawValue)
        return try MarkupParser.parse(markup, source: "\(templates.folder.lastPathComponent)/documents/\(kind.rawValue).mustache")
    }

    /// The markup a document template writes, for checking templates and for tests.
    public func markup(_ kind: DocumentKind, for visible: VisibleCase) throws(TemplateError) -> String {
        let words = try Words(visible: visible, catalogue: templates.catalogue(for: visible.file.case.language))
        let view: Any = kind == .assessment ? try AssessmentBuilder(words: words).view() as Any : try SafetyPlanBuilder(words: words).view() as Any
        return try templates.render(view, document: kind.rawValue)
    }
}

extension Words {
    func header(title: String, runningTitle: String) throws(TemplateError) -> HeaderView {
        let file = visible.file
        let professional = audience == .professional
        return HeaderView(
            lang: file.case.language, direction: ["ar", "ur", "fa", "he", "ps", "ckb", "yi", "dv"].contains(catalogue.language) ? "rtl" : "ltr",
            title: title, runningTitle: runningTitle,
            subtitle: try catalogue.text("document.subtitle", ["date": date(file.case.date), "council": clean(file.case.localAuthority)]),
            marking: professional ? clean(file.case.protectiveMarking) : nil,
            children: try file.children.map { child throws(TemplateError) in ChildView(name: try name(child.id), age: try age(of: child)) },
            childrenNames: try childrenNames(), worker: try name(file.case.worker),
            localAuthority: clean(file.case.localAuthority), reference: clean(file.case.reference),
            date: try date(file.case.date), forProfessionals: professional, forChild: audience == .child)
    }

    /// The catalogue's tree, for templates: `{{strings.assessment.title}}`.
    var strings: [String: Any] { catalogue.tree }

    /// Headings that depend on the service: early help says worry statements where child
    /// protection says danger statements.
    func serviceWords() -> [String: Any] {
        (catalogue.lookup("service.\(visible.file.case.service.rawValue)") as? [String: any Sendable]) ?? [:]
    }

    func statement(_ statement: Statement) throws(TemplateError) -> StatementView {
        var said: String?
        if let source = statement.source {
            if let when = statement.date {
                said = try catalogue.sentence("statement.saidOn", ["name": name(source), "date": date(when)])
            } else {
                said = try catalogue.sentence("statement.said", ["name": name(source)])
            }
        } else if let when = statement.date {
            said = try catalogue.text("statement.on", ["date": date(when)])
        }
        return StatementView(paragraphs: paragraphs(statement.text), said: said, disputed: try disputed(statement.disputedBy))
    }

    func disputed(_ ids: [String]) throws(TemplateError) -> String? {
        let people = try distinctNames(ids)
        return people.isEmpty ? nil : try catalogue.pluralSentence("statement.disputed", count: people.count, ["names": catalogue.list(people)])
    }

    /// A danger statement's words: as written with the family, or put together from its parts
    /// ("Sam and Priya are worried that …").
    func statementText(_ danger: DangerStatement) throws(TemplateError) -> [String] {
        if let written = danger.text { return paragraphs(written) }
        var worry = clean(danger.worry).trimmingCharacters(in: .whitespacesAndNewlines)
        if worry.lowercased().hasPrefix("that ") { worry = String(worry.dropFirst(5)) }
        if let last = worry.last, !".!?".contains(last) { worry += "." }
        let worried = try distinctNames(danger.worriedPeople)
        return [try catalogue.pluralSentence("danger.composed", count: worried.count, ["worried": catalogue.list(worried), "worry": worry])]
    }

    func goal(_ goal: SafetyGoal, answers: String?) throws(TemplateError) -> GoalView {
        GoalView(paragraphs: paragraphs(goal.text),
                 howLong: try goal.howLong.map { t throws(TemplateError) in try catalogue.text("goal.howLong", ["howLong": clean(t)]) },
                 answers: answers)
    }

    func meeting() throws(TemplateError) -> MeetingView? {
        guard let meeting = visible.file.meeting else { return nil }
        let kind = try catalogue.text("meeting.kinds.\(meeting.kind.rawValue)")
        var sentence = try catalogue.text("meeting.when", ["kind": kind, "date": date(meeting.date)])
        if let time = meeting.time { sentence = try catalogue.text("meeting.whenAt", ["kind": kind, "date": date(meeting.date), "time": clean(time)]) }
        return MeetingView(sentence: sentence, place: meeting.place.map(clean), purpose: try catalogue.text("meeting.purposes.\(meeting.kind.rawValue)"))
    }
}
