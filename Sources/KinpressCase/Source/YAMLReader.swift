import Foundation
import Yams
// Yams composes recursively and expands aliases without a limit, and its duplicate-key check
// hashes whole subtrees: a hostile file can make it run for hours. Kinpress therefore reads the
// event stream of the libyaml parser that Yams bundles and builds the tree itself, iteratively,
// with bounds on nesting and on alias expansion. Yams' resolver still decides how plain scalars
// are read, so Kinpress reads YAML exactly as Yams does.
import CYaml

/// Reads YAML (and JSON, which is YAML's flow style) into a `SourceNode` tree with positions.
struct YAMLReader {
    /// Deeper than any case file needs; stops hostile files long before the stack is at risk.
    static let maximumDepth = 100

    /// How many values aliases may add to the tree, for a file of `byteCount` bytes. Without
    /// aliases a file cannot hold more values than it has bytes; aliases are what can blow it up.
    static func aliasBudget(byteCount: Int) -> Int {
        10_000 + byteCount / 16
    }

    struct Failure: Error {
        var location: SourceLocation?
        var path: FieldPath = .root
        var message: String

        func at(_ path: FieldPath) -> Failure {
            var copy = self
            copy.path = path
            return copy
        }
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> SourceNode {
        var reader = EventReader(budget: aliasBudget(byteCount: bytes.count))
        let outcome: Result<SourceNode, Failure> = bytes.withUnsafeBufferPointer { buffer in
            reader.run(buffer)
        }
        return try outcome.get()
    }
}

private struct EventReader {
    let budget: Int
    var nodesFromAliases = 0
    /// Each anchored value with its size, counted once.
    var anchors: [String: (node: SourceNode, size: Int)] = [:]
    /// How plain scalars already met read: the resolver runs several regular expressions, and
    /// case files repeat the same words (kinds, statuses, dates) many times.
    var plainKinds: [String: SourceNode.Scalar.Kind] = [:]

    init(budget: Int) {
        self.budget = budget
    }

    /// A collection being built while its children are read.
    private enum Frame {
        case sequence(location: SourceLocation, anchor: String?, items: [SourceNode])
        case mapping(location: SourceLocation, anchor: String?, pairs: [(key: SourceNode.Scalar, value: SourceNode)], pendingKey: SourceNode.Scalar?)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<SourceNode, YAMLReader.Failure> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(.init(location: nil, message: "the YAML reader could not start (out of memory)"))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var stack: [Frame] = []
        var root: SourceNode?
        var documents = 0

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(Self.syntaxFailure(parser).at(Self.path(of: stack)))
            }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)

