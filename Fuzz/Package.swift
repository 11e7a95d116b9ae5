// swift-tools-version:6.0
// libFuzzer targets for the two parsers that read untrusted text: the case reader (JSON and
// YAML) and the markup parser. Built apart from the main package so that its ordinary builds
// never need libFuzzer. See Fuzz/README.md.
import PackageDescription

let package = Package(
    name: "KinpressFuzz",
    dependencies: [.package(path: "kinpress")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzCaseReader", dependencies: ["FuzzSupport", .product(name: "KinpressCase", package: "kinpress")]),
        .executableTarget(name: "FuzzMarkup", dependencies: ["FuzzSupport", .product(name: "KinpressCompose", package: "kinpress")]),
    ]
)
