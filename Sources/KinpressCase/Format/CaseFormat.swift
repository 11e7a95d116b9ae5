/// Case file format 1, as `spec/case-format.md` defines it, written once as data.
enum CaseFormat {
    static let version = 1
    static let maximumTextLength = 10_000
    static let idPattern = "^[a-z0-9][a-z0-9-]*$"

    /// Kinpress's own pictures, named in the contract; names are never removed or renamed.
    static let pictograms = [
        "child", "baby", "teenager", "mum", "dad", "grandparent", "family", "social-worker", "teacher",
        "police-officer", "nurse", "doctor",
        "home", "school", "family-centre", "hospital", "court", "meeting-room", "nursery", "park",
        "happy", "sad", "worried", "scared", "angry", "safe", "calm", "confused",
        "talking", "listening", "phoning", "sleeping", "eating", "playing", "hugging", "walking-to-school",
        "visiting", "writing",
        "calendar", "plan", "phone", "car", "bag", "door", "key", "bed",
    ]

    static let visibilityValues = ["all", "adults", "professionals"]

    /// Every object that sits in a list may say who may see it.
    private static let visibility = Field.optional(
        "visibility", .choice(visibilityValues),
        "who may see this: all (default), adults (not in child documents) or professionals only",
        default: .constant(.string("all")))

    private static func listItem(_ name: String, _ noun: String, _ fields: [Field], rules: [ObjectRule] = [], idSpace: IDSpace = .other) -> ObjectShape {
        ObjectShape(name: name, noun: noun, fields: fields + [visibility], rules: rules, idSpace: idSpace)
    }

    private static func list(_ item: ObjectShape, minimumCount: Int = 0) -> Shape {
        .list(.object(item), minimumCount: minimumCount)
    }

    private static let people = Shape.list(.reference(.personOrChild), minimumCount: 0)
    private static let emptyList = DefaultValue.constant(.array([]))

    // MARK: case

    static let caseInfo = ObjectShape(name: "case", noun: "case", fields: [
        .required("reference", .text, "the local authority's case number"),
        .required("localAuthority", .text, "shown on documents; also picks a theme of the same name"),
        .required("date", .date(partial: false), "the date the documents speak from: ages and \"next\" events count from it"),
        .optional("service", .choice(["early-help", "child-in-need", "child-protection", "child-in-care"]),
                  "picks the wording of headings", default: .constant(.string("child-protection"))),
        .optional("language", .language, "the family's language (BCP 47) for family and child documents", default: .constant(.string("en"))),
        .optional("alsoInEnglish", .boolean, "bilingual family documents: each section in language, then English", default: .constant(.bool(false))),
        .optional("protectiveMarking", .text, "printed on every page of professional documents and packs", default: .constant(.string("OFFICIAL-SENSITIVE"))),
        .required("worker", .reference(.person), "the allocated social worker (an id in people)"),
        .optional("manager", .reference(.person), "their manager (an id in people)"),
    ])

    // MARK: children and people

    static let child = listItem("child", "child", [
        .required("id", .identifier, "unique id"),
        .required("name", .text, "the name the child is called by"),
        .optional("fullName", .text, "for professional documents"),
        .optional("dateOfBirth", .date(partial: false), "date of birth"),
        .optional("expectedDate", .date(partial: false), "expected date of birth of an unborn baby"),
        .optional("pronouns", .choice(["he", "she", "they"]), "for generated sentences", default: .constant(.string("they"))),
        .optional("picture", .picture, "a picture of the child"),
        .optional("livesWith", people, "ids of the people the child lives with", default: emptyList),
        .optional("says", list(said), "the child's own words, quoted exactly", default: emptyList),
        .optional("threeHouses", list(threeHouses), "Three Houses records", default: emptyList),
        .optional("safetyHouse", list(safetyHouse), "Safety House records", default: emptyList),
    ], rules: [.atLeastOne(["dateOfBirth", "expectedDate"])], idSpace: .child)

    // MARK: the child's voice

    static let said = listItem("said", "thing the child said", [
        .required("text", .translatable, "the child's own words, quoted exactly"),
        .optional("date", .date(partial: false), "when they said it"),
        .optional("how", .translatable, "how and where the child was seen: \"on their own at school\""),
    ])

