/// Every block of a tree in reading order, each before the blocks it holds (a section's, a
/// callout's, a language part's, each list item's), as swift-markdown's `MarkupWalker` visits
/// markup. Passes that look for some kinds of block (headings, pictures, words) read the tree
/// through it rather than each recursing by hand; a renderer, which must handle every kind,
/// keeps its own exhaustive switch.
public struct BlockWalker: Sequence, IteratorProtocol {
    /// What is still to visit, the next block last.
    private var pending: [Block]

    public init(_ blocks: [Block]) {
        pending = blocks.reversed()
    }

    public mutating func next() -> Block? {
        guard let block = pending.popLast() else { return nil }
        pending += block.children.reversed()
        return block
    }
}

/// Rebuilds a tree of blocks from the inside out, as swift-markdown's `MarkupRewriter` does:
/// the blocks inside a block are rewritten first, then the block itself goes through `rewrite`.
/// One rule (re-levelling headings, prefixing ids) then reaches every block however deep.
public struct BlockRewriter {
    private let rewrite: (Block) -> Block

    public init(_ rewrite: @escaping (Block) -> Block) {
        self.rewrite = rewrite
    }

    public func callAsFunction(_ blocks: [Block]) -> [Block] {
        blocks.map(callAsFunction)
    }

    public func callAsFunction(_ block: Block) -> Block {
        rewrite(block.mappingChildren(callAsFunction))
    }
}

extension Block {
    /// The blocks directly inside this one, in reading order (a list's items one after another).
    public var children: [Block] {
        switch self {
        case .section(_, let blocks), .callout(_, _, let blocks), .language(_, _, let blocks): return blocks
        case .list(_, _, let items): return Array(items.joined())
        case .heading, .paragraph, .table, .figure, .signatures, .contents, .timeline, .picture, .letterhead, .pageBreak, .bodyStart: return []
        }
    }

    /// The block with each block directly inside it replaced by `transform`'s result.
    func mappingChildren(_ transform: (Block) -> Block) -> Block {
        switch self {
        case .section(let id, let blocks): return .section(id: id, blocks: blocks.map(transform))
        case .callout(let kind, let title, let blocks): return .callout(kind: kind, title: title, blocks: blocks.map(transform))
        case .language(let code, let rightToLeft, let blocks): return .language(code: code, rightToLeft: rightToLeft, blocks: blocks.map(transform))
        case .list(let ordered, let icon, let items): return .list(ordered: ordered, icon: icon, items: items.map { $0.map(transform) })
        case .heading, .paragraph, .table, .figure, .signatures, .contents, .timeline, .picture, .letterhead, .pageBreak, .bodyStart: return self
        }
    }

    /// The block with every text it holds itself (not its children's) replaced by `transform`'s
    /// result: a heading's or paragraph's words, a callout's title, a table's cells, a caption.
    func mappingText(_ transform: (Inline) -> Inline) -> Block {
        switch self {
        case .heading(let level, let id, let text): return .heading(level: level, id: id, text: transform(text))
        case .paragraph(let style, let text): return .paragraph(style: style, text: transform(text))
        case .callout(let kind, let title, let blocks): return .callout(kind: kind, title: title.map(transform), blocks: blocks)
        case .table(var table):
            table.header = table.header.map { $0.map(transform) }
            table.rows = table.rows.map { $0.map(transform) }
            return .table(table)
        case .figure(var figure):
            figure.caption = figure.caption.map(transform)
            return .figure(figure)
        case .list, .section, .language, .signatures, .contents, .timeline, .picture, .letterhead, .pageBreak, .bodyStart: return self
        }
    }
}
