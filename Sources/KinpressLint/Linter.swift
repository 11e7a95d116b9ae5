import Foundation
import KinpressAudience
import KinpressCase

/// One thing a worker should look at before printing, with where it is and what to write instead.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        /// The document should not go out like this (render --strict refuses it).
        case error
        /// Probably hard for the reader, or not good practice: fix it if you can.
        case warning
        /// Worth a look.
        case advice

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            [Severity.error, .warning, .advice].firstIndex(of: lhs)! < [Severity.error, .warning, .advice].firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    public var file: String
    public var path: FieldPath
    public var location: SourceLocation?
    public var message: String
    /// The glossary term found, and where in the text (characters from its start).
    public var term: String?
    public var offset: Int?
    /// What to write instead.
    public var suggestion: String?

    public init(severity: Severity, file: String, path: FieldPath, location: SourceLocation?, message: String, term: String? = nil, offset: Int? = nil,
                suggestion: String? = nil) {
        self.severity = severity
        self.file = file
        self.path = path
        self.location = location
        self.message = message
        self.term = term
        self.offset = offset
        self.suggestion = suggestion
    }

    /// The part of the case the finding is in: "Assessment", "Safety plan", …
    public var section: String {
        switch path.components.first {
        case .key("assessment")?: return "Assessment"
        case .key("safetyPlan")?: return "Safety plan"
        case .key("timeline")?: return "Timeline"
        case .key("wordsAndPictures")?: return "Words and Pictures"
        case .key("meeting")?: return "Meeting"
        case .key("people")?: return "People"
        default: return "Case"
        }
    }

    public var description: String {
        Diagnostic.line(file: file, location: location, severity: severity.rawValue, path: path, message: message)
    }
}

/// Plain-language and practice checks on a case, for one reader.
public struct Linter: Sendable {
    public let glossary: Glossary
    public let targets: LintTargets

    public init(glossary: Glossary, targets: LintTargets) {
        self.glossary = glossary
        self.targets = targets
    }

    /// Loads the glossary and targets from a templates folder.
    public init(templates: URL, language: String = "en") throws(LintError) {
        self.init(glossary: try Glossary(folder: templates, language: language), targets: try LintTargets.load(folder: templates))
    }

    /// Checks what this reader will see of a case, each finding at the field and line the file
    /// wrote it. `languages` says which languages a text is given in, for texts given in several
    /// (`CaseReading.languages(at:)`).
    public func lint(_ source: Case, locations: [FieldPath: SourceLocation], fileName: String, for audience: Audience,
                     languages: (FieldPath) -> [String]? = { _ in nil }) -> [Finding] {
        let visible = audience.project(source)
        let file = visible.file
        var findings: [Finding] = []
        func add(_ severity: Finding.Severity, _ path: FieldPath, _ message: String, term: String? = nil, offset: Int? = nil, suggestion: String? = nil) {
            var place = path
            if locations[place] == nil, case .key("text")? = place.components.last {
                place = FieldPath(Array(place.components.dropLast()))
            }
            findings.append(Finding(severity: severity, file: fileName, path: place, location: locations[place], message: message,
                                    term: term, offset: offset, suggestion: suggestion))
        }
        let english = file.case.language.lowercased().hasPrefix("en")
        for text in visible.texts where text.isProse {
            let reader = text.forChild ? targets.child : audience == .professional ? targets.professional : targets.family
            // A child's own words are a quote: never corrected for the words they chose.
            if !text.isQuote { checkWords(text, forChild: text.forChild, professional: audience == .professional, add: add) }
            if english { checkReadability(text, reader: reader, forChild: text.forChild, add: add) }
            if !english, audience != .professional { checkLanguage(text, family: file.case.language, given: languages(text.field), add: add) }
        }
        PracticeRules(visible: visible, targets: targets).check(add: add)
        return findings.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0, $0.offset ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0, $1.offset ?? 0) }
    }

    private func checkWords(_ text: SourcedText, forChild: Bool, professional: Bool,
                            add: (Finding.Severity, FieldPath, String, String?, Int?, String?) -> Void) {
        guard !professional else { return }
        for match in glossary.matches(in: text.text) {
            let suggestion = forChild ? match.term.child ?? match.term.parent : match.term.parent
            let severity: Finding.Severity
            let what: String
            switch match.term.kind {
            case .abbreviation:
                severity = forChild ? .error : .warning
                what = "\"\(match.found)\" is an abbreviation \(forChild ? "a child" : "a family") may not know"
            case .label:
                severity = .warning
                what = "\"\(match.found)\" is a label, not a description of what happened"
            case .phrase:
                severity = .warning
                what = "\"\(match.found)\" is how workers write, not how families talk"
            case .jargon:
                severity = forChild ? .warning : .advice
                what = "\"\(match.found)\" is a word \(forChild ? "a child" : "a family") may not know"
            }
            add(severity, text.field, "\(what). Instead: \(suggestion)", match.term.term, match.offset, suggestion)
        }
    }

    /// A family-facing text the family cannot read in their own language.
    private func checkLanguage(_ text: SourcedText, family language: String, given: [String]?,
                               add: (Finding.Severity, FieldPath, String, String?, Int?, String?) -> Void) {
        let primary = { (tag: String) in String(tag.lowercased().prefix { $0 != "-" }) }
        if let given {
            guard !given.map(primary).contains(primary(language)) else { return }
            add(.warning, text.field, "this text has no \(language) version, so the family will read it in \(given.contains { primary($0) == "en" } ? "English" : given[0]). Add a line \(language): … with it in the family's language", nil, nil, nil)
        } else if !TextLanguage.couldBe(text.text, in: language) {
            add(.warning, text.field, "this text looks like English, but the family reads \(language). Write it as {\(language): …, en: …} so each reader gets their own language", nil, nil, nil)
        }
    }

    private func checkReadability(_ text: SourcedText, reader: LintTargets.Reader, forChild: Bool,
                                  add: (Finding.Severity, FieldPath, String, String?, Int?, String?) -> Void) {
        let measure = Readability(text.text)
        for sentence in measure.sentences {
            let count = Readability.words(in: sentence).count
            if count > reader.sentenceWords {
                let start = Readability.words(in: sentence).prefix(6).joined(separator: " ")
                add(.warning, text.field, "the sentence \"\(start) …\" has \(count) words; \(forChild ? "a child" : "a family") reads best with \(reader.sentenceWords) or fewer. Split it into shorter sentences", nil, nil, nil)
            }
        }
        // Only texts clearly above the target: the measure is rough, and a list of small misses helps nobody.
        if measure.words >= 30, measure.readingAge >= reader.readingAge + 2.5 {
            add(.advice, text.field, String(format: "this text suits a reading age of about %.0f; aim for %.0f or lower with shorter sentences and everyday words", measure.readingAge, reader.readingAge), nil, nil, nil)
        }
    }

    /// The reading age of everything this reader will see in one part of the case, for the summary.
    public func readingAges(_ source: Case, for audience: Audience) -> [(section: String, readingAge: Double, words: Int)] {
        guard source.file.case.language.lowercased().hasPrefix("en") else { return [] }
        let texts = audience.project(source).texts.filter(\.isProse)
        let groups: [(String, String)] = [("assessment", "Assessment"), ("safetyPlan", "Safety plan"), ("timeline", "Timeline"), ("wordsAndPictures", "Words and Pictures")]
        return groups.compactMap { key, name in
            let joined = texts.filter { $0.field.components.first == .key(key) }.map(\.text).joined(separator: "\n")
            let measure = Readability(joined)
            return measure.words == 0 ? nil : (name, measure.readingAge, measure.words)
        }
    }
}