            var finished: (node: SourceNode, anchor: String?)?
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                guard let root else {
                    return .failure(.init(location: nil, message: "the file is empty apart from comments. A case file starts with format: 1"))
                }
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(.init(location: location, path: Self.path(of: stack), message: "the file holds a second document (after ---). A case file holds one case only: split it into two files"))
                }
                continue
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let (node, size) = anchors[name] else {
                    return .failure(.init(location: location, path: Self.path(of: stack), message: "*\(name) refers to an anchor &\(name) that is not defined before it"))
                }
                nodesFromAliases += size
                if nodesFromAliases > budget {
                    return .failure(.init(location: location, path: Self.path(of: stack), message: "the alias *\(name) repeats so much of the file that it would grow beyond any real case (an alias bomb). Write the values out instead of using aliases"))
                }
                finished = (node, nil)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let tag = Self.string(scalar.tag)
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                let kind: SourceNode.Scalar.Kind
                if plain, tag == nil || tag == "!" {
                    if let known = plainKinds[text] {
                        kind = known
                    } else {
                        kind = Self.kind(text: text, tag: tag, plain: true)
                        if plainKinds.count < 100_000 { plainKinds[text] = kind }
                    }
                } else {
                    kind = Self.kind(text: text, tag: tag, plain: plain)
                }
                finished = (SourceNode(value: .scalar(.init(text: text, kind: kind, location: location)), location: location), Self.string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                if stack.count >= YAMLReader.maximumDepth { return .failure(Self.tooDeep(location).at(Self.path(of: stack))) }
                stack.append(.sequence(location: location, anchor: Self.string(event.data.sequence_start.anchor), items: []))
                continue
            case YAML_MAPPING_START_EVENT:
                if stack.count >= YAMLReader.maximumDepth { return .failure(Self.tooDeep(location).at(Self.path(of: stack))) }
                stack.append(.mapping(location: location, anchor: Self.string(event.data.mapping_start.anchor), pairs: [], pendingKey: nil))
                continue
            case YAML_SEQUENCE_END_EVENT:
                guard case .sequence(let start, let anchor, let items)? = stack.popLast() else { continue }
                finished = (SourceNode(value: .sequence(items), location: start), anchor)
            case YAML_MAPPING_END_EVENT:
                guard case .mapping(let start, let anchor, let pairs, _)? = stack.popLast() else { continue }
                finished = (SourceNode(value: .mapping(pairs), location: start), anchor)
            default:
                continue
            }

            guard let (node, anchor) = finished else { continue }
            if let anchor { anchors[anchor] = (node, node.size) }
            switch stack.popLast() {
            case nil:
                root = node
            case .sequence(let start, let seqAnchor, var items)?:
                items.append(node)
                stack.append(.sequence(location: start, anchor: seqAnchor, items: items))
            case .mapping(let start, let mapAnchor, var pairs, let pendingKey)?:
                if let key = pendingKey {
                    pairs.append((key, node))
                    stack.append(.mapping(location: start, anchor: mapAnchor, pairs: pairs, pendingKey: nil))
                } else {
                    guard case .scalar(let key) = node.value else {
                        return .failure(.init(location: node.location, path: Self.path(of: stack), message: "a key here is a list or a mapping. Keys must be single words such as name:"))
                    }
                    if let first = pairs.first(where: { $0.key.text == key.text }) {
                        return .failure(.init(location: key.location, path: Self.path(of: stack).appending(key.text), message: "the key \"\(key.text)\" is written twice in the same place (first at line \(first.key.location.line)). Keep one of them"))
                    }
                    stack.append(.mapping(location: start, anchor: mapAnchor, pairs: pairs, pendingKey: key))
                }
            }
        }
    }

    /// The path of the value being read: each open collection's current slot.
    private static func path(of stack: [Frame]) -> FieldPath {
        var path = FieldPath.root
        for frame in stack {
            switch frame {
            case .sequence(_, _, let items): path = path.appending(items.count)
            case .mapping(_, _, _, let pendingKey?): path = path.appending(pendingKey.text)
            case .mapping: break
            }
        }
        return path
    }

    private static func tooDeep(_ location: SourceLocation) -> YAMLReader.Failure {
        .init(location: location, message: "values are nested more than \(YAMLReader.maximumDepth) levels deep here. No case file needs this: check the brackets and indentation")
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static let textTag = Tag.Name.str.rawValue

    /// Classifies a scalar the way Yams does: quoted scalars are text; plain ones go through
    /// Yams' default resolver; an explicit tag wins.
    private static func kind(text: String, tag: String?, plain: Bool) -> SourceNode.Scalar.Kind {
        let name: Tag.Name
        if let tag, tag != "!" {
            name = Tag.Name(rawValue: tag)
        } else if !plain {
            return .text
        } else {
            name = Resolver.default.resolveTag(of: Node.scalar(.init(text)))
        }
        switch name {
        case .int: return .integer
        case .float: return .float
        case .bool: return .boolean
        case .null: return .null
        case .timestamp: return .timestamp
        default: return .text
        }
    }

    private static func syntaxFailure(_ parser: yaml_parser_t) -> YAMLReader.Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "the file could not be read"
        let mark = parser.problem_mark
        if problem.contains("nesting level") {
            return .init(location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                         message: "values are nested more than \(YAMLReader.maximumDepth) levels deep here. No case file needs this: check the brackets and indentation")
        }
        var message = "this is not valid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) that started at line \(parser.context_mark.line + 1))"
        }
        if problem.contains("tab") {
            message += ". Indent with spaces, not tabs"
        }
        return .init(location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1), message: message)
    }
}
