import KinpressCompose

/// The 0-to-10 scaling line as a scene: ticks and numbers, each person's latest number as a
/// dot with their name above it (names in rows so none overlap, equal numbers stacked), and
/// earlier numbers as a trail under the line. The PDF and the HTML draw this same scene.
public enum ScaleLine {
    public static func layout(marks: [ScaleMark], width: Double, labelSize: Double, numberSize: Double,
                              measurer: TextMeasuring) -> Scene {
        let left = 14.0, right = width - 14
        func position(_ value: Double) -> Double { left + (right - left) * min(max(value, 0), 10) / 10 }
        func measured(_ text: String, size: Double, bold: Bool, maxWidth: Double) -> Box {
            let size = measurer.measure([text], size: size, bold: bold, maxWidth: maxWidth)
            return Box(x: 0, y: 0, width: size.width, height: size.height)
        }

        // Each person's latest number goes on the line (earlier ones make the trail).
        var latest: [String: ScaleMark] = [:]
        for mark in marks { latest[mark.label] = mark }
        let shown = latest.values.sorted { ($0.value, $0.label) < ($1.value, $1.label) }

        // One name per row above the line, the highest number at the top. Each name ends just
        // left of the line down to its mark, so no line passes through a name below it (names
        // below have lower numbers and stand further left). A name that would run off the left
        // edge stands right of its line instead.
        // Rows as tall as the tallest name needs (Arabic and Urdu letters stand taller than Latin).
        let boxes = shown.map { measured($0.label, size: labelSize, bold: true, maxWidth: width) }
        let labelHeight = max(labelSize * 1.5, (boxes.map(\.height).max() ?? 0) + 1)
        var labels: [(text: String, box: Box, value: Double)] = []
        for (row, mark) in shown.reversed().enumerated() {
            var box = boxes[shown.count - 1 - row]
            let markX = position(mark.value)
            box.x = markX - box.width - 4 >= 0 ? markX - box.width - 4 : markX + 4
            box.y = Double(row) * labelHeight
            labels.append((mark.label, box, mark.value))
        }
        let lineY = Double(labels.count) * labelHeight + 10
        var items: [SceneItem] = [.line(from: Point(left, lineY), to: Point(right, lineY), colour: "scale", width: 2)]
        for tick in 0...10 {
            let x = position(Double(tick))
            items.append(.line(from: Point(x, lineY - 4), to: Point(x, lineY + 4), colour: "scale", width: 1))
            var number = measured(String(tick), size: numberSize, bold: false, maxWidth: 30)
            number.x = x - number.width / 2
            number.y = lineY + 6
            items.append(.text(lines: [String(tick)], box: number, size: numberSize, bold: false, colour: "muted"))
        }
        var stacked: [Double: Int] = [:]
        for label in labels {
            let markX = position(label.value)
            let level = stacked[label.value, default: 0]
            stacked[label.value] = level + 1
            let markY = lineY - Double(level) * 10
            items.append(.line(from: Point(markX, label.box.y + labelHeight * 0.5), to: Point(markX, markY - 4.5), colour: "rule", width: 0.75))
            items.append(.disc(centre: Point(markX, markY), radius: 4.5, colour: "scale"))
            items.append(.text(lines: [label.text], box: label.box, size: labelSize, bold: true, colour: "text"))
        }
        // Progress over time: a person's earlier numbers as open rings below the line, joined by
        // an arrow to where they are now, with whose numbers they are beside it.
        // Each trail's row is as tall as its name needs: a name too long for either side of its
        // arrow is wrapped to the roomier side, and the rows below move down.
        var trails = 0
        var nextRow = lineY + 18.5
        for (name, latestMark) in latest.sorted(by: { $0.key < $1.key }) {
            let history = marks.filter { $0.label == name }
            guard history.count > 1, let first = history.first, first.value != latestMark.value else { continue }
            let from = position(first.value), to = position(latestMark.value)
            let nameSize = numberSize * 0.9
            let leftRoom = min(from, to) - 6, rightRoom = width - (max(from, to) + 6)
            var box = measured(name, size: nameSize, bold: false, maxWidth: width / 3)
            let onLeft = box.width <= leftRoom || (box.width > rightRoom && leftRoom >= rightRoom)
            let room = onLeft ? leftRoom : rightRoom
            let wrapped = box.width > room
            if wrapped { box = measured(name, size: nameSize, bold: false, maxWidth: max(room, 1)) }
            let rowHeight = wrapped ? max(11, box.height + 2) : 11
            let trailY = nextRow + rowHeight / 2
            nextRow += rowHeight
            trails += 1
            for earlier in history.dropLast() {
                items.append(.ring(centre: Point(position(earlier.value), trailY), radius: 3, colour: "scale", width: 1))
            }
            let direction: Double = to > from ? 1 : -1
            let tip = Point(to - 4 * direction, trailY)
            items.append(.line(from: Point(from + 3 * direction, trailY), to: tip, colour: "scale", width: 1))
            items.append(.line(from: tip, to: Point(to - 8 * direction, trailY - 3), colour: "scale", width: 1))
            items.append(.line(from: tip, to: Point(to - 8 * direction, trailY + 3), colour: "scale", width: 1))
            box.x = min(max(onLeft ? min(from, to) - 6 - box.width : max(from, to) + 6, 0), max(width - box.width, 0))
            box.y = trailY - box.height / 2
            items.append(.text(lines: [name], box: box, size: nameSize, bold: false, colour: "muted"))
        }
        let height = lineY + 6 + numberSize * 1.6 + (nextRow - (lineY + 18.5)) + (trails > 0 ? 14 : 0)
        return Scene(width: width, height: height, items: items)
    }
}
