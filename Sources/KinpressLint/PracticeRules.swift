import KinpressAudience
import KinpressCase

/// Checks from Signs of Safety guidance: danger statements say who is worried about what
/// happening to which child; goals say what people will do; scales have scores; rules have a
/// grown-up responsible; the network is big enough; nothing planned is already in the past;
/// pictures are described.
/// It reads the reader's case (`VisibleCase`): what the reader does not see is not checked, and
/// each finding is placed at the field the file wrote (`VisibleCase.origin(of:)`).
struct PracticeRules {
    let visible: VisibleCase
    let targets: LintTargets

    typealias Add = (Finding.Severity, FieldPath, String, String?, Int?, String?) -> Void

    func check(add written: Add) {
        let file = visible.file
        func add(_ severity: Finding.Severity, _ path: FieldPath, _ message: String, _ term: String?, _ offset: Int?, _ suggestion: String?) {
            written(severity, visible.origin(of: path), message, term, offset, suggestion)
        }
        let root = FieldPath.root
        let today = file.case.date
        let childNames = file.children.map(\.name)
        // The checks that read the words themselves know English only.
        let english = file.case.language.lowercased().hasPrefix("en")
        if let assessment = file.assessment, english {
            let base = root.appending("assessment")
            for (index, danger) in assessment.dangerStatements.enumerated() {
                let path = base.appending("dangerStatements").appending(index)
                let words = [danger.worry, danger.ifNothingChanges ?? "", danger.text ?? ""].joined(separator: " ").lowercased()
                if !["could", "might", "may", "will", "would"].contains(where: { Readability.words(in: words).contains($0) }) {
                    add(.warning, path, "this danger statement does not say what people fear could happen. Add what could happen to the child if nothing changes (\"… could be hurt\")", nil, nil, nil)
                }
                if let text = danger.text, !childNames.contains(where: { text.contains($0) }) {
                    add(.advice, path.appending("text"), "the statement does not name the child it is about. Name them, so the family knows who the worry is for", nil, nil, nil)
                }
            }
            for (index, goal) in assessment.safetyGoals.enumerated() {
                let path = base.appending("safetyGoals").appending(index)
                if goal.dangerStatements.isEmpty {
                    add(.warning, path, "this safety goal is not paired with a danger statement. List the danger statement it answers in dangerStatements", nil, nil, nil)
                }
                let words = Set(Readability.words(in: goal.text.lowercased()))
                let positive = !words.isDisjoint(with: ["will", "always", "every", "each", "makes", "make", "keeps", "keep", "takes", "take", "gets", "get", "has", "have", "is", "are", "goes", "go", "looks", "look", "talks", "talk", "tells", "tell", "sleeps", "eats", "walks", "checks", "calls", "rings"])
                let negative = !words.isDisjoint(with: ["not", "no", "never", "stop", "stops", "without"])
                if negative && !positive {
                    add(.warning, path.appending("text"), "this goal only says what will stop. Say what people will do instead, in everyday actions (\"Dad will …\")", nil, nil, nil)
                }
            }
        }
        if let assessment = file.assessment {
            let base = root.appending("assessment")
            for (index, scale) in assessment.scaling.enumerated() where scale.scores.isEmpty {
                add(.warning, base.appending("scaling").appending(index), "this scale has no scores. Ask each person for their number, or leave the scale out", nil, nil, nil)
            }
        }
        if let plan = file.safetyPlan {
            let base = root.appending("safetyPlan")
            let childIDs = Set(file.children.map(\.id))
            for (index, rule) in plan.rules.enumerated() {
                if rule.who.allSatisfy(childIDs.contains) {
                    add(.warning, base.appending("rules").appending(index).appending("who"), "only a child is responsible for this rule. Name a grown-up who makes sure it happens", nil, nil, nil)
                }
            }
            for (index, review) in plan.reviews.enumerated() where review.date < today {
                add(.advice, base.appending("reviews").appending(index).appending("date"), "this review was due on \(review.date), before the case date. Remove it or give the next date", nil, nil, nil)
            }
            let network = file.people.filter { $0.inSafetyNetwork && ![.parent, .professional].contains($0.kind) }
            if network.count < targets.safetyNetworkPeople {
                add(.advice, root.appending("people"), "the safety network has \(network.count) \(network.count == 1 ? "person" : "people") who are not parents or workers; aim for at least \(targets.safetyNetworkPeople). Ask the family who else could help", nil, nil, nil)
            }
        }
        for (index, milestone) in (file.timeline?.journey ?? []).enumerated() where milestone.status == .planned && milestone.date.latest < today {
            add(.warning, root.appending("timeline").appending("journey").appending(index).appending("status"), "\"\(milestone.title)\" is still planned but its date has passed. Mark it done or missed, or move it", nil, nil, nil)
        }
        for (storyIndex, story) in file.wordsAndPictures.enumerated() {
            for (pageIndex, page) in story.pages.enumerated() where page.picture != nil && Readability.words(in: page.pictureDescription ?? "").count < 3 {
                add(.warning, root.appending("wordsAndPictures").appending(storyIndex).appending("pages").appending(pageIndex).appending("pictureDescription"),
                    "say in a few words what the picture shows, for a child who cannot see it", nil, nil, nil)
            }
        }
    }
}
