// Compiled into each test target that needs it (linked from Tests/KinpressCaseTests and
// Tests/KinpressRenderTests), so that it can build model values directly.
@testable import KinpressCase

/// Makes random valid cases: every id unique, every reference resolving, texts that are hard to
/// quote (YAML words, markup, right-to-left text, emoji, line breaks).
public struct CaseGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// SplitMix64: small, fast and the same on every machine.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private mutating func bool() -> Bool { next() % 2 == 0 }

    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    private mutating func maybe<T>(_ make: (inout CaseGenerator) -> T) -> T? {
        bool() ? make(&self) : nil
    }

    private mutating func some<T>(_ range: ClosedRange<Int>, _ make: (inout CaseGenerator, Int) -> T) -> [T] {
        (0..<int(range)).map { make(&self, $0) }
    }

    private static let words = [
        "Riley", "walks", "to school", "yes", "no", "null", "~", "true", "123", "0.5", "2026-03-02", "10:30", "# not a comment",
        "key: value", "- dash", "{{name}}", "<script>alert(1)</script>", "\"quoted\"", "it's", "Zofia", "Łódź", "مرحبا", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ",
        "😀", "\u{202E}reversed", "tab\there", "line\nbreak", "&amp;", "  leading", "trailing  ", "@at", "*star", "&anchor", "!tag", "%percent",
    ]

    private mutating func text() -> String {
        some(1...6) { generator, _ in generator.pick(Self.words) }.joined(separator: " ")
    }

    private mutating func date(partial: Bool = false) -> CaseDate {
        let year = int(2000...2030), month = int(1...12)
        let full = CaseDate(year: year, month: month, day: int(1...CaseDate.daysIn(month: month, year: year)))
        guard partial else { return full }
        return pick([full, CaseDate(year: year, month: month), CaseDate(year: year)])
    }

    private mutating func visibility() -> Visibility { pick(Visibility.allCases) }

    /// Who else may see a record the child made: any of the three, or none.
    private mutating func sharing() -> [Sharing] {
        [Sharing.family, .network, .conference].filter { _ in bool() }
    }

    private static func threeHouses(id: String, by workers: [String], _ generator: inout CaseGenerator) -> ThreeHouses {
        let items = { (generator: inout CaseGenerator) in
            generator.some(0...3) { generator, _ in
                HouseItem(text: generator.text(), writtenBy: generator.maybe { $0.pick([.child, .worker]) }, picture: nil, pictureDescription: nil)
            }
        }
        return ThreeHouses(id: id, date: generator.date(), by: workers[0], worries: items(&generator), goodThings: items(&generator), dreams: items(&generator),
                           houseNames: generator.maybe { HouseNames(worries: $0.maybe { $0.text() }, goodThings: nil, dreams: $0.maybe { $0.text() }) },
                           startedWith: generator.maybe { $0.pick(House.allCases) }, readBack: generator.maybe { $0.bool() },
                           shareWith: generator.sharing(), visibility: generator.visibility())
    }

    private static func safetyHouse(id: String, people: [String], _ generator: inout CaseGenerator) -> SafetyHouse {
        let placed = { (generator: inout CaseGenerator) in
            generator.some(0...3) { generator, _ in SafetyHouse.Placed(person: generator.pick(people), says: generator.maybe { $0.text() }) }
        }
        return SafetyHouse(id: id, date: generator.date(), by: "worker", inside: placed(&generator), visitors: placed(&generator), outside: placed(&generator),
                           rules: generator.some(0...3) { generator, _ in SafetyHouse.Rule(text: generator.text(), rule: nil) },
                           ifRuleBroken: generator.maybe { $0.text() }, path: SafetyHouse.Path(now: Double(generator.int(0...20)) / 2, closerWhen: generator.maybe { $0.text() }),
                           shareWith: generator.sharing(), visibility: generator.visibility())
    }

    public mutating func caseFile() -> CaseFile {
        let childIDs = (0..<int(1...3)).map { "child-\($0)" }
        let personIDs = ["worker"] + (0..<int(0...6)).map { "person-\($0)" }
        let anyone = childIDs + personIDs
        let kinds: [Person.Kind] = [.parent, .carer, .family, .friend, .community, .professional]
        let children = childIDs.map { id in
            let unborn = bool()
            return Child(id: id, name: text(), fullName: maybe { $0.text() }, dateOfBirth: unborn ? nil : date(), expectedDate: unborn ? date() : maybe { $0.date() },
                         pronouns: pick([.he, .she, .they]), picture: maybe { .pictogram($0.pick(CaseFormat.pictograms)) },
                         livesWith: some(0...2) { generator, _ in generator.pick(personIDs) },
                         says: some(0...2) { generator, _ in
                             Said(text: generator.text(), date: generator.maybe { $0.date() }, how: generator.maybe { $0.text() }, visibility: generator.visibility())
                         },
                         threeHouses: some(0...1) { generator, index in Self.threeHouses(id: "\(id)-houses-\(index)", by: personIDs, &generator) },
                         safetyHouse: some(0...1) { generator, index in Self.safetyHouse(id: "\(id)-safety-house-\(index)", people: anyone, &generator) },
                         visibility: visibility())
        }
        let people = personIDs.map { id in
            let kind = id == "worker" ? Person.Kind.professional : pick(kinds)
            let contact = { (generator: inout CaseGenerator) in Contact(value: generator.text(), visibility: generator.visibility()) }
            return Person(id: id, name: text(), relationship: text(), kind: kind,
                          organisation: kind == .professional ? text() : maybe { $0.text() }, childCalls: maybe { $0.text() },
                          informedOfWorries: bool(), circle: int(1...3), inSafetyNetwork: bool(),
                          phone: maybe(contact), email: maybe(contact), address: maybe(contact), picture: nil,
                          visibility: id == "worker" ? .all : visibility())
        }
        let statement = { (generator: inout CaseGenerator, _: Int) in
            Statement(id: nil, text: generator.text(), date: generator.maybe { $0.date() }, about: generator.some(0...2) { g, _ in g.pick(anyone) },
                      source: generator.maybe { $0.pick(anyone) }, disputedBy: generator.some(0...1) { g, _ in g.pick(anyone) }, visibility: generator.visibility())
        }
        let dangerIDs = (0..<int(0...3)).map { "danger-\($0)" }
        let assessment = Assessment(
            date: maybe { $0.date() }, harm: some(0...3, statement), complicatingFactors: some(0...2, statement), strengths: some(0...3, statement),
            existingSafety: some(0...2, statement),
            dangerStatements: dangerIDs.map { id in
                DangerStatement(id: id, worriedPeople: some(1...3) { g, _ in g.pick(anyone) }, worry: text(), children: [pick(childIDs)],
                                ifNothingChanges: maybe { $0.text() }, text: maybe { $0.text() }, disputedBy: some(0...1) { g, _ in g.pick(anyone) },
                                familyView: maybe { $0.text() }, visibility: visibility())
            },
            safetyGoals: some(0...3) { g, index in
                SafetyGoal(id: "goal-\(index)", text: g.text(), dangerStatements: dangerIDs.isEmpty ? [] : [g.pick(dangerIDs)], howLong: g.maybe { $0.text() }, visibility: g.visibility())
            },
            bottomLines: some(0...2, statement),
            nextSteps: some(0...3) { g, _ in
                NextStep(text: g.text(), who: [g.pick(anyone)], by: g.maybe { $0.date() }, done: g.bool(), visibility: g.visibility())
            },
            scaling: some(0...2) { g, index in
                Scale(id: "scale-\(index)", question: g.text(), zero: g.text(), ten: g.text(), about: dangerIDs.isEmpty ? nil : g.maybe { $0.pick(dangerIDs) },
                      scores: g.some(0...4) { g, _ in
                          Scale.Score(person: g.pick(anyone), score: Double(g.int(0...20)) / 2, said: g.maybe { $0.text() },
                                      oneStepUp: g.maybe { $0.text() }, date: g.maybe { $0.date() }, visibility: g.visibility())
                      },
                      visibility: g.visibility())
            },
            grey: some(0...2, statement))
        let plan = SafetyPlan(
            title: text(), agreedOn: maybe { $0.date() },
            rules: some(0...4) { g, index in
                SafetyPlan.Rule(id: "rule-\(index)", area: g.maybe { $0.text() }, rule: g.text(), why: g.maybe { $0.text() }, who: [g.pick(anyone)],
                                when: g.maybe { $0.text() }, howWeCheck: g.maybe { $0.text() }, howChildKnows: g.maybe { $0.text() },
                                ifBroken: g.maybe { $0.text() }, visibility: g.visibility())
            },
            warningSigns: some(0...2) { g, _ in SafetyPlan.WarningSign(sign: g.text(), whatToDo: g.text(), visibility: g.visibility()) },
            emergencyContacts: some(0...2) { g, _ in SafetyPlan.EmergencyContact(name: g.text(), number: g.pick(["999", "01632 960000", "0800 123"]), when: g.text(), visibility: g.visibility()) },
            reviews: some(0...2) { g, _ in SafetyPlan.Review(date: g.date(), what: g.text(), visibility: g.visibility()) },
            signatures: some(0...3) { g, _ in g.pick(anyone) })
        let timeline = Timeline(
            events: some(0...8) { g, index in
                Timeline.Event(id: g.bool() ? "event-\(index)" : nil, date: g.date(partial: true), approximate: g.bool(), title: g.text(), detail: g.maybe { $0.text() },
                               kind: g.pick([.harm, .worry, .strength, .safety, .service, .move, .meeting, .other]),
                               people: g.some(0...2) { g, _ in g.pick(anyone) }, visibility: g.visibility())
            },
            journey: some(0...5) { g, _ in
                Timeline.Milestone(id: nil, date: g.date(partial: true), title: g.text(), detail: g.maybe { $0.text() },
                                   status: g.pick([.planned, .done, .missed]), visibility: g.visibility())
            })
        let stories = some(0...2) { g, index in
            Story(id: "story-\(index)", child: g.pick(childIDs), title: g.maybe { $0.text() }, told: g.maybe { $0.date() },
                  pages: g.some(1...4) { g, _ in
                      let picture: Picture? = g.maybe { .pictogram($0.pick(CaseFormat.pictograms)) }
                      return Story.Page(heading: g.maybe { $0.text() }, text: g.text(), picture: picture, pictureDescription: picture == nil ? g.maybe { $0.text() } : g.text(), visibility: g.visibility())
                  },
                  visibility: g.visibility())
        }
        let meeting = maybe { g in
            Meeting(kind: g.pick([.initialConference, .reviewConference, .preBirthConference, .coreGroup, .networkMeeting, .familyMeeting]),
                    date: g.date(), time: g.maybe { $0.pick(["10:00", "9:30", "14:15"]) }, place: g.maybe { $0.text() }, chair: g.pick(personIDs),
                    invitees: g.some(0...4) { g, _ in Meeting.Invitee(person: g.pick(anyone)) }, agenda: g.some(0...3) { g, _ in g.text() },
                    reportsFrom: g.some(0...2) { g, _ in Meeting.Report(person: g.pick(anyone), title: g.text(), visibility: g.visibility()) },
                    views: [])
        }
        let info = CaseInfo(reference: text(), localAuthority: text(), date: date(), service: pick([.earlyHelp, .childInNeed, .childProtection, .childInCare]),
                            language: pick(["en", "pl", "ar", "pa-Guru", "pt-BR"]), alsoInEnglish: bool(), protectiveMarking: text(),
                            worker: "worker", manager: maybe { $0.pick(personIDs) })
        var file = CaseFile(format: 1, case: info, children: children, people: people, assessment: maybe { _ in assessment }, safetyPlan: maybe { _ in plan },
                        timeline: maybe { _ in timeline }, wordsAndPictures: stories, meeting: meeting)
        // What the meeting papers read, drawn after everything else so the cases made before
        // they existed stay the same.
        if file.meeting != nil {
            for index in file.meeting!.invitees.indices {
                file.meeting!.invitees[index].attendance = pick([.invited, .attended, .apologies, .reportOnly, .didNotAttend, .leftForPart])
                file.meeting!.invitees[index].interpreter = maybe { $0.pick(["pl", "ar", "ro"]) }
                file.meeting!.invitees[index].supporter = maybe { $0.text() }
            }
            for index in file.meeting!.reportsFrom.indices {
                file.meeting!.reportsFrom[index].received = maybe { $0.date() }
                file.meeting!.reportsFrom[index].sharedWithFamily = maybe { $0.date() }
            }
            file.meeting!.strategyDiscussion = maybe { $0.date() }
            file.meeting!.previousMeeting = maybe { $0.date() }
            file.meeting!.views = some(0...3) { g, _ in Meeting.View(person: g.pick(anyone), said: g.text(), visibility: g.visibility()) }
            file.meeting!.outcome = maybe { g in
                Meeting.Outcome(decidedOn: g.date(),
                                decisions: g.some(1...3) { g, _ in
                                    Meeting.Outcome.Decision(child: g.pick(childIDs), plan: g.pick([.childProtection, .childInNeed, .noPlan, .continue, .end]),
                                                             category: g.maybe { $0.pick([.neglect, .physicalAbuse, .emotionalAbuse, .sexualAbuse]) }, reasons: g.text())
                                },
                                dissent: g.some(0...2) { g, _ in Meeting.Outcome.Dissent(person: g.pick(anyone), why: g.text()) },
                                chairSummary: g.maybe { $0.text() },
                                next: g.some(0...2) { g, _ in Meeting.Outcome.Next(kind: g.pick([.coreGroup, .reviewConference]), date: g.date(), time: g.maybe { _ in "10:00" }, place: g.maybe { $0.text() }) },
                                coreGroup: g.some(0...3) { g, _ in g.pick(personIDs) })
            }
        }
        return file
    }
}
