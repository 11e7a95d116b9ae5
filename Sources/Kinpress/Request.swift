import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLayout
import KinpressLint
import KinpressSupport

/// What a front end (the command line, a batch, a service) asks Kinpress to make from one case:
/// which documents or packs, for which readers, in which formats, and how they look.
public struct Request: Sendable {
    /// One thing Kinpress makes.
    public enum Product: Hashable, Sendable {
        case document(DocumentKind)
        /// A meeting pack; `draft` marks every page DRAFT.
        case pack(draft: Bool)
        /// A letter to one person (an id in `people` or `children`), read as that person reads:
        /// `Kinpress.letterItems` gives each with its reader.
        case letter(LetterKind, to: String)

        /// The reader it is for when none is named: Words and Pictures for the child, other
        /// documents for the family, a pack for the chair.
        public var defaultAudience: Audience {
            switch self {
            case .document(let kind): return kind.defaultAudience
            case .pack: return .professional
            case .letter: return .family
            }
        }

        /// `safety-plan`, `pack`: the name files and reports use.
        public var name: String {
            switch self {
            case .document(let kind): return kind.rawValue
            case .pack: return "pack"
            case .letter(let kind, _): return "\(kind.rawValue)-letter"
            }
        }
    }

    /// One output: a product for one reader in one format.
    public struct Item: Hashable, Sendable {
        public var product: Product
        public var audience: Audience
        public var format: Format

        public init(_ product: Product, for audience: Audience, as format: Format) {
            self.product = product
            self.audience = audience
            self.format = format
        }

        /// `safety-plan-family.pdf`, `pack-professional.html`; a letter by its recipient alone,
        /// in a folder of its kind: `invitation-letters/mum.pdf`.
        public var fileName: String {
            if case .letter(let kind, _) = product, let own = recipientFileName { return "\(kind.rawValue)-letters/\(own)" }
            return "\(product.name)-\(audience.rawValue).\(format.fileExtension)"
        }

        /// A letter's own file, named by its recipient's id: `mum.pdf`; nil for anything else.
        public var recipientFileName: String? {
            guard case .letter(_, let recipient) = product else { return nil }
            return "\(recipient).\(format.fileExtension)"
        }
    }

    public var products: [Product]
    /// Nil: each product for its own reader (`Product.defaultAudience`). A pack is never made
    /// for a child.
    public var audiences: [Audience]?
    public var formats: [Format]
    public var look: Look
    /// Refuse a case with empty texts, or with lint errors for the reader.
    public var strict: Bool
    /// Shape a long document's text on two cores at once: for one document at a time, not for a
    /// batch that keeps every core busy with its own cases.
    public var layoutInParallel: Bool
    /// The one child whose own documents (Three Houses, Safety House, the child's safety plan)
    /// are made; nil: every child's, each on pages of their own.
    public var child: String?
    /// For a batch: the letters each case's meeting sends, one per recipient and format
    /// (`Kinpress.letterItems`), beside the products.
    public var letters: [LetterKind] = []

    public init(_ products: [Product], audiences: [Audience]? = nil, formats: [Format] = [.pdf], look: Look = Look(), strict: Bool = false,
                layoutInParallel: Bool = true) {
        self.products = products
        self.audiences = audiences
        self.formats = formats
        self.look = look
        self.strict = strict
        self.layoutInParallel = layoutInParallel
    }

    /// One product for one reader in one format.
    public init(_ item: Item, look: Look = Look(), strict: Bool = false) {
        self.init([item.product], audiences: [item.audience], formats: [item.format], look: look, strict: strict)
    }

    /// Every output the request asks for, documents first, in the order given.
    public var items: [Item] {
        products.flatMap { product in
            (audiences ?? [product.defaultAudience]).filter { audience in
                if case .pack = product { return audience != .child }
                return true
            }.flatMap { audience in formats.map { Item(product, for: audience, as: $0) } }
        }
    }
}

/// How documents look: a theme from the templates folder, and the paper for PDF.
public struct Look: Sendable, Hashable {
    public var theme: String
    public var paper: Paper

    public init(theme: String = "default", paper: Paper = .a4) {
        self.theme = theme
        self.paper = paper
    }
}

/// One thing Kinpress made, with what the worker should know about it.
public struct Output: Sendable {
    public var item: Request.Item
    public var bytes: [UInt8]
    /// Pages, for PDF.
    public var pages: Int?
    /// The document's title (names in it are bidi isolates, as in the document).
    public var title: String
    /// Texts no installed font can show, at their fields; the child's story read for a child.
    public var warnings: [Finding]
    /// For a pack for anyone but the chair: what it leaves out, for the chair to check.
    public var chairList: ChairList?

    /// The title without bidi marks, which a terminal prints as boxes.
    public var plainTitle: String { Bidi.withoutIsolates(title) }
}
