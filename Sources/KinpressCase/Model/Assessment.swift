/// The mapping: what people are worried about, what is working well, what needs to happen.
public struct Assessment: Codable, Equatable, Sendable {
    public var date: CaseDate?
    public var harm: [Statement]
    public var complicatingFactors: [Statement]
    public var strengths: [Statement]
    public var existingSafety: [Statement]
    public var dangerStatements: [DangerStatement]
    public var safetyGoals: [SafetyGoal]
    public var bottomLines: [Statement]
    public var nextSteps: [NextStep]
    public var scaling: [Scale]
    public var grey: [Statement]
}

public struct Statement: Codable, Equatable, Sendable {
    public var id: String?
    public var text: String
    public var date: CaseDate?
    public var about: [String]
    public var source: String?
    public var disputedBy: [String]
    public var visibility: Visibility
}

public struct DangerStatement: Codable, Equatable, Sendable {
    public var id: String
    public var worriedPeople: [String]
    public var worry: String
    public var children: [String]
    public var ifNothingChanges: String?
    public var text: String?
    public var disputedBy: [String]
    public var familyView: String?
    public var visibility: Visibility
}

public struct SafetyGoal: Codable, Equatable, Sendable {
    public var id: String
    public var text: String
    public var dangerStatements: [String]
    public var howLong: String?
    public var visibility: Visibility
}

public struct NextStep: Codable, Equatable, Sendable {
    public var text: String
    public var who: [String]
    public var by: CaseDate?
    public var done: Bool
    public var visibility: Visibility
}

public struct Scale: Codable, Equatable, Sendable {
    public struct Score: Codable, Equatable, Sendable {
        public var person: String
        /// 0 to 10 in halves.
        public var score: Double
        public var said: String?
        public var oneStepUp: String?
        public var date: CaseDate?
        public var visibility: Visibility
    }

    public var id: String
    public var question: String
    public var zero: String
    public var ten: String
    public var about: String?
    public var scores: [Score]
    public var visibility: Visibility
}
