import KinpressAudience
import KinpressCase

// View models: what a template can print, already in words. Every string here is either case
// text (escaped by the template engine) or a sentence from the catalogue filled with case text.

/// What every document template gets.
struct HeaderView {
    var lang: String
    /// "ltr" or "rtl", by the catalogue's language.
    var direction: String
    var title: String
    var runningTitle: String
    var subtitle: String
    /// Protective marking, on professional documents only.
    var marking: String?
    var children: [ChildView]
    var childrenNames: String
    var worker: String
    var localAuthority: String
    var reference: String
    var date: String
    var forProfessionals: Bool
    var forChild: Bool
    /// Part of a meeting pack: the pack has the title, contents and what happens next.
    var inPack: Bool
}

struct ChildView {
    var name: String
    var age: String
}

struct StatementView {
    var paragraphs: [String]
    /// "Said by Kasia on Monday 3 March 2026", when known.
    var said: String?
    /// "Tomasz does not agree with this."
    var disputed: String?
}

struct DangerView {
    var id: String
    var heading: String
    var paragraphs: [String]
    var ifNothingChanges: String?
    var disputed: String?
    var familyView: [String]
    var goals: [GoalView]
}

struct GoalView {
    var paragraphs: [String]
    var howLong: String?
    /// "This is about worry 1."
    var answers: String?
}

struct StepView {
    var text: String
    var who: String
    var by: String
    var done: Bool
}

struct ScaleView {
    var question: String
    var zero: String
    var ten: String
    var about: String?
    var scores: [ScoreView]
    /// The figure's alternative text: every score in words.
    var alternative: String
}

struct ScoreView {
    var who: String
    var score: String
    /// The number, for drawing the mark.
    var value: Double
    var line: String
    var said: String?
    var oneStepUp: String?
}

struct MeetingView {
    var sentence: String
    var place: String?
    var purpose: String
}

struct PersonView {
    var name: String
    var relationship: String
    var contact: String
}

struct RuleView {
    var rule: String
    var why: String?
    var who: String
    var when: String?
    var howWeCheck: String?
    var howChildKnows: String?
    var ifBroken: String?
}

struct AreaView {
    var area: String?
    var rules: [RuleView]
}

struct WarningView {
    var sign: String
    var whatToDo: String
}

struct EmergencyView {
    var name: String
    var number: String
    var when: String
}

struct ReviewView {
    var date: String
    var what: String
}

struct SignatureView {
    var name: String
    var role: String
}

struct NetworkMapView {
    var children: [String]
    var people: [NetworkEntryView]
    /// Everyone on the map in words, circle by circle.
    var alternative: String
}

struct NetworkEntryView {
    var name: String
    var relationship: String
    var group: String
    var circle: Int
    var network: Bool
    var informed: Bool
    /// False for someone who keeps their place on the map but is not drawn in this document.
    var shown: Bool
}
