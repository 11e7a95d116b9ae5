/// Decides where tables break: whole rows, the header repeated, short tables kept on one page, tall rows let flow.
import Foundation
import KinpressCompose

extension FlowBuilder {
    mutating func addTable(_ table: Table, x: Double, width: Double, path: [StructureElement]) {
        let tableElement = element("Table")
        let total = table.widths.reduce(0, +)
        let columns = table.widths.map { $0 / max(total, 0.001) * width }
        let padding = theme.font.size * 0.4
        var header: FlowBox?
        if let cells = table.header {
            header = row(cells, header: true, rowHeader: false, columns: columns, x: x, padding: padding, path: path + [tableElement])
            var first = header!
            first.keepWithNext = true
            first.spaceBefore = theme.spacing.paragraph * 0.5
            first.table = TableLink(id: tableElement.id, headerItems: [], headerHeight: 0)
            items.append(.box(first))
        }
        for (index, cells) in table.rows.enumerated() {
            var box = row(cells, header: false, rowHeader: table.rowHeaders, columns: columns, x: x, padding: padding, path: path + [tableElement])
            box.table = TableLink(id: tableElement.id, headerItems: header?.items ?? [], headerHeight: header?.height ?? 0)
            if index == 0 && header == nil { box.spaceBefore = theme.spacing.paragraph * 0.5 }
            if index == table.rows.count - 1 { box.spaceAfter = theme.spacing.paragraph * 1.5 }
            // A small table (up to four rows) stays on one page; a longer one leaves no single
            // row alone at either end of a page.
            if index < table.rows.count - 1, table.rows.count <= 4 || index == 0 || index == table.rows.count - 2 { box.keepWithNext = true }
            if box.height > (geometry.bottom - geometry.top) * 0.8 {
                addTallRow(box, spaceAfter: box.spaceAfter)
            } else {
                items.append(.box(box))
            }
        }
    }

    /// A row too tall for a page (a very long text in a cell) cannot stay whole: its cells
    /// follow one another, each free to break between lines, still tagged as one row.
    mutating func addTallRow(_ box: FlowBox, spaceAfter: Double) {
        for item in box.items where !item.isArtifact {
            guard case .text(let block, _, let x, _) = item.mark else { continue }
            items.append(.text(FlowText(block: block, x: x, structure: item.structure, spaceBefore: 0, spaceAfter: theme.spacing.paragraph)))
        }
        keepSpace(after: spaceAfter)
    }

    /// Makes sure the last text is followed by at least `space`.
    mutating func keepSpace(after space: Double) {
        if case .text(var last)? = items.last {
            last.spaceAfter = max(last.spaceAfter, space)
            items[items.count - 1] = .text(last)
        }
    }

    /// One row: `header`, the row of column headers; `rowHeader`, a row whose first cell heads it.
    /// Header cells are bold.
    mutating func row(_ cells: [Inline], header: Bool, rowHeader: Bool, columns: [Double], x: Double, padding: Double,
                              path: [StructureElement]) -> FlowBox {
        let rowElement = element("TR")
        var style = body
        style.lineHeight = 1.3
        var marks: [PlacedItem] = []
        var height = 0.0
        var cellX = x
        for (index, width) in columns.enumerated() {
            let heads = header || (rowHeader && index == 0)
            let cell = heads ? element("TH", scope: header ? "Column" : "Row") : element("TD")
            style.bold = heads
            let runs = index < cells.count ? cells[index] : []
            let block = text(runs, style, width: width - 2 * padding)
            height = max(height, block.height + 2 * padding)
            marks.append(PlacedItem(.text(block, lines: 0..<block.lines.count, x: cellX + padding, y: padding), structure: path + [rowElement, cell]))
            cellX += width
        }
        let rule = Colour(theme, "rule")
        var decoration: [PlacedItem] = []
        if header {
            decoration.append(PlacedItem(.rectangle(x: x, y: 0, width: cellX - x, height: height, fill: Colour(theme, "tableHeader"), stroke: nil, lineWidth: 0), artifact: true))
        }
        decoration.append(PlacedItem(.line(x1: x, y1: height, x2: cellX, y2: height, colour: rule, width: header ? 1 : 0.5), artifact: true))
        return FlowBox(height: height, items: decoration + marks, spaceBefore: 0, spaceAfter: 0)
    }
}
