import KinpressCase
import KinpressSupport

/// Words and Pictures: each child's story as a storyboard, a page to a panel, ending with the
/// people the child can talk to.
struct StoryBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.story.helpersIntro`.
        var strings: [String: Any]
        /// Each child's story this reader may see.
        var stories: [StoryView]
        /// People the child can talk to, at most six.
        var helpers: [HelperView]
        /// The heading over them.
        var helpersHeading: String
    }

    struct StoryView {
        /// The story's title.
        var title: String
        /// Who it was made for, and when.
        var madeFor: String
        /// The child's picture, or the child pictogram.
        var cover: PictureView
        /// The story's pages, one panel each.
        var pages: [PageView]
    }

    struct PageView {
        /// The page's heading.
        var heading: String?
        /// The page's words, a paragraph each.
        var paragraphs: [String]
        /// The page's picture.
        var picture: PictureView?
    }

    struct HelperView {
        /// Their name as this reader knows them.
        var name: String
        /// Who they are; absent when the child knows them by the name they use.
        var relationship: String?
        /// Their picture.
        var picture: PictureView?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        // The title names the children who have a story here, not every child in the case.
        let told = file.children.map(\.id).filter { id in file.wordsAndPictures.contains { $0.child == id } }
        let children = try words.names(told.isEmpty ? file.children.map(\.id) : told)
        let title = try catalogue.text("story.documentTitle", ["children": children])
        var stories: [StoryView] = []
        for (storyIndex, story) in file.wordsAndPictures.enumerated() {
            guard case .child(let child)? = words.visible.party(story.child) else { continue }
            let name = try words.name(child.id)
            let base = "wordsAndPictures[\(storyIndex)]"
            let coverPicture = child.picture ?? .pictogram("child")
            let cover = PictureView(src: words.pictureFile(coverPicture) ?? "", alt: try catalogue.text("story.coverPicture", ["name": name]),
                                    field: child.picture == nil ? "pictogram:child" : "children[\(file.children.firstIndex { $0.id == child.id } ?? 0)].picture")
            let pages = story.pages.enumerated().map { index, page in
                PageView(heading: page.heading.map(Bidi.isolate), paragraphs: paragraphs(page.text),
                         picture: page.picture.flatMap { picture in
                             words.pictureFile(picture).map { PictureView(src: $0, alt: page.pictureDescription ?? "", field: "\(base).pages[\(index)].picture") }
                         })
            }
            let madeFor = if let told = story.told { try catalogue.text("story.madeForOn", ["name": name, "date": words.date(told)]) } else { try catalogue.text("story.madeFor", ["name": name]) }
            let storyTitle = if let written = story.title { Bidi.isolate(written) } else { try catalogue.text("story.title", ["name": name]) }
            stories.append(StoryView(title: storyTitle, madeFor: madeFor, cover: cover, pages: pages))
        }
        let helpers = try Self.helpers(file).map { index, person throws(TemplateError) in
            // A child knows "Mum": the name they use says who it is. Others get a word on who they are.
            let known = words.audience == .child && person.childCalls != nil
            return HelperView(name: try words.name(person.id), relationship: known ? nil : Bidi.isolate(person.relationship),
                       picture: person.picture.flatMap { picture in
                           words.pictureFile(picture).map { PictureView(src: $0, alt: person.childCalls ?? person.name, field: "people[\(index)].picture") }
                       })
        }
        return View(header: try words.header(title: title, runningTitle: title), strings: words.strings, stories: stories, helpers: helpers,
                    helpersHeading: try catalogue.text("story.helpers"))
    }

    /// Who the child can talk to: the safety network, then the people the stories name, at most
    /// six, so the page stays short enough for a child to take in.
    static func helpers(_ file: CaseFile) -> [(Int, Person)] {
        let story = file.wordsAndPictures.flatMap { $0.pages.flatMap { [$0.heading ?? "", $0.text] } }.joined(separator: "\n").lowercased()
        func named(_ person: Person) -> Bool {
            [person.childCalls, person.name, person.name.split(separator: " ").first.map(String.init)].contains { name in
                guard let name = name?.lowercased(), name.count > 1, let found = story.range(of: name) else { return false }
                // Whole words only: "Al" is not found in "Alex".
                let before = found.lowerBound == story.startIndex ? nil : story[story.index(before: found.lowerBound)]
                let after = found.upperBound == story.endIndex ? nil : story[found.upperBound]
                return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            }
        }
        let people = Array(file.people.enumerated())
        // The story is searched once per person.
        let inStory = Set(people.filter { named($0.element) }.map(\.offset))
        let network = people.filter { $0.element.inSafetyNetwork }.sorted { $0.element.circle < $1.element.circle }
        let mentioned = people.filter { !$0.element.inSafetyNetwork && inStory.contains($0.offset) }
        // Those the story names come before others of the network when there are too many.
        let chosen = (network.filter { inStory.contains($0.offset) } + network.filter { !inStory.contains($0.offset) }).prefix(6)
        let rest = mentioned.prefix(max(0, 6 - chosen.count))
        let keep = Set((chosen + rest).map(\.offset))
        return people.filter { keep.contains($0.offset) }.sorted { lhs, rhs in
            (lhs.element.inSafetyNetwork ? 0 : 1, lhs.element.circle, lhs.offset) < (rhs.element.inSafetyNetwork ? 0 : 1, rhs.element.circle, rhs.offset)
        }.map { ($0.offset, $0.element) }
    }
}
