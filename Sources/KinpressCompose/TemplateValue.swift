import Mustache

/// A view model as the template engine reads it. swift-mustache finds a struct's field by
/// reflecting on the value at every lookup, and on every value up the context stack when a name
/// is not found there; reflection was a fifth of a pack's time. `TemplateValue.reading` walks a
/// view model once, reading each struct's stored fields into a table, so a lookup is a
/// dictionary read. What a template sees is the same: the same names and values, an absent
/// optional still absent (so a name still falls through to the section around it).
struct TemplateValue: MustacheParent {
    private let fields: [String: Any]

    func child(named name: String) -> Any? {
        fields[name]
    }

    /// `value` with every struct in it read into a table once; nil for an absent optional.
    static func reading(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { reading($0.value) }
        case .struct:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = reading(child.value) else { continue }
                fields[label] = field
            }
            return TemplateValue(fields: fields)
        case .collection:
            // A list keeps its absent items out, as the engine skips them.
            return value is [String] ? value : mirror.children.compactMap { reading($0.value) }
        default:
            // Text, numbers, flags and the catalogue's dictionaries: read as they are.
            return value
        }
    }
}
