import Foundation
import IDGenHost

/// A reporter that throws while `failing` is set: a run that breaks after training and evaluation (its
/// metrics already written), as a configuration error found late would. Registered as "flaky".
final class FlakyReporter: RunReporter {
    static var failing = false

    static let registration = ComponentRegistration(kind: .reporter, name: "flaky", summary: "fails while the test says so",
                                                    config: NoConfig.self) { _ in FlakyReporter() }

    func report(_ summary: RunSummary, to folder: URL) throws -> String {
        if Self.failing { throw RunError(stage: "reporters", "flaky: failing as the test asked") }
        return ""
    }
}
