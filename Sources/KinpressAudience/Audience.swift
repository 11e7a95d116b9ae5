import Foundation
import KinpressCase

/// Who a document is for. Visibility is decided here and nowhere else.
public enum Audience: String, CaseIterable, Sendable {
    /// The safety network — family and friends who help keep the children safe — reads as
    /// the family's adults do (what is for adults, never what is for professionals), but a
    /// child's own record only where the child agreed to share it with the network.
    case child, family, network, professional

    /// Whether an item with this visibility may be shown to this reader (the format's table).
    public func sees(_ visibility: Visibility) -> Bool {
        switch (self, visibility) {
        case (_, .all): return true
        case (.child, _): return false
        case (.family, .adults): return true
        case (.family, .professionals): return false
        case (.network, .adults): return true
        case (.network, .professionals): return false
        case (.professional, _): return true
        }
    }

    /// Whether a record a child made (Three Houses, Safety House) may reach this reader, given
    /// whom the child agreed to share it with: the child always; the family with `family`; the
    /// safety network with `network`; professionals with `conference`.
    public func mayRead(sharedWith sharing: [Sharing]) -> Bool {
        switch self {
        case .child: return true
        case .family: return sharing.contains(.family)
        case .network: return sharing.contains(.network)
        case .professional: return sharing.contains(.conference)
        }
    }

    /// Who reads, in words for a report: "the safety network".
    public var described: String {
        switch self {
        case .child: return "a child"
        case .family: return "the family"
        case .network: return "the safety network"
        case .professional: return "professionals"
        }
    }
}

/// A case as one reader may see it. Hidden items are gone; a hidden person's id is replaced by an
/// opaque one everywhere, so no later stage can print their name, or even their id, by mistake.
public struct VisibleCase: Sendable {
    /// What a reference names, as this reader may know it.
    public enum Party: Sendable, Equatable {
        case person(Person)
        case child(Child)
        /// Someone the reader may not know about: documents show only what kind of person they are.
        case hidden(HiddenRole)
    }

    /// The only thing said about a hidden person.
    public enum HiddenRole: String, Sendable, Equatable {
        case parent, carer, family, friend, community, professional, child
    }

    public let audience: Audience
    /// The visible case: every list filtered, contact details filtered, hidden references replaced.
    public let file: CaseFile
    /// Where the case's pictures are.
    public let pictures: PictureFiles?
    /// The folder its picture paths start in.
    public var folder: URL? { pictures?.folder }
    public let ages: [String: Case.Age]
    private let parties: [String: Party]
    /// For each list in `file`, by its path there, the index in the case file of each item kept.
    private let origins: [FieldPath: [Int]]
    /// Every text this reader will see, in the order the file writes them, with its field.
    public let texts: [SourcedText]
    /// What this reader's copy leaves out, in the order of the case format.
    public let withheld: [WithheldItem]
    /// The case this was projected from, for the same reader in another language.
    var source: Case?

    /// The language the case's texts are in here.
    public var textLanguage: String { source?.textLanguage ?? "en" }

    /// The same reader's view with the case's texts in `language` where the file gives them so.
    public func inLanguage(_ language: String) -> VisibleCase {
        guard let source else { return self }
        let translated = source.inLanguage(language)
        return translated.textLanguage == source.textLanguage ? self : audience.project(translated)
    }

    /// Whether the file says something differently in these two languages.
    public func hasTranslations(_ language: String, _ other: String) -> Bool {
        source?.hasTranslations(language, other) ?? false
    }

    init(audience: Audience, file: CaseFile, pictures: PictureFiles?, ages: [String: Case.Age], parties: [String: Party],
         origins: [FieldPath: [Int]], texts: [SourcedText], withheld: [WithheldItem]) {
        self.audience = audience
        self.file = file
        self.pictures = pictures
        self.ages = ages
        self.parties = parties
        self.origins = origins
        self.texts = texts
        self.withheld = withheld
    }

    /// Where a value of `file` (`timeline.events[0].title`) was written in the case file
    /// (`timeline.events[3].title`): lists here hold only what the reader may see, timelines in
    /// date order.
    public func origin(of path: FieldPath) -> FieldPath {
        var visible = FieldPath.root, written = FieldPath.root
        for component in path.components {
            switch component {
            case .key(let key):
                visible = visible.appending(key)
                written = written.appending(key)
            case .index(let index):
                let kept = origins[visible]
                written = written.appending(kept.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? index)
                visible = visible.appending(index)
            }
        }
        return written
    }

    /// The person or child a reference in `file` names.
    public func party(_ id: String) -> Party? {
        parties[id]
    }
}

extension Audience {
    /// Projects a case for this reader. `child`: a child's own copy for that one child, in
    /// which a brother's or sister's records are kept only where they shared them with the
    /// family (a copy for every child keeps each child's own).
    public func project(_ source: Case, child: String? = nil) -> VisibleCase {
        var projection = Projection(audience: self)
        projection.ownChild = child
        return projection.run(source)
    }
}