    /// Who besides the child may see a record the child made (consent): none, by default.
    private static let shareWith = Field.optional(
        "shareWith", .list(.choice(["family", "network", "conference"]), minimumCount: 0),
        "who else may see it: family (family documents), network (the network's pack), conference (professional documents and packs); none: the child's own documents only",
        default: emptyList)

    static let houseItem = ObjectShape(name: "houseItem", noun: "Three Houses item", fields: [
        .required("text", .translatable, "the child's exact words"),
        .optional("writtenBy", .choice(["child", "worker"]), "who wrote it down"),
        .optional("picture", .picture, "the child's drawing"),
        .optional("pictureDescription", .translatable, "what the drawing shows, for people who cannot see it"),
    ])

    private static let houseItems = Shape.list(.textOrObject(houseItem, field: "text"), minimumCount: 0)

    static let houseNames = ObjectShape(name: "houseNames", noun: "house names", fields: [
        .optional("worries", .translatable, "the child's name for the House of Worries"),
        .optional("goodThings", .translatable, "the child's name for the House of Good Things"),
        .optional("dreams", .translatable, "the child's name for the House of Dreams"),
    ])

    static let threeHouses = listItem("threeHouses", "Three Houses record", [
        .required("id", .identifier, "unique id"),
        .required("date", .date(partial: false), "when the child made it"),
        .required("by", .reference(.person), "the worker who made it with the child"),
        .required("worries", houseItems, "the House of Worries"),
        .required("goodThings", houseItems, "the House of Good Things"),
        .required("dreams", houseItems, "the House of Dreams"),
        .optional("houseNames", .object(houseNames), "the child's own names for the houses"),
        .optional("startedWith", .choice(["worries", "goodThings", "dreams"]), "the house the child chose to start with"),
        .optional("readBack", .boolean, "read back to the child at the end"),
        shareWith,
    ])

    static let placed = ObjectShape(name: "placed", noun: "person in the Safety House", fields: [
        .required("person", .reference(.personOrChild), "who (an id in people or children)"),
        .optional("says", .translatable, "what the child says about them"),
    ])

    static let houseRule = ObjectShape(name: "houseRule", noun: "Safety House rule", fields: [
        .required("text", .translatable, "the rule in the child's words"),
        .optional("rule", .reference(.rule), "the safety plan rule it matches (an id in safetyPlan.rules)"),
    ])

    static let safetyPath = ObjectShape(name: "path", noun: "safety path", fields: [
        .required("now", .score, "where the child put themselves: 0 far from the house, 10 at the door, safe"),
        .optional("closerWhen", .translatable, "what would bring them closer"),
    ])

    static let safetyHouse = listItem("safetyHouse", "Safety House record", [
        .required("id", .identifier, "unique id"),
        .required("date", .date(partial: false), "when the child made it"),
        .required("by", .reference(.person), "the worker who made it with the child"),
        .required("inside", .list(.object(placed), minimumCount: 0), "who lives in the child's Safety House"),
        .required("visitors", .list(.object(placed), minimumCount: 0), "who may come to visit"),
        .required("outside", .list(.object(placed), minimumCount: 0), "people the child does not feel safe with"),
        .required("rules", .list(.textOrObject(houseRule, field: "text"), minimumCount: 0), "the house rules in the child's words"),
        .optional("ifRuleBroken", .translatable, "what happens if someone breaks a rule"),
        .required("path", .object(safetyPath), "where the child put themselves on the path to the house"),
        shareWith,
    ])

    static let contact = ObjectShape(name: "contact", noun: "contact detail", fields: [
        .required("value", .text, "the phone number, email address or address"),
        visibility,
    ])

    static let person = listItem("person", "person", [
        .required("id", .identifier, "unique id"),
        .required("name", .text, "their name"),
        .required("relationship", .text, "in plain words, to the child: \"Riley's mum\", \"Nan\", \"School nurse\""),
        .required("kind", .choice(["parent", "carer", "family", "friend", "community", "professional"]), "what kind of person they are"),
        .optional("organisation", .text, "where a professional works (required for professionals)"),
        .optional("childCalls", .text, "what the child calls them, used in child documents"),
        .optional("informedOfWorries", .boolean, "has been told the worries (left out: not recorded)"),
        .optional("circle", .integer(1...3), "network map circle: 1 closest; default parent/carer 1, family 2, others 3",
                  default: .derived(from: "kind", values: ["parent": .integer(1), "carer": .integer(1), "family": .integer(2)], otherwise: .integer(3))),
        .optional("inSafetyNetwork", .boolean, "part of the safety network that owns the plan", default: .constant(.bool(false))),
        .optional("phone", .textOrObject(contact, field: "value"), "phone number"),
        .optional("email", .textOrObject(contact, field: "value"), "email address"),
        .optional("address", .textOrObject(contact, field: "value"), "postal address"),
        .optional("picture", .picture, "a picture of them"),
    ], rules: [.requiredWhen(field: "kind", equals: "professional", then: "organisation")], idSpace: .person)

