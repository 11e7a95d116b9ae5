import KinpressSupport

/// The network map document: everyone around the children in three circles, and the same as a
/// table for people who cannot see the picture.
struct NetworkMapBuilder {
    let words: Words

    struct View {
        var header: HeaderView
        var strings: [String: Any]
        var intro: String
        var networkMap: NetworkMapView
        var rows: [Row]
        /// Columns left out when nobody in the table has that fact recorded.
        var showNetwork: Bool
        var showInformed: Bool
    }

    struct Row {
        var name: String
        var relationship: String
        var circle: String
        var network: String
        var informed: String
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let children = try words.childrenNames()
        let title = try catalogue.text("network.title", ["children": children])
        let header = try words.header(title: title, runningTitle: title)
        let people = words.visible.file.people.sorted { ($0.circle, $0.name) < ($1.circle, $1.name) }
        let yes = try catalogue.text("network.yes"), no = try catalogue.text("network.no")
        // Only what was recorded is printed: an unrecorded fact is a blank, never a "no".
        let rows = try people.map { person throws(TemplateError) in
            Row(name: try words.name(person.id), relationship: Bidi.isolate(person.relationship),
                circle: try catalogue.text("network.circleName\(person.circle)"),
                network: person.inSafetyNetwork ? yes : "", informed: person.informedOfWorries.map { $0 ? yes : no } ?? "")
        }
        return View(header: header, strings: words.strings, intro: try catalogue.text("network.intro", ["children": children]),
                    networkMap: try words.networkMap(), rows: rows,
                    showNetwork: people.contains(where: \.inSafetyNetwork), showInformed: people.contains { $0.informedOfWorries != nil })
    }
}
