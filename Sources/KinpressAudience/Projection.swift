import Foundation
import KinpressCase

/// Builds a `VisibleCase`: one pass over the case that keeps what the reader may see.
struct Projection {
    let audience: Audience
    var file: CaseFile
    /// Hidden people and children, by their real id, with the opaque id that replaces it.
    private var hiddenIDs: [String: String] = [:]
    private var parties: [String: VisibleCase.Party] = [:]

    init(audience: Audience, file: CaseFile) {
        self.audience = audience
        self.file = file
    }

    mutating func run(ages: [String: Case.Age], folder: URL?) -> VisibleCase {
        let source = file
        for person in source.people {
            if audience.sees(person.visibility) {
                parties[person.id] = .person(visibleContacts(person))
            } else {
                hide(person.id, as: VisibleCase.HiddenRole(rawValue: person.kind.rawValue) ?? .professional)
            }
        }
        for child in source.children {
            if audience.sees(child.visibility) { parties[child.id] = .child(child) } else { hide(child.id, as: .child) }
        }

        var visible = source
        visible.people = source.people.filter { audience.sees($0.visibility) }.map(visibleContacts)
        visible.children = source.children.filter { audience.sees($0.visibility) }.map { child in
            var child = child
            child.livesWith = members(child.livesWith)
            return child
        }
        visible.case.worker = reference(source.case.worker)
        visible.case.manager = source.case.manager.map(reference)
        visible.assessment = source.assessment.map(project)
        visible.safetyPlan = source.safetyPlan.map(project)
        visible.timeline = source.timeline.map(project)
        visible.wordsAndPictures = keep(source.wordsAndPictures, \.visibility).filter { parties[$0.child] != nil }.map { story in
            var story = story
            story.pages = keep(story.pages, \.visibility)
            return story
        }
        visible.meeting = source.meeting.map { meeting in
            var meeting = meeting
            meeting.chair = reference(meeting.chair)
            meeting.invited = members(meeting.invited)
            meeting.reportsFrom = keep(meeting.reportsFrom, \.visibility).map { report in
                var report = report
                report.person = reference(report.person)
                return report
            }
            return meeting
        }
        return VisibleCase(audience: audience, file: visible, folder: folder, ages: ages.filter { parties[$0.key] != nil }, parties: parties)
    }

    private mutating func hide(_ id: String, as role: VisibleCase.HiddenRole) {
        let opaque = "hidden-\(hiddenIDs.count + 1)"
        hiddenIDs[id] = opaque
        parties[opaque] = .hidden(role)
    }

    /// A single reference: a hidden person becomes their opaque id (shown as their role).
    private func reference(_ id: String) -> String {
        hiddenIDs[id] ?? id
    }

    /// A list of people who take part in something (worried people, who keeps a rule): hidden
    /// people stay as their role, so the sentence still says that someone does it.
    private func references(_ ids: [String]) -> [String] {
        ids.map(reference)
    }

    /// A list that names its members (who lives with the child, who is invited, who signs):
    /// hidden people are left out.
    private func members(_ ids: [String]) -> [String] {
        ids.filter { hiddenIDs[$0] == nil }
    }

    private func keep<T>(_ items: [T], _ visibility: KeyPath<T, Visibility>) -> [T] {
        items.filter { audience.sees($0[keyPath: visibility]) }
    }

    private func visibleContacts(_ person: Person) -> Person {
        var person = person
        for contact in [\Person.phone, \Person.email, \Person.address] {
            if let value = person[keyPath: contact], !audience.sees(value.visibility) { person[keyPath: contact] = nil }
        }
        return person
    }

    private func project(_ statements: [Statement]) -> [Statement] {
        keep(statements, \.visibility).map { statement in
            var statement = statement
            statement.about = members(statement.about)
            statement.source = statement.source.map(reference)
            statement.disputedBy = references(statement.disputedBy)
            return statement
        }
    }

    private func project(_ assessment: Assessment) -> Assessment {
        var result = assessment
        result.harm = project(assessment.harm)
        result.complicatingFactors = project(assessment.complicatingFactors)
        result.strengths = project(assessment.strengths)
        result.existingSafety = project(assessment.existingSafety)
        result.bottomLines = project(assessment.bottomLines)
        result.grey = project(assessment.grey)
        result.dangerStatements = keep(assessment.dangerStatements, \.visibility).map { statement in
            var statement = statement
            statement.worriedPeople = references(statement.worriedPeople)
            statement.children = statement.children.filter { parties[$0] != nil }
            statement.disputedBy = references(statement.disputedBy)
            return statement
        }
        let visibleDangers = Set(result.dangerStatements.map(\.id))
        result.safetyGoals = keep(assessment.safetyGoals, \.visibility).map { goal in
            var goal = goal
            goal.dangerStatements = goal.dangerStatements.filter(visibleDangers.contains)
            return goal
        }
        result.nextSteps = keep(assessment.nextSteps, \.visibility).map { step in
            var step = step
            step.who = references(step.who)
            return step
        }
        result.scaling = keep(assessment.scaling, \.visibility).map { scale in
            var scale = scale
            if let about = scale.about, !visibleDangers.contains(about) { scale.about = nil }
            scale.scores = keep(scale.scores, \.visibility).map { score in
                var score = score
                score.person = reference(score.person)
                return score
            }
            return scale
        }
        return result
    }

    private func project(_ plan: SafetyPlan) -> SafetyPlan {
        var result = plan
        result.rules = keep(plan.rules, \.visibility).map { rule in
            var rule = rule
            rule.who = references(rule.who)
            return rule
        }
        result.warningSigns = keep(plan.warningSigns, \.visibility)
        result.emergencyContacts = keep(plan.emergencyContacts, \.visibility)
        result.reviews = keep(plan.reviews, \.visibility)
        result.signatures = members(plan.signatures)
        return result
    }

    private func project(_ timeline: Timeline) -> Timeline {
        var result = timeline
        result.events = keep(timeline.events, \.visibility).map { event in
            var event = event
            event.people = members(event.people)
            return event
        }
        result.journey = keep(timeline.journey, \.visibility)
        return result
    }
}
