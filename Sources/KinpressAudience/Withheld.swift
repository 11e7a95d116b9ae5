import KinpressCase

/// Something a reader's copy leaves out, for the chair who checks that copy before it is sent.
public struct WithheldItem: Sendable, Equatable {
    /// Where it is in the case file: `assessment.harm[2]`, `people[4].address`.
    public var field: FieldPath
    /// Who may see it: `professionals` or `adults`.
    public var visibility: Visibility
    /// The start of its words, so the chair knows which item it is.
    public var summary: String
    /// Left out because the child who made it has not agreed to share it with this reader
    /// (`shareWith`), whoever `visibility` allows.
    public var notShared = false

    /// Why it was left out, as the chair's list says it.
    public var reason: String {
        notShared ? "not shared by the child" : visibility == .professionals ? "professionals only" : "adults only"
    }

    /// The same, as one word for other programs: `professionals`, `adults` or `not-shared`.
    public var reasonCode: String {
        notShared ? "not-shared" : visibility.rawValue
    }

    /// An item's words on one line, cut at 90 characters.
    static func summary(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 90 ? line.prefix(90) + "…" : line
    }
}

/// A text of the case as one reader will see it, with the field the file wrote it in.
public struct SourcedText: Sendable, Equatable {
    public var field: FieldPath
    public var text: String
    /// Prose the reader reads (statements, rules, story pages), which lint checks; otherwise a
    /// name, relationship or other short value the documents print.
    public var isProse: Bool
    /// Written for a child: the reader is a child, or it is a Words and Pictures story.
    public var forChild: Bool
    /// A child's own words, quoted: read for length, never flagged for hard words.
    public var isQuote = false
}
