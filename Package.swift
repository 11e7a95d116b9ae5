// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kinpress",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kinpress", targets: ["kinpress"]),
        .library(name: "Kinpress", targets: ["Kinpress"]),
        // The first stages on their own, for the fuzzers in Fuzz/ (and other programs).
        .library(name: "KinpressCase", targets: ["KinpressCase"]),
        .library(name: "KinpressCompose", targets: ["KinpressCompose"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // The service: HTTP, its logs and metrics, start and stop, form uploads, token hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // System libraries, through pkg-config.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPictures", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev", "libgdk-pixbuf-2.0-dev"])]),
        // glibc's malloc tuning, for the long-running service.
        .systemLibrary(name: "CMalloc"),
        // What cairo 1.16 cannot write into a PDF (language, alternative text, artifacts), added with qpdf's C++ API.
        .target(name: "CPDFFinish", linkerSettings: [.linkedLibrary("qpdf")]),

        // What both ends of the pipeline share: bidi marks and running independent work on every core.
        .target(name: "KinpressSupport"),

        // Stage 1: read a case file, check it against the format, normalise it.
        .target(name: "KinpressCase", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Stage 2: decide what one reader may see.
        .target(name: "KinpressAudience", dependencies: ["KinpressCase"]),
        // Stage 3: view models and templates into markup, markup into the document model.
        .target(name: "KinpressCompose", dependencies: [
            "KinpressAudience", "KinpressSupport", "CLibXML2",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 4: text, pages and diagrams laid out with Pango.
        .target(name: "KinpressLayout", dependencies: ["KinpressCompose", "KinpressSupport", "CPangoCairo", "CPictures"],
                linkerSettings: [.linkedLibrary("pangoft2-1.0"), .linkedLibrary("fontconfig")]),
        // Stage 5: PDF through Cairo.
        .target(name: "KinpressPDF", dependencies: ["KinpressLayout", "KinpressSupport", "CPangoCairo", "CPDFFinish", "CPictures"]),
        // Stage 5, the other format: one self-contained HTML file per document.
        .target(name: "KinpressHTML", dependencies: ["KinpressLayout", "CLibXML2"]),
        // Plain-language and practice checks a worker runs before printing.
        .target(name: "KinpressLint", dependencies: ["KinpressCase", "KinpressAudience", .product(name: "Yams", package: "Yams")]),
        // The pipeline as one call: render, and later pack and batch.
        .target(name: "Kinpress", dependencies: ["KinpressCase", "KinpressAudience", "KinpressCompose", "KinpressLayout", "KinpressPDF", "KinpressHTML", "KinpressLint", "KinpressSupport"]),
        // The HTTP service a case-management system calls: the facade behind a door with tokens,
        // limits, logs and metrics.
        .target(name: "KinpressService", dependencies: [
            "Kinpress",
            "CMalloc",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The command-line interface: it knows the facade (and the service), never a stage.
        .executableTarget(
            name: "kinpress",
            dependencies: [
                "Kinpress",
                "KinpressService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "KinpressCaseTests",
            dependencies: ["KinpressCase", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KinpressAudienceTests", dependencies: ["KinpressAudience", "KinpressCase"]),
        .testTarget(name: "KinpressLintTests", dependencies: ["KinpressLint", "KinpressCase", "KinpressAudience", .product(name: "Yams", package: "Yams")]),
        // docs/markup.md's list of template variables, checked against the view models.
        .testTarget(name: "KinpressComposeTests", dependencies: ["KinpressCompose", "KinpressCase", "KinpressAudience"]),
        .testTarget(name: "KinpressServiceTests", dependencies: ["KinpressService", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "KinpressRenderTests", dependencies: ["Kinpress", "KinpressCase", "KinpressAudience", "KinpressCompose", "KinpressLayout", "KinpressLint", "KinpressSupport", "CLibXML2"],
                    exclude: ["Fixtures"]),
    ],
    cxxLanguageStandard: .cxx17
)
