import KinpressSupport

/// The network map document: everyone around the children in three circles, and the same as a
/// table for people who cannot see the picture.
struct NetworkMapBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.network.title`.
        var strings: [String: Any]
        /// The opening paragraph.
        var intro: String
        /// The map of everyone around the children.
        var networkMap: NetworkMapView
        /// The same people as a table, circle by circle, then by name.
        var rows: [Row]
        /// Whether anyone in the table is in the safety network; the column is left out otherwise.
        var showNetwork: Bool
        /// Whether anyone's knowing about the worries is recorded; the column is left out otherwise.
        var showInformed: Bool
    }

    struct Row {
        /// The person's name.
        var name: String
        /// Who they are to the children.
        var relationship: String
        /// The circle's name.
        var circle: String
        /// "Yes" when in the safety network, else empty.
        var network: String
        /// "Yes" or "No" when recorded, else empty.
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
            Row(name: try words.name(person.id), relationship: words.relationship(of: person),
                circle: try catalogue.text("network.circleName\(person.circle)"),
                network: person.inSafetyNetwork ? yes : "", informed: person.informedOfWorries.map { $0 ? yes : no } ?? "")
        }
        return View(header: header, strings: words.strings, intro: try catalogue.text("network.intro", ["children": children]),
                    networkMap: try words.networkMap(), rows: rows,
                    showNetwork: people.contains(where: \.inSafetyNetwork), showInformed: people.contains { $0.informedOfWorries != nil })
    }
}
