/// A value read from a case file, before it is checked against the format, with the place it
/// was written. JSON and YAML files both become a tree of these.
public struct SourceNode: Sendable {
    public enum Value: Sendable {
        case scalar(Scalar)
        case sequence([SourceNode])
        case mapping([(key: Scalar, value: SourceNode)])
    }

    /// A single written value: `Riley`, `7.5`, `2026-03-02`, `"true"`.
    public struct Scalar: Sendable {
        /// How YAML reads the scalar: quoted text is always text; plain words may be numbers,
        /// booleans, null or dates.
        public enum Kind: Sendable {
            case text, integer, float, boolean, null, timestamp
        }

        public var text: String
        public var kind: Kind
        public var location: SourceLocation
    }

    public var value: Value
    public var location: SourceLocation

    /// How many nodes the tree holds, counting this one, and a node more for every 64 bytes of
    /// text: used to bound alias expansion, so that repeating a long text many times counts as
    /// much as repeating many values.
    public var size: Int {
        switch value {
        case .scalar(let scalar): return 1 + scalar.text.utf8.count / 64
        case .sequence(let items): return items.reduce(1) { $0 + $1.size }
        case .mapping(let pairs): return pairs.reduce(1) { $0 + 1 + $1.value.size }
        }
    }
}
