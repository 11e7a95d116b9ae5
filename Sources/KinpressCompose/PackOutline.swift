/// A pack template's markup (`documents/pack.mustache`): the pack's own blocks and the places
/// where whole documents go (`<insert document="…"/>`). Only a pack has such places, so they are
/// not blocks: `Composer.composePack` fills them in, and layout and rendering see a plain
/// `Document`.
struct PackOutline {
    indirect enum Item {
        case block(Block)
        /// The document put in this place.
        case insert(DocumentKind)
        /// A section that holds insert points.
        case section(id: String?, items: [Item])
    }

    /// The pack's title, language and other settings, with no blocks: those are `items`.
    var document: Document
    var items: [Item]

    /// The documents the pack inserts, each once, in order.
    var inserts: [DocumentKind] {
        func kinds(_ items: [Item]) -> [DocumentKind] {
            items.flatMap { item -> [DocumentKind] in
                switch item {
                case .block: return []
                case .insert(let kind): return [kind]
                case .section(_, let inner): return kinds(inner)
                }
            }
        }
        var unique: [DocumentKind] = []
        for kind in kinds(items) where !unique.contains(kind) { unique.append(kind) }
        return unique
    }

    /// The pack as a document, each insert point replaced by its document's blocks.
    func filled(with parts: [DocumentKind: [Block]]) -> Document {
        func blocks(_ items: [Item]) -> [Block] {
            items.flatMap { item -> [Block] in
                switch item {
                case .block(let block): return [block]
                case .insert(let kind): return parts[kind] ?? []
                case .section(let id, let inner): return [.section(id: id, blocks: blocks(inner))]
                }
            }
        }
        var pack = document
        pack.blocks = blocks(items)
        return pack
    }
}
