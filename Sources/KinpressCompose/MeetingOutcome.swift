import KinpressCase
import KinpressSupport

/// What a meeting decided, as one reader may read it: the decision letter and the meeting's
/// record say it in the same words.
struct DecisionView {
    /// Each child's decision.
    var children: [ChildDecisionView]
    /// Who did not agree, and what they said; empty when everyone agreed.
    var dissent: [String]
    /// The plan in short, its rules; nil when the case has none this reader may see.
    var outline: OutlineView?
    /// Who the main worker is (how to reach them follows the letter).
    var lead: String
    /// "A small team will meet …" and its members; nil when the case names none.
    var team: TeamView?
    /// The next meetings, a line each (with their place).
    var next: [String]
    /// How to get the full notes and put them right.
    var record: [String]
}

struct ChildDecisionView {
    /// The child's name.
    var name: String
    /// What was decided for them, in plain words.
    var plan: String
    /// The category of a plan, named in a parent's or a professional's copy only.
    var category: String?
    /// Why, in the meeting's words, a paragraph each.
    var reasons: [String]
}

struct OutlineView {
    /// The plan's rules, as this reader may see them.
    var rules: [String]
    /// "You will get the whole plan from Hannah."
    var whole: String
}

struct TeamView {
    /// "A small team will meet to check the plan …".
    var intro: String
    /// Its members, with who they are.
    var members: [String]
}

extension Words {
    /// The meeting's outcome for this reader. The category of a plan is named only where
    /// `namesCategory` (a professional's copy, a parent's letter); `onlyChild` is the one child
    /// a child's own copy is about, who reads what was decided in words for a child, without the
    /// adults' reasons, the dissent or the small team. `record` is left for the caller: a letter
    /// and the record say differently how to get the notes.
    func outcome(namesCategory: Bool, onlyChild: String?) throws(TemplateError) -> DecisionView {
        let file = visible.file
        let outcome = file.meeting?.outcome
        let worker = try name(file.case.worker)
        let forChild = audience == .child
        var children: [ChildDecisionView] = []
        for decision in outcome?.decisions ?? [] where visible.party(decision.child) != nil {
            if let onlyChild, decision.child != onlyChild { continue }
            let name = try name(decision.child)
            let plan = forChild ? try catalogue.text("letter.decision.forChildrenPlans.\(decision.plan.rawValue)")
                : try catalogue.text("letter.decision.plans.\(decision.plan.rawValue)", ["name": name])
            let category = try decision.category.flatMap { category throws(TemplateError) in
                namesCategory ? try catalogue.text("letter.decision.category", ["category": catalogue.text("letter.decision.categories.\(category.rawValue)")]) : nil
            }
            children.append(ChildDecisionView(name: name, plan: plan, category: category, reasons: forChild ? [] : paragraphs(decision.reasons)))
        }
        let dissent = try (outcome?.dissent ?? []).filter { visible.party($0.person) != nil }.map { dissent throws(TemplateError) in
            try catalogue.text("letter.decision.dissent", ["name": name(dissent.person), "why": dissent.why])
        }
        let rules = (file.safetyPlan?.rules ?? []).map { Bidi.isolate($0.rule) }
        // How to reach them is in "How to reach us", once.
        let lead = try catalogue.text("letter.decision.leadWorker", ["worker": worker])
        let members = (outcome?.coreGroup ?? []).filter { visible.party($0) != nil }
        let team = members.isEmpty ? nil : TeamView(intro: try catalogue.text("letter.decision.teamIntro"),
                                                    members: try members.map { id throws(TemplateError) in try described(id) })
        return DecisionView(
            children: children, dissent: forChild ? [] : dissent,
            outline: rules.isEmpty ? nil : OutlineView(rules: rules, whole: try catalogue.text("letter.decision.fullPlan", ["worker": worker])), lead: lead,
            team: forChild ? nil : team, next: try nextMeetings(), record: [])
    }

    /// The meetings the outcome books, a line each with its place; or who will say when.
    func nextMeetings() throws(TemplateError) -> [String] {
        var next: [String] = []
        for meeting in visible.file.meeting?.outcome?.next ?? [] {
            let values = ["kind": try catalogue.text("meeting.kinds.\(meeting.kind.rawValue)"), "date": try date(meeting.date),
                          "time": meeting.time.map(Bidi.leftToRight) ?? ""]
            var line = try catalogue.text(meeting.time == nil ? "letter.decision.nextMeeting" : "letter.decision.nextMeetingAt", values)
            if let place = meeting.place { line += " " + (try catalogue.text("letter.decision.nextPlace", ["place": place])) }
            next.append(line)
        }
        return next.isEmpty ? [try catalogue.text("letter.decision.noNext", ["worker": name(visible.file.case.worker)])] : next
    }
}
