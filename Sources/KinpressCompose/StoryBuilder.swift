import KinpressCase

/// Words and Pictures: each child's story as a storyboard, a page to a panel, ending with the
/// people the child can talk to.
struct StoryBuilder {
    let words: Words

    struct View {
        var header: HeaderView
        var strings: [String: Any]
        var stories: [StoryView]
        var helpers: [HelperView]
        var helpersHeading: String
    }

    struct StoryView {
        var title: String
        var madeFor: String
        var cover: PictureView
        var pages: [PageView]
    }

    struct PageView {
        var heading: String?
        var paragraphs: [String]
        var picture: PictureView?
    }

    struct PictureView {
        var src: String
        var alt: String
        var field: String
    }

    struct HelperView {
        var name: String
        var relationship: String
        var picture: PictureView?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let children = try words.childrenNames()
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
                PageView(heading: page.heading.map(isolated), paragraphs: paragraphs(page.text),
                         picture: page.picture.flatMap { picture in
                             words.pictureFile(picture).map { PictureView(src: $0, alt: clean(page.pictureDescription ?? ""), field: "\(base).pages[\(index)].picture") }
                         })
            }
            let madeFor = if let told = story.told { try catalogue.text("story.madeForOn", ["name": name, "date": words.date(told)]) } else { try catalogue.text("story.madeFor", ["name": name]) }
            let storyTitle = if let written = story.title { isolated(written) } else { try catalogue.text("story.title", ["name": name]) }
            stories.append(StoryView(title: storyTitle, madeFor: madeFor, cover: cover, pages: pages))
        }
        let helpers = try file.people.enumerated().filter { $0.element.inSafetyNetwork }.map { index, person throws(TemplateError) in
            HelperView(name: try words.name(person.id), relationship: isolated(person.relationship),
                       picture: person.picture.flatMap { picture in
                           words.pictureFile(picture).map { PictureView(src: $0, alt: person.childCalls ?? person.name, field: "people[\(index)].picture") }
                       })
        }
        return View(header: try words.header(title: title, runningTitle: title), strings: words.strings, stories: stories, helpers: helpers,
                    helpersHeading: try catalogue.text("story.helpers"))
    }
}
