import KinpressCase
import KinpressSupport

/// How things have gone since the last meeting, for a review or the small team: what got
/// better, each goal with everyone's scores then and now and why, how the plan has been
/// looked at, what is still to do, and what comes next.
struct ReviewUpdateBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.review.better`.
        var strings: [String: Any]
        /// Headings that depend on the service (worry or danger statements).
        var service: [String: Any]
        /// "This tells you how things have changed for Mason since …".
        var intro: String
        /// "What has got better since …", or "What is going well" when the case gives no start.
        var betterHeading: String
        /// What is working well, since the last meeting when the case says when that was.
        var better: [StatementView]
        /// Good things from the timeline since then: "Monday 2 March 2026: Mason went to school every day".
        var events: [String]
        /// Whether there is anything in `better` or `events`.
        var hasBetter: Bool
        /// Each goal with the scores about the worries it answers.
        var goals: [GoalProgressView]
        /// Scaling questions about no goal's worry.
        var otherScales: [ProgressView]
        /// When the plan was looked at since then, and what was said.
        var planReviews: [ReviewView]
        /// The plan's rules, with who makes sure of each.
        var rules: [String]
        /// Who does what next, and whether it is done.
        var nextSteps: [StepView]
        /// What comes next: the next step on the safety journey and the next meetings.
        var next: [String]
        /// "Nothing is written down yet …", when the case has none of the above.
        var nothing: String?
    }

    /// A goal and how far things have moved towards it.
    struct GoalProgressView {
        /// The goal.
        var goal: GoalView
        /// The scaling questions about the worries the goal answers.
        var scales: [ProgressView]
    }

    /// One scaling question, each person's score then and now.
    struct ProgressView {
        /// The question.
        var question: String
        /// "0 means: …" and "10 means: …".
        var ends: [String]
        /// A line for each person who gave a score.
        var people: [PersonProgressView]
    }

    struct PersonProgressView {
        /// "Kerry: 3 on Monday 5 January 2026. Now 6."
        var line: String
        /// Why they chose the number they give now.
        var said: String?
        /// What would move it one step up.
        var oneStepUp: String?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let assessment = file.assessment
        let children = try words.childrenNames()
        let title = try catalogue.text("review.title", ["children": children])
        var header = try words.header(title: title, runningTitle: catalogue.text("review.runningTitle"))
        header.subtitle = try catalogue.text("review.subtitle", ["worker": words.name(file.case.worker), "date": words.date(file.case.date)])
        // Since the last meeting: the one the case names, or the one before this one's date.
        let since = file.meeting?.previousMeeting
        let sinceWords = try since.map { day throws(TemplateError) in try words.date(day) }
        func recent(_ date: CaseDate?) -> Bool {
            guard let since else { return true }
            return date.map { $0 >= since } ?? false
        }
        let statements = ((assessment?.strengths ?? []) + (assessment?.existingSafety ?? [])).filter { recent($0.date) }
        // Good things from the timeline are news only since a known meeting; otherwise they
        // repeat what the strengths already say.
        let events = try (file.timeline?.events ?? []).filter { since != nil && [.strength, .safety].contains($0.kind) && recent($0.date) }.map { event throws(TemplateError) in
            try catalogue.text("review.event", ["date": words.date(event.date, approximate: event.approximate), "what": event.title])
        }

        let scales = assessment?.scaling ?? []
        var used: Set<String> = []
        var goals: [GoalProgressView] = []
        for goal in assessment?.safetyGoals ?? [] {
            let about = scales.filter { $0.about.map(goal.dangerStatements.contains) ?? false }
            used.formUnion(about.map(\.id))
            // The worries are not listed here, so a goal does not point to them by number.
            goals.append(GoalProgressView(goal: try words.goal(goal, numbers: [:]),
                                          scales: try about.map { scale throws(TemplateError) in try progress(scale) }))
        }
        let reviews = try (file.safetyPlan?.reviews ?? []).filter { recent($0.date) }.map { review throws(TemplateError) in
            ReviewView(date: try words.date(review.date), what: Bidi.isolate(review.what))
        }
        let rules = try (file.safetyPlan?.rules ?? []).map { rule throws(TemplateError) in
            try catalogue.text("review.rule", ["rule": rule.rule, "who": words.names(rule.who)])
        }
        var next: [String] = []
        if let milestone = (file.timeline?.journey ?? []).first(where: { $0.status == .planned && $0.date >= file.case.date }) {
            next.append(try catalogue.text("review.milestone", ["date": words.date(milestone.date), "what": milestone.title]))
        }
        if file.meeting?.outcome != nil {
            next += try words.nextMeetings()
        } else if let meeting = try words.meeting(), let date = file.meeting?.date, date >= file.case.date {
            next.append(meeting.sentence)
        }
        let intro: String, betterHeading: String
        if let sinceWords {
            intro = try catalogue.text("review.introSince", ["children": children, "date": sinceWords])
            betterHeading = try catalogue.text("review.betterSince", ["date": sinceWords])
        } else {
            intro = try catalogue.text("review.intro", ["children": children])
            betterHeading = try catalogue.text("review.better")
        }
        return View(
            header: header, strings: words.strings, service: words.serviceWords(), intro: intro, betterHeading: betterHeading,
            better: try statements.map { s throws(TemplateError) in try words.statement(s) }, events: events,
            hasBetter: !statements.isEmpty || !events.isEmpty, goals: goals,
            otherScales: try scales.filter { !used.contains($0.id) }.map { scale throws(TemplateError) in try progress(scale) },
            planReviews: reviews, rules: rules,
            nextSteps: try (assessment?.nextSteps ?? []).map { step throws(TemplateError) in try AssessmentBuilder(words: words).step(step) },
            next: next,
            nothing: statements.isEmpty && events.isEmpty && goals.isEmpty && scales.isEmpty && rules.isEmpty && (assessment?.nextSteps ?? []).isEmpty && next.isEmpty
                ? try catalogue.text("review.nothing", ["worker": words.reachable(file.case.worker)]) : nil)
    }

    /// Each person's first and latest score on one question (undated scores count as the
    /// latest), with why they give the latest and what would move it up.
    private func progress(_ scale: Scale) throws(TemplateError) -> ProgressView {
        let catalogue = words.catalogue
        var people: [String] = []
        for score in scale.scores where !people.contains(score.person) { people.append(score.person) }
        let lines = try people.map { person throws(TemplateError) -> PersonProgressView in
            let scores = scale.scores.filter { $0.person == person }.enumerated().sorted {
                ($0.element.date ?? CaseDate(year: 9999), $0.offset) < ($1.element.date ?? CaseDate(year: 9999), $1.offset)
            }.map(\.element)
            let now = scores.last!, then = scores.first!
            let name = try words.name(person)
            var values = ["name": name, "now": words.score(now.score), "then": words.score(then.score)]
            let line: String
            if scores.count > 1, let thenDate = then.date {
                values["date"] = try words.date(thenDate)
                line = try catalogue.text("review.score.change", values)
            } else if scores.count > 1 {
                line = try catalogue.text("review.score.changeUndated", values)
            } else {
                line = try catalogue.text("review.score.one", values)
            }
            return PersonProgressView(line: line, said: now.said.map(Bidi.isolate), oneStepUp: now.oneStepUp.map(Bidi.isolate))
        }
        return ProgressView(question: Bidi.isolate(scale.question),
                            ends: [try catalogue.text("review.zero", ["zero": scale.zero]), try catalogue.text("review.ten", ["ten": scale.ten])],
                            people: lines)
    }
}
