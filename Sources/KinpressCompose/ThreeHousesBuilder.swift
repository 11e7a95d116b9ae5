import KinpressCase
import KinpressSupport

/// A child's Three Houses as the child made them: the three houses side by side on a landscape
/// page, each with the child's own name for it and the child's exact words, the house they
/// started with marked, who wrote each item, and the child's pictures. Several records of one
/// child read as "then and now". Each child's records start on a page of their own, so each
/// child can be given their own pages.
struct ThreeHousesBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.houses.title`.
        var strings: [String: Any]
        /// Each child the document is for who has a record this reader may see, in the case's order.
        var children: [ChildView]
        /// "There are no houses to show for Femi yet.": the children without one, in one sentence.
        var nothing: String?
    }

    struct ChildView {
        /// "Tolu's houses", when several children have houses.
        var heading: String?
        /// The child's records this reader may see, oldest first.
        var records: [RecordView]
        /// Whether a new page starts here (every child after the first).
        var newPage: Bool
    }

    struct RecordView {
        /// "Then: Thursday 5 March 2026" / "Now: …" (the date alone between them) when the child
        /// has several records.
        var dateHeading: String?
        /// Whether a new page starts here (a child's later records).
        var newPage: Bool
        /// "Tolu made these houses with Aisha on …. Tolu started with this house: …"
        var made: String
        /// "Aisha read all the words back to Tolu.", when the record says so.
        var readBack: String?
        /// "Where it says “Aisha wrote this”, …", when the worker wrote some items.
        var writers: String?
        /// The houses as drawn, in the usual order: worries, good things, dreams.
        var houses: [HouseDrawingView]
        /// The three houses in words, for people who cannot see the drawing.
        var alternative: String
        /// "House of Worries: 4 then, 1 now.": on the latest of several records.
        var changes: [String]
        /// The child's pictures, each with its description and house.
        var pictures: [DrawingView]
    }

    struct HouseDrawingView {
        /// The child's own name with the house it is, or the house's name.
        var name: String
        /// worries, goodThings or dreams.
        var kind: String
        /// Whether the child started with this house.
        var started: Bool
        /// The child's words, each with who wrote it down when that was the worker.
        var items: [ItemView]
    }

    struct ItemView {
        /// The child's words, exactly.
        var text: String
        /// "Aisha wrote this", when the worker wrote it down.
        var note: String?
    }

    struct DrawingView {
        /// The picture, with its description as alternative text.
        var picture: PictureView
        /// "The sunny house (House of Good Things): a netball."
        var caption: String
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let children = words.ownChildren
        // Named in the title: the children with a record, each under their own heading when
        // there are several.
        let made = children.filter { !$0.threeHouses.isEmpty }
        let named = made.isEmpty ? children : made
        let names = try words.names(named.map(\.id))
        let title = try catalogue.text("houses.title", ["name": names])
        var views: [ChildView] = []
        for child in children where !child.threeHouses.isEmpty {
            let name = try words.name(child.id)
            let records = child.threeHouses.sorted { $0.date < $1.date }
            var recordViews: [RecordView] = []
            for (index, record) in records.enumerated() {
                // One record needs no heading: the sentence under it says when it was made.
                let heading: String?
                if records.count == 1 {
                    heading = nil
                } else if index == 0 {
                    heading = try catalogue.text("houses.then", ["date": words.date(record.date)])
                } else if index == records.count - 1 {
                    heading = try catalogue.text("houses.now", ["date": words.date(record.date)])
                } else {
                    heading = try words.date(record.date)
                }
                recordViews.append(try self.record(record, of: child, name: name, heading: heading, newPage: index > 0,
                                                   previous: index > 0 && index == records.count - 1 ? records[0] : nil))
            }
            views.append(ChildView(heading: made.count > 1 ? try catalogue.text("houses.childHeading", ["name": name]) : nil,
                                   records: recordViews, newPage: !views.isEmpty))
        }
        var header = try words.header(title: title, runningTitle: title)
        // The landscape page keeps its height for the houses: the children know their ages.
        header.children = []
        let without = children.filter { $0.threeHouses.isEmpty }.map(\.id)
        let nothing = without.isEmpty ? nil : try catalogue.text("houses.nothing", ["name": words.names(without)])
        return View(header: header, strings: words.strings, children: views, nothing: nothing)
    }

    private func record(_ record: ThreeHouses, of child: Child, name: String, heading: String?, newPage: Bool, previous: ThreeHouses?) throws(TemplateError) -> RecordView {
        let catalogue = words.catalogue
        let worker = try words.name(record.by)
        var houses: [HouseDrawingView] = []
        var described: [String] = []
        var pictures: [DrawingView] = []
        let index = words.visible.file.children.firstIndex { $0.id == child.id } ?? 0
        for house in House.allCases {
            let houseName = try self.name(of: house, in: record)
            let items = try record.items(in: house).map { item throws(TemplateError) in
                ItemView(text: Bidi.isolate(item.text),
                         note: item.writtenBy == .worker ? try catalogue.text("houses.workerWrote", ["worker": worker]) : nil)
            }
            houses.append(HouseDrawingView(name: houseName, kind: house.rawValue, started: record.startedWith == house, items: items))
            described.append(items.isEmpty
                ? try catalogue.text("houses.describedEmpty", ["house": houseName])
                : try catalogue.text("houses.described", ["house": houseName, "items": items.map(\.text).joined(separator: "; ")]))
            for (itemIndex, item) in record.items(in: house).enumerated() {
                guard let picture = item.picture, let file = words.pictureFile(picture) else { continue }
                let description = Bidi.isolate(item.pictureDescription ?? item.text)
                let field = "children[\(index)].threeHouses[\(child.threeHouses.firstIndex { $0.id == record.id } ?? 0)].\(house.rawValue)[\(itemIndex)].picture"
                pictures.append(DrawingView(picture: PictureView(src: file, alt: description, field: field),
                                            caption: try catalogue.text("houses.pictureIn", ["house": houseName, "description": description])))
            }
        }
        var made = try catalogue.text("houses.made", ["name": name, "worker": worker, "date": words.date(record.date)])
        if let started = record.startedWith {
            made += " " + (try catalogue.text("houses.startedWith", ["name": name, "house": self.name(of: started, in: record)]))
        }
        var changes: [String] = []
        if let previous {
            for house in House.allCases {
                changes.append(try catalogue.text("houses.change", ["house": self.name(of: house, in: record),
                                                                    "then": String(previous.items(in: house).count), "now": String(record.items(in: house).count)]))
            }
        }
        let anyByWorker = House.allCases.contains { record.items(in: $0).contains { $0.writtenBy == .worker } }
        return RecordView(
            dateHeading: heading, newPage: newPage, made: made,
            readBack: record.readBack == true ? try catalogue.text("houses.readBack", ["name": name, "worker": worker]) : nil,
            writers: anyByWorker ? try catalogue.text("houses.writers", ["name": name, "worker": worker]) : nil,
            houses: houses,
            alternative: try catalogue.text("houses.alternative", ["name": name]) + " " + described.joined(separator: " "),
            changes: changes, pictures: pictures)
    }

    /// The child's own name for a house, with the house it is ("The sunny house (House of Good
    /// Things)"), or the house's usual name.
    private func name(of house: House, in record: ThreeHouses) throws(TemplateError) -> String {
        let own: String? = switch house {
        case .worries: record.houseNames?.worries
        case .goodThings: record.houseNames?.goodThings
        case .dreams: record.houseNames?.dreams
        }
        let standard = try words.catalogue.text("voice.houses.\(house.rawValue)")
        guard let own, !own.isEmpty else { return standard }
        return try words.catalogue.text("voice.houses.named", ["name": Bidi.isolate(own), "house": standard])
    }
}
