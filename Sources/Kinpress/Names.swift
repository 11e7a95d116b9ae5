import KinpressAudience
import KinpressCase
import KinpressCompose
import KinpressLayout
import KinpressLint

// The stages' types a front end names, so that it imports `Kinpress` alone and never a stage.

public typealias Audience = KinpressAudience.Audience
public typealias DocumentKind = KinpressCompose.DocumentKind
public typealias LetterKind = KinpressCompose.LetterKind
public typealias Paper = KinpressLayout.Paper
public typealias CaseReading = KinpressCase.CaseReading
public typealias Diagnostic = KinpressCase.Diagnostic
public typealias Finding = KinpressLint.Finding
public typealias CaseFormatSchema = KinpressCase.CaseFormatSchema
public typealias CouncilProfile = KinpressCase.CouncilProfile
public typealias CouncilReading = KinpressCase.CouncilReading
