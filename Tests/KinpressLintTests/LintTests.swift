import Foundation
import Yams
import Testing
@testable import KinpressLint
import KinpressAudience
import KinpressCase

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
}

@Suite("Readability")
struct ReadabilityTests {
    @Test("syllables by the rule of thumb", arguments: [
        ("cat", 1), ("happy", 2), ("make", 1), ("little", 2), ("people", 2), ("walked", 1), ("wanted", 2), ("worried", 2),
        ("boxes", 2), ("makes", 1), ("services", 3), ("children's", 2), ("the", 1), ("played", 1), ("happens", 2), ("a", 1),
    ])
    func syllables(_ word: String, _ expected: Int) {
        #expect(Readability.syllables(in: word) == expected)
    }

    @Test("Flesch–Kincaid on passages counted by hand")
    func handCounted() {
        // 2 sentences, 9 words, 10 syllables: 0.39 × 4.5 + 11.8 × 10/9 − 15.59 = −0.724 → reading age 5 (the floor).
        let easy = Readability("The cat sat on the mat. It was happy.")
        #expect(easy.sentences.count == 2 && easy.words == 9 && easy.syllables == 10)
        #expect(abs(easy.gradeLevel - (-0.7239)) < 0.001)
        #expect(easy.readingAge == 5)
        // 1 sentence, 9 words, 15 syllables: 0.39 × 9 + 11.8 × 15/9 − 15.59 = 7.587 → reading age 12.6.
        let hard = Readability("Children's services are worried about what happens at night.")
        #expect(hard.words == 9 && hard.syllables == 15)
        #expect(abs(hard.readingAge - 12.5867) < 0.001)
    }

    @Test("sentences end at . ! ? and line breaks, not after Mr. or Dr.")
    func sentences() {
        #expect(Readability.sentences(in: "Mr. Khan came. Did he stay? Yes!\nThen Dr. Lee rang") == ["Mr. Khan came.", "Did he stay?", "Yes!", "Then Dr. Lee rang"])
    }
}

@Suite("Glossary")
struct GlossaryTests {
    static let glossary = Glossary(terms: [
        Glossary.Term(term: "ICPC", also: ["initial child protection conference"], caseSensitive: true, kind: .abbreviation, parent: "the first big meeting", child: "a big meeting"),
        Glossary.Term(term: "concerns were raised", also: ["concerns have been raised"], caseSensitive: nil, kind: .phrase, parent: "say who was worried and why", child: nil),
        Glossary.Term(term: "neglect", also: nil, caseSensitive: nil, kind: .label, parent: "say what happened", child: nil),
        Glossary.Term(term: "CP", also: ["child protection plan"], caseSensitive: true, kind: .abbreviation, parent: "the plan to keep your child safe", child: nil),
    ])

    @Test("terms are found as whole words, with their place in the text")
    func matches() {
        let found = Self.glossary.matches(in: "At the ICPC, Concerns  were\nraised about neglect. Neglected? CPR is not CP. icpc")
        #expect(found.map(\.found) == ["ICPC", "Concerns  were\nraised", "neglect", "CP"])
        #expect(found.map(\.offset) == [7, 13, 41, 72])
        #expect(found.map(\.term.term) == ["ICPC", "concerns were raised", "neglect", "CP"])
    }

    @Test("the longest spelling wins where spellings overlap")
    func longest() {
        let found = Self.glossary.matches(in: "Her child protection plan started.")
        #expect(found.count == 1 && found[0].found == "child protection plan")
    }

    @Test("the council's glossary has at least 80 terms, none twice")
    func councilGlossary() throws {
        let glossary = try Glossary(folder: Repository.templates, language: "en")
        #expect(glossary.terms.count >= 80)
        let spellings = glossary.terms.flatMap { [$0.term] + ($0.also ?? []) }.map { $0.lowercased() }
        #expect(Set(spellings).count == spellings.count)
    }
}

@Suite("Linting a case")
struct LinterTests {
    static let text = """
        format: 1
        case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
        children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
        people:
          - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
          - {id: mum, name: Jo Reed, relationship: Ava's mum, kind: parent, inSafetyNetwork: true}
        assessment:
          harm:
            - "Concerns were raised at the ICPC about neglect."
          dangerStatements:
            - {id: d1, worriedPeople: [sw], worry: Ava is left at home on her own at night., children: [ava]}
          safetyGoals:
            - {id: g1, text: Jo does not leave Ava alone., dangerStatements: [d1]}
            - {id: g2, text: Ava will always have a grown-up with her at night.}
          scaling:
            - {id: s1, question: How safe is Ava?, zero: Not safe, ten: Safe}
        safetyPlan:
          rules:
            - {id: r1, rule: Ava tells a teacher if she is scared., who: [ava]}
          reviews:
            - {date: 2026-01-10, what: Look at the plan together.}
        timeline:
          journey:
            - {date: 2026-02-01, title: Family meeting, status: planned}
        wordsAndPictures:
          - id: story
            child: ava
            pages:
              - {text: Sam from the CP team came to see Ava., picture: "pictogram:social-worker", pictureDescription: Sam}
        """