    // MARK: assessment

    static let statement = listItem("statement", "statement", [
        .optional("id", .identifier, "unique id"),
        .required("text", .translatable, "the statement"),
        .optional("date", .date(partial: false), "when it happened or was said"),
        .optional("about", people, "who it is about", default: emptyList),
        .optional("source", .reference(.personOrChild), "who said it"),
        .optional("disputedBy", people, "who does not agree with it", default: emptyList),
    ])

    private static let statements = Shape.list(.textOrObject(statement, field: "text"), minimumCount: 0)

    static let dangerStatement = listItem("dangerStatement", "danger statement", [
        .required("id", .identifier, "unique id"),
        .required("worriedPeople", .list(.reference(.personOrChild), minimumCount: 1), "who is worried"),
        .required("worry", .translatable, "what they are worried could happen"),
        .required("children", .list(.reference(.child), minimumCount: 1), "which children"),
        .optional("ifNothingChanges", .translatable, "what could happen to the children if nothing changes"),
        .optional("text", .translatable, "the full statement as written with the family"),
        .optional("disputedBy", people, "who does not agree with it", default: emptyList),
        .optional("familyView", .translatable, "how the family sees it"),
    ], idSpace: .dangerStatement)

    static let safetyGoal = listItem("safetyGoal", "safety goal", [
        .required("id", .identifier, "unique id"),
        .required("text", .translatable, "what the family and network will be doing, in everyday behaviour"),
        .optional("dangerStatements", .list(.reference(.dangerStatement), minimumCount: 0), "the danger statements it answers", default: emptyList),
        .optional("howLong", .translatable, "for how long it must be seen"),
    ])

    static let nextStep = listItem("nextStep", "next step", [
        .required("text", .translatable, "what will be done"),
        .required("who", .list(.reference(.personOrChild), minimumCount: 1), "who will do it"),
        .optional("by", .date(partial: false), "by when"),
        .optional("done", .boolean, "already done", default: .constant(.bool(false))),
    ])

    static let score = listItem("score", "score", [
        .required("person", .reference(.personOrChild), "who gave the score"),
        .required("score", .score, "0 to 10, halves allowed"),
        .optional("said", .translatable, "why they chose it"),
        .optional("oneStepUp", .translatable, "what would move it one point up"),
        .optional("date", .date(partial: false), "when it was given"),
    ])

    static let scale = listItem("scale", "scale", [
        .required("id", .identifier, "unique id"),
        .required("question", .translatable, "the scaling question"),
        .required("zero", .translatable, "what 0 means"),
        .required("ten", .translatable, "what 10 means"),
        .optional("about", .reference(.dangerStatement), "the danger statement it scales"),
        .optional("scores", list(score), "each person's score", default: emptyList),
    ])

    static let assessment = ObjectShape(name: "assessment", noun: "assessment", fields: [
        .optional("date", .date(partial: false), "when mapped"),
        .optional("harm", statements, "what has happened to the child that worries people", default: emptyList),
        .optional("complicatingFactors", statements, "what makes things harder", default: emptyList),
        .optional("strengths", statements, "what is working well", default: emptyList),
        .optional("existingSafety", statements, "strengths that have kept the child safe, shown over time", default: emptyList),
        .optional("dangerStatements", list(dangerStatement), "what people are worried could happen in future", default: emptyList),
        .optional("safetyGoals", list(safetyGoal), "what needs to be happening for the case to close", default: emptyList),
        .optional("bottomLines", statements, "what must happen, set by the agency", default: emptyList),
        .optional("nextSteps", list(nextStep), "the next steps", default: emptyList),
        .optional("scaling", list(scale), "0 to 10 scales", default: emptyList),
        .optional("grey", statements, "questions and gaps: things not yet known", default: emptyList),
    ])

    // MARK: safety plan

