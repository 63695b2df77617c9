// The built-in reporters, one line each.
public let builtinReporters: [ComponentRegistration] = [
    .init(kind: .reporter, name: "table", summary: "metrics table printed and written to report.md", defaults: NoConfig()) { _ in TableReporter() },
    .init(kind: .reporter, name: "json", summary: "summary.json with metrics, timings and the ID report", defaults: NoConfig()) { _ in JSONReporter() },
]
