import KinpressAudience
import KinpressCase

/// One piece of case text a reader will see, and where it is in the file.
struct CaseText {
    var path: FieldPath
    var text: String
    /// Words and Pictures is written for the child whatever the document's reader.
    var forChild: Bool
}

/// Every text field of the case that this reader may see, with its path as the file writes it.
struct CaseTexts {
    let audience: Audience
    private(set) var texts: [CaseText] = []

    init(_ file: CaseFile, audience: Audience) {
        self.audience = audience
        collect(file)
    }

    private mutating func add(_ text: String?, _ path: FieldPath, forChild: Bool = false) {
        guard let text, !text.isEmpty else { return }
        texts.append(CaseText(path: path, text: text, forChild: forChild || audience == .child))
    }

    /// Items in a list this reader may see, with their index in the file.
    private func visible<T>(_ items: [T], _ visibility: (T) -> Visibility) -> [(Int, T)] {
        items.enumerated().filter { audience.sees(visibility($0.element)) }.map { ($0.offset, $0.element) }
    }

    private mutating func collect(_ file: CaseFile) {
        let root = FieldPath.root
        if let assessment = file.assessment {
            let base = root.appending("assessment")
            let lists: [(String, [Statement])] = [("harm", assessment.harm), ("complicatingFactors", assessment.complicatingFactors),
                                                   ("strengths", assessment.strengths), ("existingSafety", assessment.existingSafety),
                                                   ("bottomLines", assessment.bottomLines), ("grey", assessment.grey)]
            for (name, statements) in lists {
                for (index, statement) in visible(statements, \.visibility) {
                    let path = base.appending(name).appending(index)
                    add(statement.text, path.appending("text"))
                }
            }
            for (index, danger) in visible(assessment.dangerStatements, \.visibility) {
                let path = base.appending("dangerStatements").appending(index)
                add(danger.worry, path.appending("worry"))
                add(danger.ifNothingChanges, path.appending("ifNothingChanges"))
                add(danger.text, path.appending("text"))
                add(danger.familyView, path.appending("familyView"))
            }
            for (index, goal) in visible(assessment.safetyGoals, \.visibility) {
                add(goal.text, base.appending("safetyGoals").appending(index).appending("text"))
                add(goal.howLong, base.appending("safetyGoals").appending(index).appending("howLong"))
            }
            for (index, step) in visible(assessment.nextSteps, \.visibility) {
                add(step.text, base.appending("nextSteps").appending(index).appending("text"))
            }
            for (index, scale) in visible(assessment.scaling, \.visibility) {
                let path = base.appending("scaling").appending(index)
                add(scale.question, path.appending("question"))
                add(scale.zero, path.appending("zero"))
                add(scale.ten, path.appending("ten"))
                for (scoreIndex, score) in visible(scale.scores, \.visibility) {
                    add(score.said, path.appending("scores").appending(scoreIndex).appending("said"))
                    add(score.oneStepUp, path.appending("scores").appending(scoreIndex).appending("oneStepUp"))
                }
            }
        }
        if let plan = file.safetyPlan {
            let base = root.appending("safetyPlan")
            for (index, rule) in visible(plan.rules, \.visibility) {
                let path = base.appending("rules").appending(index)
                for (name, value) in [("area", rule.area), ("rule", rule.rule), ("why", rule.why), ("when", rule.when),
                                      ("howWeCheck", rule.howWeCheck), ("howChildKnows", rule.howChildKnows), ("ifBroken", rule.ifBroken)] {
                    add(value, path.appending(name))
                }
            }
            for (index, sign) in visible(plan.warningSigns, \.visibility) {
                add(sign.sign, base.appending("warningSigns").appending(index).appending("sign"))
                add(sign.whatToDo, base.appending("warningSigns").appending(index).appending("whatToDo"))
            }
            for (index, contact) in visible(plan.emergencyContacts, \.visibility) {
                add(contact.when, base.appending("emergencyContacts").appending(index).appending("when"))
            }
            for (index, review) in visible(plan.reviews, \.visibility) {
                add(review.what, base.appending("reviews").appending(index).appending("what"))
            }
        }
        if let timeline = file.timeline {
            for (index, event) in visible(timeline.events, \.visibility) {
                add(event.title, root.appending("timeline").appending("events").appending(index).appending("title"))
                add(event.detail, root.appending("timeline").appending("events").appending(index).appending("detail"))
            }
            for (index, milestone) in visible(timeline.journey, \.visibility) {
                add(milestone.title, root.appending("timeline").appending("journey").appending(index).appending("title"))
                add(milestone.detail, root.appending("timeline").appending("journey").appending(index).appending("detail"))
            }
        }
        for (index, story) in visible(file.wordsAndPictures, \.visibility) {
            let path = root.appending("wordsAndPictures").appending(index)
            add(story.title, path.appending("title"), forChild: true)
            for (pageIndex, page) in visible(story.pages, \.visibility) {
                let pagePath = path.appending("pages").appending(pageIndex)
                add(page.heading, pagePath.appending("heading"), forChild: true)
                add(page.text, pagePath.appending("text"), forChild: true)
                add(page.pictureDescription, pagePath.appending("pictureDescription"), forChild: true)
            }
        }
        if let meeting = file.meeting {
            for (index, item) in meeting.agenda.enumerated() {
                add(item, root.appending("meeting").appending("agenda").appending(index))
            }
        }
    }
}