    static let rule = listItem("rule", "safety plan rule", [
        .required("id", .identifier, "unique id"),
        .optional("area", .translatable, "groups rules: \"Mornings\", \"Contact with Dad\""),
        .required("rule", .translatable, "the rule"),
        .optional("why", .translatable, "why it matters"),
        .required("who", .list(.reference(.personOrChild), minimumCount: 1), "who makes sure it happens"),
        .optional("when", .translatable, "when it applies"),
        .optional("howWeCheck", .translatable, "how everyone knows it is working"),
        .optional("howChildKnows", .translatable, "how the child knows about it"),
        .optional("ifBroken", .translatable, "what happens if it is broken"),
    ], idSpace: .rule)

    static let warningSign = listItem("warningSign", "warning sign", [
        .required("sign", .translatable, "what the network watches for"),
        .required("whatToDo", .translatable, "what they do"),
    ])

    static let emergencyContact = listItem("emergencyContact", "emergency contact", [
        .required("name", .text, "who to call"),
        .required("number", .text, "their number"),
        .required("when", .translatable, "when to call them"),
    ])

    static let review = listItem("review", "review", [
        .required("date", .date(partial: false), "when"),
        .required("what", .translatable, "what will be reviewed"),
    ])

    static let safetyPlan = ObjectShape(name: "safetyPlan", noun: "safety plan", fields: [
        .optional("title", .translatable, "the plan's title", default: .constant(.string(SafetyPlan.defaultTitle))),
        .optional("agreedOn", .date(partial: false), "when it was agreed"),
        .optional("rules", list(rule), "rules for everyday life", default: emptyList),
        .optional("warningSigns", list(warningSign), "what the network watches for, and what they do", default: emptyList),
        .optional("emergencyContacts", list(emergencyContact), "who to call in an emergency", default: emptyList),
        .optional("reviews", list(review), "when the plan is reviewed", default: emptyList),
        .optional("signatures", .list(.reference(.personOrChild), minimumCount: 0), "people asked to sign the plan", default: emptyList),
    ])

    // MARK: timeline

    static let event = listItem("event", "timeline event", [
        .optional("id", .identifier, "unique id"),
        .required("date", .date(partial: true), "YYYY-MM-DD, or YYYY-MM or YYYY when uncertain"),
        .optional("approximate", .boolean, "the date is not certain", default: .constant(.bool(false))),
        .required("title", .translatable, "what happened, in a few words"),
        .optional("detail", .translatable, "more about it"),
        .required("kind", .choice(["harm", "worry", "strength", "safety", "service", "move", "meeting", "other"]), "what sort of event"),
        .optional("people", people, "who was involved", default: emptyList),
    ])

    static let milestone = listItem("milestone", "safety journey milestone", [
        .optional("id", .identifier, "unique id"),
        .required("date", .date(partial: true), "YYYY-MM-DD, or YYYY-MM or YYYY when uncertain"),
        .required("title", .translatable, "the step, in a few words"),
        .optional("detail", .translatable, "more about it"),
        .required("status", .choice(["planned", "done", "missed"]), "where it stands"),
    ])

    static let timeline = ObjectShape(name: "timeline", noun: "timeline", fields: [
        .optional("events", list(event), "the past", default: emptyList),
        .optional("journey", list(milestone), "the future safety journey", default: emptyList),
    ])

    // MARK: words and pictures

    static let page = listItem("page", "words and pictures page", [
        .optional("heading", .translatable, "the page heading"),
        .required("text", .translatable, "the words, written for the child"),
        .optional("picture", .picture, "a picture"),
        .optional("pictureDescription", .translatable, "what the picture shows, for people who cannot see it (required with a picture)"),
    ], rules: [.presentWith(field: "picture", then: "pictureDescription")])

    static let story = listItem("story", "words and pictures story", [
        .required("id", .identifier, "unique id"),
        .required("child", .reference(.child), "the child the story is for"),
        .optional("title", .translatable, "the title"),
        .optional("told", .date(partial: false), "when the child was told"),
        .required("pages", list(page, minimumCount: 1), "the pages, in order"),
    ])

    // MARK: meeting

    static let report = listItem("report", "expected report", [
        .required("person", .reference(.personOrChild), "who writes it"),
        .required("title", .translatable, "what it is"),
        .optional("received", .date(partial: false), "when the chair received it"),
        .optional("sharedWithFamily", .date(partial: false), "when the family was given it"),
    ])

