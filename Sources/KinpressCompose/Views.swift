import KinpressAudience
import KinpressCase

// View models: what a template can print, already in words. Every string here is either case
// text (escaped by the template engine) or a sentence from the catalogue filled with case text.

/// What every document template gets.
struct HeaderView {
    /// The document's language tag: the family's language, English for professionals.
    var lang: String
    /// "ltr" or "rtl", by the catalogue's language.
    var direction: String
    /// The document's title.
    var title: String
    /// The short title at the top of each page.
    var runningTitle: String
    /// Who made the document and when (for professionals: the council and date).
    var subtitle: String
    /// Protective marking, on professional documents only.
    var marking: String?
    /// The case's children, in the case's order.
    var children: [ChildView]
    /// The children's names as a list: "Zosia and Antek".
    var childrenNames: String
    /// The social worker's name.
    var worker: String
    /// The council.
    var localAuthority: String
    /// The case reference, printed for professionals.
    var reference: String
    /// The case's date in words.
    var date: String
    /// Whether the reader is a professional.
    var forProfessionals: Bool
    /// Whether the reader is a child.
    var forChild: Bool
    /// Part of a meeting pack: the pack has the title, contents and what happens next.
    var inPack: Bool
    /// Part of the chair's copy of a pack, which says each thing once: people are listed in the
    /// network map's table alone, and the children's stories are a storyboard sheet.
    var chairCopy: Bool
    /// Who holds the case and their manager, on professional documents only.
    var team: String?
    /// How to reach us, on every family and child document; nil for professionals.
    var contact: ContactView?
    /// The council's logo and name, at the top of the first page.
    var masthead: MastheadView
    /// How to disagree, complain, be helped to speak and ask for other formats; nil for
    /// professionals.
    var disagree: ContactView?
}

/// The council a document comes from: its name (the profile's, else the case's
/// `localAuthority`) and, when its profile has one, its logo.
struct MastheadView {
    /// The council's name: its profile's, else the case's `localAuthority`.
    var name: String
    /// The council's logo and its description, when its profile has one.
    var logo: PictureView?
}

/// A picture file and what it shows.
struct PictureView {
    /// The picture's file.
    var src: String
    /// What it shows, in words.
    var alt: String
    /// The case field (or profile key) it came from, for errors.
    var field: String
}

/// "How to reach us" (the worker, the council's team and out-of-hours line when the case has a
/// council profile, and 999) or "If you do not agree" (the worker, the council's complaints and
/// advocacy, other formats): each a sentence, numbers kept left to right.
struct ContactView {
    /// "How to reach us" (a child's copy: "Who to tell"), or "If you do not agree".
    var heading: String
    /// The worker and how to reach them, then the council's team and out-of-hours line, a
    /// sentence each.
    var lines: [String]
    /// "If someone is in danger right now, call 999." (none at the end of a document, where
    /// the same view says how to disagree.)
    var emergency: String?
}

struct ChildView {
    /// The child's name as this reader knows them.
    var name: String
    /// "Zofia is 7", or when a baby is due.
    var age: String
}

struct StatementView {
    /// The statement's words, a paragraph each.
    var paragraphs: [String]
    /// "Said by Kasia on Monday 3 March 2026", when known.
    var said: String?
    /// "Tomasz does not agree with this."
    var disputed: String?
}

struct DangerView {
    /// "worry-1": a link target.
    var id: String
    /// "Worry 1".
    var heading: String
    /// The worry in words, a paragraph each.
    var paragraphs: [String]
    /// "This worry is about Tolu.": which children, when it is not about all of them.
    var about: String?
    /// What could happen if nothing changes, when the worry is put together from its parts.
    var ifNothingChanges: String?
    /// Who does not agree with this worry.
    var disputed: String?
    /// What the family says about it, a paragraph each.
    var familyView: [String]
    /// The safety goals that answer this worry.
    var goals: [GoalView]
}

struct GoalView {
    /// The goal's words, a paragraph each.
    var paragraphs: [String]
    /// How long things must be safe for.
    var howLong: String?
    /// "This is about worry 1."
    var answers: String?
}

struct StepView {
    /// What will be done.
    var text: String
    /// Who will do it.
    var who: String
    /// When it is due, or words saying no date is set.
    var by: String
    /// Whether it is done.
    var done: Bool
}

struct ScaleView {
    /// The scaling question.
    var question: String
    /// What 0 means.
    var zero: String
    /// What 10 means.
    var ten: String
    /// "This is about worry 1.", when the question is about one worry.
    var about: String?
    /// Each person's number, in the case's order.
    var scores: [ScoreView]
    /// The figure's alternative text: every score in words.
    var alternative: String
}

struct ScoreView {
    /// The person's name.
    var who: String
    /// The number as written in this language: 6, 6.5 (or 6,5).
    var score: String
    /// The number, for drawing the mark.
    var value: Double
    /// The score as a sentence: "Kasia said 6 on Monday 3 March 2026".
    var line: String
    /// Why they gave that number.
    var said: String?
    /// What would make it one step higher.
    var oneStepUp: String?
}

struct MeetingView {
    /// What meeting, and when.
    var sentence: String
    /// Where it is.
    var place: String?
    /// What the meeting is for.
    var purpose: String
}

struct PersonView {
    /// The person's name.
    var name: String
    /// Who they are to the children.
    var relationship: String
    /// Phone and email, or empty.
    var contact: String
}

struct RuleView {
    /// What will happen.
    var rule: String
    /// Why it matters.
    var why: String?
    /// Who makes sure it happens.
    var who: String
    /// When it applies.
    var when: String?
    /// How everyone will know it is happening.
    var howWeCheck: String?
    /// How the child knows it is happening.
    var howChildKnows: String?
    /// What happens if it is not kept.
    var ifBroken: String?
}

struct AreaView {
    /// The part of life the rules are about; absent for rules with no area.
    var area: String?
    /// The rules in this area.
    var rules: [RuleView]
}

struct WarningView {
    /// A sign that things are going wrong.
    var sign: String
    /// What to do about it.
    var whatToDo: String
}

struct EmergencyView {
    /// Who to call.
    var name: String
    /// Their number.
    var number: String
    /// When to call them.
    var when: String
}

struct ReviewView {
    /// When the plan is looked at again.
    var date: String
    /// What that review is.
    var what: String
}

struct SignatureView {
    /// The name under the line.
    var name: String
    /// Who they are (a child's line says so).
    var role: String
}

struct NetworkMapView {
    /// The children's names, in the middle.
    var children: [String]
    /// Everyone the reader may see, in the case's order.
    var people: [NetworkEntryView]
    /// What the map is, in one sentence: the start of `alternative`.
    var about: String
    /// Everyone on the map in words, circle by circle.
    var alternative: String
}

struct NetworkEntryView {
    /// The person's name; empty when not shown.
    var name: String
    /// Who they are to the children; empty when not shown.
    var relationship: String
    /// family, friends, community or professionals.
    var group: String
    /// 1 (closest) to 3.
    var circle: Int
    /// Whether they are in the safety network.
    var network: Bool
    /// Whether they know about the worries.
    var informed: Bool
    /// False for someone who keeps their place on the map but is not drawn in this document.
    var shown: Bool
}
