import KinpressCase
import KinpressSupport

/// The assessment in plain words: worries, what is working well, what needs to happen, how
/// worried people are, what is not known yet, and what happens next.
struct AssessmentBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.assessment.title`.
        var strings: [String: Any]
        /// Headings that depend on the service (worry or danger statements).
        var service: [String: Any]
        /// The opening paragraph.
        var intro: String
        /// "Mapped on 3 March 2026." (for families, "We talked about this together on …"), when
        /// the assessment has a date.
        var mapped: String?
        /// Who lives with whom: a sentence per child whose home the case records.
        var home: [String]
        /// What each child says, before what needs to happen is decided.
        var voices: [VoiceView]
        /// "What Mason says", or for several children "What the children say".
        var voiceHeading: String
        /// What has happened that worries people.
        var harm: [StatementView]
        /// What makes things harder.
        var complicatingFactors: [StatementView]
        /// What is working well.
        var strengths: [StatementView]
        /// Safety already in place.
        var existingSafety: [StatementView]
        /// The worries (danger or worry statements), numbered.
        var dangers: [DangerView]
        /// Safety goals that answer no particular worry.
        var goalsWithoutWorry: [GoalView]
        /// What must happen, whatever else changes.
        var bottomLines: [StatementView]
        /// Who does what next, and by when.
        var nextSteps: [StepView]
        /// The scaling questions.
        var scales: [ScaleView]
        /// What is not known yet.
        var grey: [StatementView]
        /// The next meeting, when there is one.
        var meeting: MeetingView?
        /// How to ask the worker about any of it.
        var ask: String
        /// Whether there is any harm, worry or complicating factor.
        var hasWorries: Bool
        /// Whether there is any strength or existing safety.
        var hasWorkingWell: Bool
        /// Whether there is any goal, bottom line or next step.
        var hasNeeds: Bool
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let assessment = words.visible.file.assessment
        let children = try words.childrenNames()
        let title = try catalogue.text("assessment.title", ["children": children])
        let header = try words.header(title: title, runningTitle: catalogue.text("assessment.runningTitle", ["children": children]))

        var numbers: [String: Int] = [:]
        for (index, danger) in (assessment?.dangerStatements ?? []).enumerated() { numbers[danger.id] = index + 1 }
        let goals = try (assessment?.safetyGoals ?? []).map { goal throws(TemplateError) in (goal, try words.goal(goal, numbers: numbers)) }
        let dangers = try (assessment?.dangerStatements ?? []).enumerated().map { index, danger throws(TemplateError) in
            try words.danger(danger, number: index + 1, goals: goals.filter { $0.0.dangerStatements.contains(danger.id) }.map(\.1))
        }
        let statement = { (s: Statement) throws(TemplateError) in try words.statement(s) }
        return View(
            header: header, strings: words.strings, service: words.serviceWords(),
            intro: try catalogue.plural("assessment.intro", count: header.children.count, ["children": children, "worker": header.worker]),
            mapped: try assessment?.date.map { day throws(TemplateError) in
                try catalogue.text(words.audience == .professional ? "assessment.mappedOn" : "assessment.talkedOn", ["date": words.date(day)])
            },
            home: try homes(),
            voices: try words.voices(),
            voiceHeading: try words.voiceHeading(),
            harm: try (assessment?.harm ?? []).map(statement), complicatingFactors: try (assessment?.complicatingFactors ?? []).map(statement),
            strengths: try (assessment?.strengths ?? []).map(statement), existingSafety: try (assessment?.existingSafety ?? []).map(statement),
            dangers: dangers, goalsWithoutWorry: goals.filter { $0.0.dangerStatements.isEmpty }.map(\.1),
            bottomLines: try (assessment?.bottomLines ?? []).map(statement),
            nextSteps: try (assessment?.nextSteps ?? []).map { step throws(TemplateError) in try self.step(step) },
            scales: try (assessment?.scaling ?? []).map { scale throws(TemplateError) in try self.scale(scale, numbers: numbers) },
            grey: try (assessment?.grey ?? []).map(statement), meeting: try words.meeting(),
            ask: try catalogue.text("assessment.next.ask", ["worker": words.reachable(words.visible.file.case.worker)]),
            hasWorries: !((assessment?.harm ?? []).isEmpty && (assessment?.dangerStatements ?? []).isEmpty && (assessment?.complicatingFactors ?? []).isEmpty),
            hasWorkingWell: !((assessment?.strengths ?? []).isEmpty && (assessment?.existingSafety ?? []).isEmpty),
            hasNeeds: !((assessment?.safetyGoals ?? []).isEmpty && (assessment?.bottomLines ?? []).isEmpty && (assessment?.nextSteps ?? []).isEmpty))
    }

    /// Who lives with whom, a sentence per child whose home the case records.
    private func homes() throws(TemplateError) -> [String] {
        var lines: [String] = []
        for child in words.visible.file.children {
            if let line = try words.home(of: child) { lines.append(line) }
        }
        return lines
    }

    func step(_ step: NextStep) throws(TemplateError) -> StepView {
        let by = if let due = step.by { try words.date(due) } else { try words.catalogue.text("step.noDate") }
        return StepView(text: Bidi.isolate(step.text), who: try words.names(step.who), by: by, done: step.done)
    }

    private func scale(_ scale: Scale, numbers: [String: Int]) throws(TemplateError) -> ScaleView {
        let catalogue = words.catalogue
        let scores = try scale.scores.map { score throws(TemplateError) in
            let who = try words.name(score.person)
            var line = try catalogue.sentence("scale.score", ["name": who, "score": words.score(score.score)])
            if let date = score.date { line = try catalogue.sentence("scale.scoreOn", ["name": who, "score": words.score(score.score), "date": words.date(date)]) }
            return ScoreView(who: who, score: words.score(score.score), value: score.score, line: line,
                             said: score.said, oneStepUp: score.oneStepUp)
        }
        let alternative = try catalogue.text("scale.alternative", [
            "question": scale.question, "zero": scale.zero, "ten": scale.ten,
            "scores": scores.isEmpty ? catalogue.text("scale.noScores") : catalogue.list(scores.map(\.line)),
        ])
        return ScaleView(question: Bidi.isolate(scale.question), zero: Bidi.isolate(scale.zero), ten: Bidi.isolate(scale.ten),
                         about: try scale.about.flatMap { numbers[$0] }.map { n throws(TemplateError) in try catalogue.text("scale.about", ["number": String(n)]) },
                         scores: scores, alternative: alternative)
    }
}