    static let meetingKinds = ["initial-conference", "review-conference", "pre-birth-conference", "core-group", "network-meeting", "family-meeting"]

    static let invitee = ObjectShape(name: "invitee", noun: "person invited", fields: [
        .required("person", .reference(.personOrChild), "who is invited"),
        .optional("attendance", .choice(["invited", "attended", "apologies", "report-only", "did-not-attend", "left-for-part"]), "what happened",
                  default: .constant(.string("invited"))),
        .optional("interpreter", .language, "the language of an interpreter booked for them (BCP 47)"),
        .optional("supporter", .text, "who comes with them: a supporter or an advocate"),
    ])

    static let view = listItem("view", "view given at the meeting", [
        .required("person", .reference(.personOrChild), "who said it"),
        .required("said", .translatable, "what they said"),
    ])

    static let decision = ObjectShape(name: "decision", noun: "decision", fields: [
        .required("child", .reference(.child), "the child it is about"),
        .required("plan", .choice(["child-protection", "child-in-need", "no-plan", "continue", "end"]), "the plan decided"),
        .optional("category", .choice(["neglect", "physical-abuse", "emotional-abuse", "sexual-abuse"]), "the category of a child protection plan"),
        .required("reasons", .translatable, "why, in plain words"),
    ])

    static let dissent = ObjectShape(name: "dissent", noun: "disagreement", fields: [
        .required("person", .reference(.personOrChild), "who disagreed"),
        .required("why", .translatable, "why they disagreed"),
    ])

    static let nextMeeting = ObjectShape(name: "nextMeeting", noun: "next meeting", fields: [
        .required("kind", .choice(meetingKinds), "what kind of meeting"),
        .required("date", .date(partial: false), "the day"),
        .optional("time", .text, "the time"),
        .optional("place", .text, "where"),
    ])

    static let outcome = ObjectShape(name: "outcome", noun: "outcome", fields: [
        .required("decidedOn", .date(partial: false), "the day the meeting decided"),
        .required("decisions", list(decision, minimumCount: 1), "a decision for each child"),
        .optional("dissent", list(dissent), "who disagreed with the decision, and why", default: emptyList),
        .optional("chairSummary", .translatable, "the chair's summary"),
        .optional("next", list(nextMeeting), "the next meetings", default: emptyList),
        .optional("coreGroup", people, "the core group", default: emptyList),
    ])

    static let meeting = ObjectShape(name: "meeting", noun: "meeting", fields: [
        .required("kind", .choice(meetingKinds), "what kind of meeting"),
        .required("date", .date(partial: false), "the day"),
        .optional("time", .text, "the time, such as \"10:00\""),
        .optional("place", .text, "where"),
        .required("chair", .reference(.person), "who chairs it (an id in people)"),
        .required("invited", .list(.textOrObject(invitee, field: "person"), minimumCount: 0), "who is invited: an id, or {person, attendance, interpreter, supporter}"),
        .optional("agenda", .list(.translatable, minimumCount: 0), "the agenda items", default: emptyList),
        .optional("reportsFrom", list(report), "reports expected", default: emptyList),
        .optional("strategyDiscussion", .date(partial: false), "the strategy discussion, for an initial conference's timescale"),
        .optional("previousMeeting", .date(partial: false), "the last conference, for a review's timescale"),
        .optional("views", list(view), "what parents and network said at the meeting", default: emptyList),
        .optional("outcome", .object(outcome), "what the meeting decided"),
    ])

    // MARK: the file

    static let file = ObjectShape(name: "caseFile", noun: "case file", fields: [
        .required("format", .integer(1...1), "the format version: 1"),
        .required("case", .object(caseInfo), "about the case"),
        .required("children", list(child, minimumCount: 1), "the children, at least one"),
        .optional("people", list(person), "everyone else in the story", default: emptyList),
        .optional("assessment", .object(assessment), "the mapping"),
        .optional("safetyPlan", .object(safetyPlan), "the safety plan"),
        .optional("timeline", .object(timeline), "past events and the future safety journey"),
        .optional("wordsAndPictures", list(story), "one story per child", default: emptyList),
        .optional("meeting", .object(meeting), "the meeting a pack is for"),
        .optional("extensions", .anything, "ignored by Kinpress"),
    ])
}
