// swift-tools-version:5.10
// IDGenRec — generative recommendation with swappable item-ID strategies.
// Layers (dependencies point down only): CLI → Host → Plugins → Kernel → C shims (OpenBLAS, json-c) and
// CVector (the Kernel's exponential loops, built per CPU vector width).
import PackageDescription

let optimize: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))]

let package = Package(
    name: "IDGenRec",
    products: [
        .executable(name: "idgenrec", targets: ["idgenrec"]),
        .library(name: "IDGenKernel", targets: ["IDGenKernel"]),
        .library(name: "IDGenPlugins", targets: ["IDGenPlugins"]),
        .library(name: "IDGenHost", targets: ["IDGenHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System-library shims: nothing but Kernel (and Host's plugin bridge for json-c) imports these.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CJSON", path: "Sources/CJSON", pkgConfig: "json-c",
                       providers: [.apt(["libjson-c-dev"])]),
        // Vector math that needs the CPU's widest vectors, chosen at load time (Swift builds for one CPU).
        .target(name: "CVector", path: "Sources/CVector", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "IDGenKernel", dependencies: ["CBLAS", "CJSON", "CVector"], path: "Sources/Kernel",
                swiftSettings: optimize),
        .target(name: "IDGenPlugins", dependencies: ["IDGenKernel"], path: "Sources/Plugins",
                exclude: ["README.md"], swiftSettings: optimize),
        .target(name: "IDGenHost",
                dependencies: ["IDGenPlugins", "IDGenKernel", "CJSON", .product(name: "Logging", package: "swift-log")],
                path: "Sources/Host", swiftSettings: optimize),
        .executableTarget(name: "idgenrec",
                          dependencies: ["IDGenHost", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          path: "Sources/CLI", swiftSettings: optimize),
        .executableTarget(name: "idgenrec-bench",
                          dependencies: ["IDGenHost", "IDGenPlugins", "IDGenKernel", "CBLAS"],
                          path: "benchmarks/Sources/Bench", swiftSettings: optimize),
        .testTarget(name: "KernelTests", dependencies: ["IDGenKernel", "CVector"], path: "Tests/KernelTests"),
        .testTarget(name: "PluginsTests", dependencies: ["IDGenPlugins", "IDGenKernel"], path: "Tests/PluginsTests"),
        .testTarget(name: "HostTests", dependencies: ["IDGenHost", "IDGenPlugins", "IDGenKernel"], path: "Tests/HostTests"),
        .testTarget(name: "CLITests", dependencies: ["idgenrec"], path: "Tests/CLITests"),
    ],
    swiftLanguageVersions: [.v5]
)
