import Foundation
import KinpressCase

/// Builds a `VisibleCase`: the one pass over the case that decides, item by item, what the
/// reader may see. Walking the case as written, it also records where each kept item came from
/// (`origins`), each text the reader will see with its field (`texts`), and each item left out
/// (`withheld`), so lint, the chair's list and warnings about a text never walk the case again.
struct Projection {
    let audience: Audience
    /// The one child a child's copy is for, when it is for one.
    var ownChild: String?
    /// Hidden people and children, by their real id, with the opaque id that replaces it.
    private var hiddenIDs: [String: String] = [:]
    private var parties: [String: VisibleCase.Party] = [:]
    private var origins: [FieldPath: [Int]] = [:]
    private var texts: [SourcedText] = []
    private var withheld: [WithheldItem] = []

    init(audience: Audience) {
        self.audience = audience
    }

    /// Where an item is: its path in the file as written and in the reader's case.
    struct Place {
        var written: FieldPath
        var visible: FieldPath

        static let root = Place(written: .root, visible: .root)

        func key(_ key: String) -> Place {
            Place(written: written.appending(key), visible: visible.appending(key))
        }
    }

    mutating func run(_ source: Case) -> VisibleCase {
        let file = source.file
        let root = Place.root
        for person in file.people {
            if audience.sees(person.visibility) {
                parties[person.id] = .person(person)
            } else {
                hide(person.id, as: VisibleCase.HiddenRole(rawValue: person.kind.rawValue) ?? .professional)
            }
        }
        for child in file.children {
            if audience.sees(child.visibility) { parties[child.id] = .child(child) } else { hide(child.id, as: .child) }
        }

        var visible = file
        visible.case.worker = reference(file.case.worker)
        visible.case.manager = file.case.manager.map(reference)
        visible.children = keep(file.children, root.key("children"), \.visibility, summary: \.name) { projection, child, place in
            var child = child
            projection.label(child.name, place.key("name"))
            projection.label(child.fullName, place.key("fullName"))
            child.livesWith = projection.members(child.livesWith)
            projection.voice(of: &child, place)
            return child
        }
        visible.people = keep(file.people, root.key("people"), \.visibility, summary: \.name) { projection, person, place in
            projection.visibleContacts(person, place)
        }
        visible.assessment = file.assessment.map { project($0, root.key("assessment")) }
        visible.safetyPlan = file.safetyPlan.map { project($0, root.key("safetyPlan")) }
        visible.timeline = file.timeline.map { project($0, root.key("timeline")) }
        let stories = root.key("wordsAndPictures")
        let childVisibility = Dictionary(file.children.map { ($0.id, $0.visibility) }, uniquingKeysWith: { first, _ in first })
        let shownParties = parties
        // A story about a child the reader may not know of goes with that child.
        let storyVisibility = { (story: Story) -> Visibility in
            shownParties[story.child] == nil ? childVisibility[story.child] ?? .professionals : story.visibility
        }
        visible.wordsAndPictures = keep(file.wordsAndPictures, stories, storyVisibility, summary: { $0.title ?? "" }) { projection, story, place in
            var story = story
            // A story is written for the child, whoever reads it.
            projection.prose(story.title, place.key("title"), forChild: true)
            story.pages = projection.keep(story.pages, place.key("pages"), \.visibility, summary: { $0.text }) { projection, page, place in
                projection.prose(page.heading, place.key("heading"), forChild: true)
                projection.prose(page.text, place.key("text"), forChild: true)
                projection.prose(page.pictureDescription, place.key("pictureDescription"), forChild: true)
                return page
            }
            return story
        }
        visible.meeting = file.meeting.map { meeting in
            let place = root.key("meeting")
            var meeting = meeting
            meeting.chair = reference(meeting.chair)
            meeting.invited = members(meeting.invited)
            label(meeting.time, place.key("time"))
            label(meeting.place, place.key("place"))
            for (index, item) in meeting.agenda.enumerated() { prose(item, place.key("agenda").item(index, index)) }
            meeting.reportsFrom = keep(meeting.reportsFrom, place.key("reportsFrom"), \.visibility, summary: \.title) { projection, report, place in
                var report = report
                projection.label(report.title, place.key("title"))
                report.person = projection.reference(report.person)
                return report
            }
            for (index, invitee) in meeting.invitees.enumerated() { label(invitee.supporter, place.key("invited").item(index, index).key("supporter")) }
            meeting.views = keep(meeting.views, place.key("views"), \.visibility, summary: \.said) { projection, view, place in
                var view = view
                projection.prose(view.said, place.key("said"))
                view.person = projection.reference(view.person)
                return view
            }
            meeting.outcome = meeting.outcome.map { outcome in
                let place = place.key("outcome")
                var outcome = outcome
                // A decision about a child this reader may not know of goes with the child.
                var decisions: [Meeting.Outcome.Decision] = []
                for (index, decision) in outcome.decisions.enumerated() where hiddenIDs[decision.child] == nil {
                    prose(decision.reasons, place.key("decisions").item(index, decisions.count).key("reasons"))
                    decisions.append(decision)
                }
                outcome.decisions = decisions
                outcome.dissent = outcome.dissent.map { dissent in
                    var dissent = dissent
                    dissent.person = reference(dissent.person)
                    return dissent
                }
                for (index, dissent) in outcome.dissent.enumerated() { prose(dissent.why, place.key("dissent").item(index, index).key("why")) }
                prose(outcome.chairSummary, place.key("chairSummary"))
                outcome.coreGroup = members(outcome.coreGroup)
                return outcome
            }
            return meeting
        }
        var result = VisibleCase(audience: audience, file: visible, pictures: source.pictures, ages: source.ages.filter { parties[$0.key] != nil },
                                 parties: parties, origins: origins, texts: texts, withheld: withheld)
        result.source = source
        return result
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

    /// The items of a list the reader may see, each projected by `project` at its place; the
    /// others recorded as withheld. `date` orders the kept items by date (timelines), keeping the
    /// file's order among equal dates; each item's place still names where the file wrote it.
    /// `sharedWith`, for a record a child made, is whom the child agreed to share it with: it
    /// is kept only where that allows this reader (read as `reader`, when given) too
    /// (`Audience.mayRead`).
    private mutating func keep<T>(_ items: [T], _ list: Place, _ visibility: (T) -> Visibility, summary: (T) -> String,
                                  orderedBy date: KeyPath<T, CaseDate>? = nil, sharedWith: KeyPath<T, [Sharing]>? = nil, as reader: Audience? = nil,
                                  _ project: (inout Projection, T, Place) -> T = { _, item, _ in item }) -> [T] {
        var kept: [Int] = []
        for (index, item) in items.enumerated() {
            let seen = visibility(item)
            let shared = sharedWith.map { (reader ?? audience).mayRead(sharedWith: item[keyPath: $0]) } ?? true
            if audience.sees(seen), shared {
                kept.append(index)
            } else {
                withheld.append(WithheldItem(field: list.written.appending(index), visibility: seen, summary: WithheldItem.summary(summary(item)),
                                             notShared: audience.sees(seen) && !shared))
            }
        }
        var order = kept
        if let date {
            order = kept.enumerated().sorted { lhs, rhs in
                let l = items[lhs.element][keyPath: date], r = items[rhs.element][keyPath: date]
                return l == r ? lhs.offset < rhs.offset : l < r
            }.map(\.element)
        }
        origins[list.visible] = order
        let visibleIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        // Projected in the file's order, so texts are recorded in the order they are written.
        var projected: [Int: T] = [:]
        for index in kept {
            projected[index] = project(&self, items[index], list.item(index, visibleIndex[index]!))
        }
        return order.map { projected[$0]! }
    }

    /// A text the reader will read as prose: lint checks these.
    private mutating func prose(_ text: String?, _ place: Place, forChild: Bool = false) {
        guard let text, !text.isEmpty else { return }
        texts.append(SourcedText(field: place.written, text: text, isProse: true, forChild: forChild || audience == .child))
    }

    /// A name, relationship or other short value the documents print.
    private mutating func label(_ text: String?, _ place: Place) {
        guard let text, !text.isEmpty else { return }
        texts.append(SourcedText(field: place.written, text: text, isProse: false, forChild: audience == .child))
    }

    /// What the child said (`says`, by `visibility` alone) and the records they made (Three
    /// Houses, Safety House: by `visibility` and by whom the child agreed to share them with).
    /// The child's words are quotes: lint reads them for length, never for hard words.
    private mutating func voice(of child: inout Child, _ place: Place) {
        child.says = keep(child.says, place.key("says"), \.visibility, summary: \.text) { projection, said, place in
            projection.quote(said.text, place.key("text"))
            projection.prose(said.how, place.key("how"))
            return said
        }
        // A child reads their own records; in one child's copy, a brother's or sister's only
        // where that child shared them with the family.
        let sibling = audience == .child && ownChild != nil && ownChild != child.id
        let reader: Audience = sibling ? .family : audience
        child.threeHouses = keep(child.threeHouses, place.key("threeHouses"), \.visibility, summary: { Self.summary(of: $0) }, sharedWith: \.shareWith, as: reader) { projection, record, place in
            var record = record
            record.by = projection.reference(record.by)
            for house in House.allCases {
                for (index, item) in record.items(in: house).enumerated() {
                    let itemPlace = place.key(house.rawValue).item(index, index)
                    projection.quote(item.text, itemPlace.key("text"))
                    projection.prose(item.pictureDescription, itemPlace.key("pictureDescription"), forChild: true)
                }
            }
            for (name, text) in [("worries", record.houseNames?.worries), ("goodThings", record.houseNames?.goodThings), ("dreams", record.houseNames?.dreams)] {
                projection.quote(text, place.key("houseNames").key(name))
            }
            return record
        }
        child.safetyHouse = keep(child.safetyHouse, place.key("safetyHouse"), \.visibility, summary: { "Safety House, \($0.date)" },
                                 sharedWith: \.shareWith, as: reader) { projection, record, place in
            var record = record
            record.by = projection.reference(record.by)
            // Someone the reader may not know of is left out of the drawing, as from any list
            // that names people.
            for (key, path) in [("inside", \SafetyHouse.inside), ("visitors", \SafetyHouse.visitors), ("outside", \SafetyHouse.outside)] {
                for (index, placed) in record[keyPath: path].enumerated() { projection.quote(placed.says, place.key(key).item(index, index).key("says")) }
                record[keyPath: path] = record[keyPath: path].filter { projection.hiddenIDs[$0.person] == nil }
            }
            for (index, rule) in record.rules.enumerated() { projection.quote(rule.text, place.key("rules").item(index, index).key("text")) }
            projection.quote(record.ifRuleBroken, place.key("ifRuleBroken"))
            projection.quote(record.path.closerWhen, place.key("path").key("closerWhen"))
            return record
        }
    }

    private static func summary(of record: ThreeHouses) -> String {
        "Three Houses, \(record.date): " + House.allCases.flatMap { record.items(in: $0).map(\.text) }.joined(separator: "; ")
    }

    /// The child's own words: read as prose for length, never flagged for hard words.
    private mutating func quote(_ text: String?, _ place: Place) {
        guard let text, !text.isEmpty else { return }
        texts.append(SourcedText(field: place.written, text: text, isProse: true, forChild: true, isQuote: true))
    }

    private mutating func visibleContacts(_ person: Person, _ place: Place) -> Person {
        var person = person
        label(person.name, place.key("name"))
        label(person.relationship, place.key("relationship"))
        label(person.childCalls, place.key("childCalls"))
        label(person.organisation, place.key("organisation"))
        for (name, contact) in [("phone", \Person.phone), ("email", \Person.email), ("address", \Person.address)] {
            guard let value = person[keyPath: contact] else { continue }
            if audience.sees(value.visibility) {
                label(value.value, place.key(name))
            } else {
                withheld.append(WithheldItem(field: place.written.appending(name), visibility: value.visibility, summary: WithheldItem.summary(value.value)))
                person[keyPath: contact] = nil
            }
        }
        return person
    }

    private mutating func project(_ statements: [Statement], _ list: Place) -> [Statement] {
        keep(statements, list, \.visibility, summary: \.text) { projection, statement, place in
            var statement = statement
            projection.prose(statement.text, place.key("text"))
            statement.about = projection.members(statement.about)
            statement.source = statement.source.map(projection.reference)
            statement.disputedBy = projection.references(statement.disputedBy)
            return statement
        }
    }

    private mutating func project(_ assessment: Assessment, _ place: Place) -> Assessment {
        var result = assessment
        result.harm = project(assessment.harm, place.key("harm"))
        result.complicatingFactors = project(assessment.complicatingFactors, place.key("complicatingFactors"))
        result.strengths = project(assessment.strengths, place.key("strengths"))
        result.existingSafety = project(assessment.existingSafety, place.key("existingSafety"))
        result.bottomLines = project(assessment.bottomLines, place.key("bottomLines"))
        result.grey = project(assessment.grey, place.key("grey"))
        result.dangerStatements = keep(assessment.dangerStatements, place.key("dangerStatements"), \.visibility, summary: \.worry) { projection, statement, place in
            var statement = statement
            projection.prose(statement.worry, place.key("worry"))
            projection.prose(statement.ifNothingChanges, place.key("ifNothingChanges"))
            projection.prose(statement.text, place.key("text"))
            projection.prose(statement.familyView, place.key("familyView"))
            statement.worriedPeople = projection.references(statement.worriedPeople)
            statement.children = statement.children.filter { projection.parties[$0] != nil }
            statement.disputedBy = projection.references(statement.disputedBy)
            return statement
        }
        let visibleDangers = Set(result.dangerStatements.map(\.id))
        result.safetyGoals = keep(assessment.safetyGoals, place.key("safetyGoals"), \.visibility, summary: \.text) { projection, goal, place in
            var goal = goal
            projection.prose(goal.text, place.key("text"))
            projection.prose(goal.howLong, place.key("howLong"))
            goal.dangerStatements = goal.dangerStatements.filter(visibleDangers.contains)
            return goal
        }
        result.nextSteps = keep(assessment.nextSteps, place.key("nextSteps"), \.visibility, summary: \.text) { projection, step, place in
            var step = step
            projection.prose(step.text, place.key("text"))
            step.who = projection.references(step.who)
            return step
        }
        result.scaling = keep(assessment.scaling, place.key("scaling"), \.visibility, summary: \.question) { projection, scale, place in
            var scale = scale
            projection.prose(scale.question, place.key("question"))
            projection.prose(scale.zero, place.key("zero"))
            projection.prose(scale.ten, place.key("ten"))
            if let about = scale.about, !visibleDangers.contains(about) { scale.about = nil }
            scale.scores = projection.keep(scale.scores, place.key("scores"), \.visibility, summary: { $0.said ?? "" }) { projection, score, place in
                var score = score
                projection.prose(score.said, place.key("said"))
                projection.prose(score.oneStepUp, place.key("oneStepUp"))
                score.person = projection.reference(score.person)
                return score
            }
            return scale
        }
        return result
    }

    private mutating func project(_ plan: SafetyPlan, _ place: Place) -> SafetyPlan {
        var result = plan
        result.rules = keep(plan.rules, place.key("rules"), \.visibility, summary: \.rule) { projection, rule, place in
            var rule = rule
            for (name, value) in [("area", rule.area), ("rule", rule.rule), ("why", rule.why), ("when", rule.when),
                                  ("howWeCheck", rule.howWeCheck), ("howChildKnows", rule.howChildKnows), ("ifBroken", rule.ifBroken)] {
                projection.prose(value, place.key(name))
            }
            rule.who = projection.references(rule.who)
            return rule
        }
        result.warningSigns = keep(plan.warningSigns, place.key("warningSigns"), \.visibility, summary: \.sign) { projection, sign, place in
            projection.prose(sign.sign, place.key("sign"))
            projection.prose(sign.whatToDo, place.key("whatToDo"))
            return sign
        }
        result.emergencyContacts = keep(plan.emergencyContacts, place.key("emergencyContacts"), \.visibility, summary: \.name) { projection, contact, place in
            projection.label(contact.name, place.key("name"))
            projection.label(contact.number, place.key("number"))
            projection.prose(contact.when, place.key("when"))
            return contact
        }
        result.reviews = keep(plan.reviews, place.key("reviews"), \.visibility, summary: \.what) { projection, review, place in
            projection.prose(review.what, place.key("what"))
            return review
        }
        result.signatures = members(plan.signatures)
        return result
    }

    private mutating func project(_ timeline: Timeline, _ place: Place) -> Timeline {
        var result = timeline
        result.events = keep(timeline.events, place.key("events"), \.visibility, summary: \.title, orderedBy: \.date) { projection, event, place in
            var event = event
            projection.prose(event.title, place.key("title"))
            projection.prose(event.detail, place.key("detail"))
            event.people = projection.members(event.people)
            return event
        }
        result.journey = keep(timeline.journey, place.key("journey"), \.visibility, summary: \.title, orderedBy: \.date) { projection, milestone, place in
            projection.prose(milestone.title, place.key("title"))
            projection.prose(milestone.detail, place.key("detail"))
            return milestone
        }
        return result
    }
}

extension Projection.Place {
    /// An item of this list: at `written` in the file, at `visible` in the reader's case.
    func item(_ written: Int, _ visible: Int) -> Projection.Place {
        Projection.Place(written: self.written.appending(written), visible: self.visible.appending(visible))
    }
}
