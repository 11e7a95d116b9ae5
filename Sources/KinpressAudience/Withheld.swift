import Foundation
import KinpressCase

/// Something a reader's copy leaves out, for the chair who checks that copy before it is sent.
public struct WithheldItem: Sendable, Equatable {
    /// Where it is in the case file: `assessment.harm[2]`, `people[4].address`.
    public var field: String
    /// Who may see it: `professionals` or `adults`.
    public var visibility: Visibility
    /// The start of its words, so the chair knows which item it is.
    public var summary: String
}

extension Audience {
    /// Everything in `file` this reader's documents leave out, by field path: each item whose
    /// visibility the reader may not see (what is inside a withheld item goes with it). The same
    /// rule as `project`, read from the file as written, so the paths match the case file.
    public func withheld(from file: CaseFile) -> [WithheldItem] {
        // A reader who sees everything (the chair) has nothing withheld: no need to look.
        guard !Visibility.allCases.allSatisfy(sees) else { return [] }
        guard let data = try? JSONEncoder().encode(file), let tree = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var found: [WithheldItem] = []
        func visit(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                if let raw = object["visibility"] as? String, let visibility = Visibility(rawValue: raw), !sees(visibility) {
                    found.append(WithheldItem(field: path, visibility: visibility, summary: Self.summary(of: object)))
                    return
                }
                for key in object.keys.sorted(by: { Self.order($0) < Self.order($1) }) {
                    visit(object[key]!, path: path.isEmpty ? key : "\(path).\(key)")
                }
            } else if let array = value as? [Any] {
                for (index, item) in array.enumerated() { visit(item, path: "\(path)[\(index)]") }
            }
        }
        visit(tree, path: "")
        return found
    }

    /// Sections in the order the case format lists them, then the rest by name.
    private static func order(_ key: String) -> String {
        let sections = ["format", "case", "children", "people", "assessment", "safetyPlan", "timeline", "wordsAndPictures", "meeting"]
        return sections.firstIndex(of: key).map { String(format: "%02d", $0) } ?? "99\(key)"
    }

    private static func summary(of object: [String: Any]) -> String {
        for key in ["text", "worry", "rule", "title", "name", "value", "question", "sign", "heading", "what"] {
            if let text = object[key] as? String {
                let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
                return line.count > 90 ? line.prefix(90) + "…" : line
            }
        }
        return ""
    }
}