    static func findings(for audience: Audience = .family) throws -> [Finding] {
        let reading = CaseReader.read(bytes: Array(text.utf8), displayName: "ava.yaml", folder: nil)
        let written = try #require(reading.case, "\(reading.diagnostics)")
        let linter = Linter(glossary: GlossaryTests.glossary, targets: try LintTargets.load(folder: Repository.templates))
        return linter.lint(written, locations: reading.locations, fileName: "ava.yaml", for: audience)
    }

    @Test("glossary terms: the term, where it is, what to write instead")
    func words() throws {
        let found = try Self.findings().filter { $0.term != nil }
        #expect(found.map { $0.term! } == ["concerns were raised", "ICPC", "neglect", "CP"])
        #expect(found.map { $0.offset! } == [0, 28, 39, 13])
        #expect(found.map { $0.path.description } == ["assessment.harm[0]", "assessment.harm[0]", "assessment.harm[0]", "wordsAndPictures[0].pages[0].text"])
        #expect(found.map { $0.location?.line } == [9, 9, 9, 29])
        #expect(found.map(\.severity) == [.warning, .warning, .warning, .error], "an abbreviation in a child's story is an error")
        #expect(found[1].suggestion == "the first big meeting")
        #expect(found[0].description.hasPrefix("ava.yaml:9:7: warning: assessment.harm[0]: \"Concerns were raised\" is how workers write"))
    }

    @Test("practice checks")
    func practice() throws {
        let messages = try Self.findings().filter { $0.term == nil }.map { "\($0.path): \($0.message)" }
        let expected = [
            "assessment.dangerStatements[0]: this danger statement does not say what people fear could happen",
            "assessment.safetyGoals[0].text: this goal only says what will stop",
            "assessment.safetyGoals[1]: this safety goal is not paired with a danger statement",
            "assessment.scaling[0]: this scale has no scores",
            "safetyPlan.rules[0].who: only a child is responsible for this rule",
            "safetyPlan.reviews[0].date: this review was due on 2026-01-10",
            "people: the safety network has 0 people who are not parents or workers",
            "timeline.journey[0].status: \"Family meeting\" is still planned",
            "wordsAndPictures[0].pages[0].pictureDescription: say in a few words what the picture shows",
        ]
        for message in expected {
            #expect(messages.contains { $0.hasPrefix(message) }, "\(message)")
        }
        #expect(messages.count == expected.count, "\(messages)")
    }

    @Test("professionals are not told to avoid their own words")
    func professional() throws {
        #expect(try Self.findings(for: .professional).allSatisfy { $0.term == nil })
    }
}

@Suite("Kinpress's own wording passes its own checks")
struct OwnWordingTests {
    /// Every fixed sentence in the English catalogue, with its key.
    static func sentences() throws -> [(key: String, text: String)] {
        let text = try String(contentsOf: Repository.templates.appendingPathComponent("strings/en.yaml"), encoding: .utf8)
        let tree = try #require(try Yams.load(yaml: text) as? [String: Any])
        var found: [(String, String)] = []
        func walk(_ node: Any, _ key: String) {
            if let dictionary = node as? [String: Any] {
                for (name, value) in dictionary { walk(value, key.isEmpty ? name : "\(key).\(name)") }
            } else if let sentence = node as? String, !key.hasPrefix("dates."), !key.hasPrefix("join.") {
                found.append((key, sentence))
            }
        }
        walk(tree, "")
        return found.sorted { $0.0 < $1.0 }
    }

    @Test("no glossary term in any fixed sentence")
    func noJargon() throws {
        let glossary = try Glossary(folder: Repository.templates, language: "en")
        // The one deliberate exception: professionals' words keep the practice terms by
        // service ("danger statements", "wellbeing goals") and "Mapped on"; families' never do.
        // A decision letter must give the plan's and the category's formal names (a parent needs
        // them to read the record or ask for advice): each is named once, then said in plain words.
        let exempt: Set<String> = ["service.child-protection.worriesProfessional", "service.child-protection.goalsProfessional",
                                   "service.early-help.worriesProfessional", "service.early-help.goalsProfessional", "assessment.mappedOn",
                                   "letter.decision.plans.child-protection", "letter.decision.plans.child-in-need"]
        // The chair's copy is for professionals and keeps their terms (`chair.`).
        for (key, sentence) in try Self.sentences() where !exempt.contains(key) && !key.hasPrefix("letter.decision.categories.") && !key.hasPrefix("chair.") {
            let found = glossary.matches(in: sentence.replacingOccurrences(of: #"\{[a-zA-Z]+\}"#, with: "Sam", options: .regularExpression))
            #expect(found.isEmpty, "\(key): \(found.map(\.found))")
        }
    }

    @Test("every fixed sentence is short, and all of them together suit the family's reading age")
    func readable() throws {
        let targets = try LintTargets.load(folder: Repository.templates)
        var all: [String] = []
        for (key, sentence) in try Self.sentences() where !key.hasPrefix("chair.") {
            let text = sentence.replacingOccurrences(of: #"\{[a-zA-Z]+\}"#, with: "Sam", options: .regularExpression)
            all.append(text.hasSuffix(".") || text.hasSuffix("?") ? text : text + ".")
            for part in Readability.sentences(in: text) {
                #expect(Readability.words(in: part).count <= targets.family.sentenceWords, "\(key): \(part)")
            }
        }
        let measure = Readability(all.joined(separator: " "))
        #expect(measure.readingAge <= targets.family.readingAge, "reading age \(measure.readingAge)")
    }
}
