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

    /// How many nodes the tree holds, counting this one; used to bound alias expansion.
    public var size: Int {
        switch value {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + $1.size }
        case .mapping(let pairs): return pairs.reduce(1) { $0 + 1 + $1.value.size }
        }
    }
}
