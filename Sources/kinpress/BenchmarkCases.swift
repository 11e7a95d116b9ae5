import ArgumentParser
import Foundation
import Yams

/// Distinct and longer copies of one case file, for the benchmark: timing the same case twice
/// would let a cache serve the repeat, so every copy's sentences differ.
struct BenchmarkCases {
    /// The case file as YAML nodes.
    let root: Node
    /// The case file's folder, for its pictures.
    let folder: URL

    init(root: Node, folder: URL) {
        self.root = root
        self.folder = folder
    }

    init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let root = try Yams.compose(yaml: text) else {
            throw ValidationError("\(file.path) is empty")
        }
        self.root = root
        folder = file.deletingLastPathComponent()
    }

    /// Copy `number`: every text of four words or more has its words rotated by `number`
    /// places (the anchors vary their packs the same way). Ids, dates and names stay as they are.
    func variant(_ number: Int) -> Node {
        Self.rotated(root, by: number)
    }

    /// The case with each list of events, statements, rules and steps repeated `times` times
    /// (each repeat a different variant with its own ids), for a document of hundreds of pages.
    func scaled(_ times: Int) -> Node {
        guard case .mapping(var sections) = root else { return root }
        for (section, value) in sections {
            guard let name = section.string, ["assessment", "safetyPlan", "timeline"].contains(name),
                  case .mapping(var lists) = value else { continue }
            for (key, list) in lists {
                guard let listName = key.string, Self.repeatable.contains(listName), case .sequence(let items) = list else { continue }
                var repeated: [Node] = []
                for copy in 0..<times {
                    repeated += items.map { copy == 0 ? $0 : Self.renamed(Self.rotated($0, by: copy), suffix: "-\(copy)") }
                }
                lists[key] = Node(repeated)
            }
            sections[section] = .mapping(lists)
        }
        return .mapping(sections)
    }

    /// Writes `node` as `name` in `folder`, with a copy of the case's pictures beside it.
    func write(_ node: Node, as name: String, in folder: URL) throws {
        let pictures = self.folder.appendingPathComponent("pictures")
        let copied = folder.appendingPathComponent("pictures")
        if FileManager.default.fileExists(atPath: pictures.path), !FileManager.default.fileExists(atPath: copied.path) {
            try FileManager.default.copyItem(at: pictures, to: copied)
        }
        try Yams.serialize(node: node).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Lists whose items nothing else refers to, so repeats keep the case valid.
    private static let repeatable: Set<String> = ["harm", "complicatingFactors", "strengths", "existingSafety", "grey", "nextSteps", "rules", "events", "journey"]

    private static func rotated(_ node: Node, by places: Int) -> Node {
        switch node {
        case .scalar(let scalar):
            let words = scalar.string.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count >= 4 else { return node }
            let shift = places % words.count
            let text = (words[shift...] + words[..<shift]).joined(separator: " ")
            return .scalar(Node.Scalar(text, scalar.tag, .doubleQuoted))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { ($0.key, rotated($0.value, by: places)) }, mapping.tag, mapping.style))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { rotated($0, by: places) }, sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }

    /// An item with `suffix` added to its own `id`.
    private static func renamed(_ item: Node, suffix: String) -> Node {
        guard case .mapping(var mapping) = item, let id = mapping["id"]?.string else { return item }
        mapping["id"] = Node(id + suffix)
        return .mapping(mapping)
    }
}
