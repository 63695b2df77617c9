// The `reporter` component: turns a finished run's numbers into files under the run folder (and, for the
// table reporter, the terminal). Reporters never compute metrics; they present `RunSummary`.
import Foundation

/// What a run produced, as reporters see it.
public struct RunSummary {
    public var experiment: String
    public var dataset: String
    public var itemIDs: String                      // the item-ids strategy name
    public var metrics: [(name: String, value: Double)]
    public var users: Int
    public var trainingSeconds: Double
    public var samplesPerSecond: Double
    public var decodeMillisecondsPerUser: Double
    public var idReport: [String]                   // ID report card lines
    public var notes: [String]                      // data lint, loader and split remarks

    public init(experiment: String, dataset: String, itemIDs: String, metrics: [(name: String, value: Double)], users: Int,
                trainingSeconds: Double, samplesPerSecond: Double, decodeMillisecondsPerUser: Double,
                idReport: [String], notes: [String]) {
        self.experiment = experiment
        self.dataset = dataset
        self.itemIDs = itemIDs
        self.metrics = metrics
        self.users = users
        self.trainingSeconds = trainingSeconds
        self.samplesPerSecond = samplesPerSecond
        self.decodeMillisecondsPerUser = decodeMillisecondsPerUser
        self.idReport = idReport
        self.notes = notes
    }
}

public protocol RunReporter {
    /// Writes this reporter's files into `folder`; returns what it wants printed (may be empty).
    func report(_ summary: RunSummary, to folder: URL) throws -> String
}
