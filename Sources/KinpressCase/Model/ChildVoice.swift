/// What a child said and made: the child's own words, and the Three Houses and Safety House
/// records made with them. Kept in the child's own words, never reworded.

/// Something the child said, quoted exactly, with when and how they were seen.
public struct Said: Codable, Equatable, Sendable {
    public var text: String
    public var date: CaseDate?
    /// How and where the child was seen: "on their own at school".
    public var how: String?
    public var visibility: Visibility
}

/// Who besides the child may see a record the child made: the child's consent.
public enum Sharing: String, Codable, Sendable {
    case family, network, conference
}

/// One of the three houses.
public enum House: String, Codable, Sendable, CaseIterable {
    case worries, goodThings, dreams
}

public struct HouseItem: Codable, Equatable, Sendable {
    public enum Writer: String, Codable, Sendable { case child, worker }

    public var text: String
    public var writtenBy: Writer?
    public var picture: Picture?
    public var pictureDescription: String?
}

public struct HouseNames: Codable, Equatable, Sendable {
    public var worries: String?
    public var goodThings: String?
    public var dreams: String?
}

public struct ThreeHouses: Codable, Equatable, Sendable {
    public var id: String
    public var date: CaseDate
    /// The worker who made it with the child.
    public var by: String
    public var worries: [HouseItem]
    public var goodThings: [HouseItem]
    public var dreams: [HouseItem]
    public var houseNames: HouseNames?
    public var startedWith: House?
    public var readBack: Bool?
    public var shareWith: [Sharing]
    public var visibility: Visibility

    /// The items of one house.
    public func items(in house: House) -> [HouseItem] {
        switch house {
        case .worries: return worries
        case .goodThings: return goodThings
        case .dreams: return dreams
        }
    }
}

public struct SafetyHouse: Codable, Equatable, Sendable {
    /// Someone the child placed, with what the child says about them.
    public struct Placed: Codable, Equatable, Sendable {
        public var person: String
        public var says: String?
    }

    public struct Rule: Codable, Equatable, Sendable {
        public var text: String
        /// The safety plan rule it matches.
        public var rule: String?
    }

    public struct Path: Codable, Equatable, Sendable {
        /// 0: far from the house; 10: at the door, safe.
        public var now: Double
        public var closerWhen: String?
    }

    public var id: String
    public var date: CaseDate
    public var by: String
    public var inside: [Placed]
    public var visitors: [Placed]
    public var outside: [Placed]
    public var rules: [Rule]
    public var ifRuleBroken: String?
    public var path: Path
    public var shareWith: [Sharing]
    public var visibility: Visibility
}
