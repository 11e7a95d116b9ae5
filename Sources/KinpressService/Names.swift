import Kinpress

/// Kinpress's `Request` (what to make), named apart from Hummingbird's `Request` (what arrived).
typealias KinpressRequest = Request
