// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kinpress",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kinpress", targets: ["kinpress"]),
        .library(name: "KinpressCase", targets: ["KinpressCase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // Stage 1: read a case file, check it against the format, normalise it.
        .target(
            name: "KinpressCase",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The command-line interface.
        .executableTarget(
            name: "kinpress",
            dependencies: [
                "KinpressCase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KinpressCaseTests",
            dependencies: ["KinpressCase", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ]
)
