// What a `Trainer` reports back: time, throughput, steps, and the files it wants in the run folder
// (curves.csv, id_history.tsv, …), which the host writes atomically.
public struct TrainingOutcome {
    public var seconds: Double
    public var samplesPerSecond: Double
    /// Optimizer steps taken (all phases).
    public var stepsDone: Int
    /// Optimizer steps the schedules were sized for (all phases; a time limit sizes them to fit).
    public var stepsPlanned: Int
    /// File name in the run folder → contents.
    public var files: [(name: String, contents: String)]

    public init(seconds: Double, samplesPerSecond: Double, stepsDone: Int, stepsPlanned: Int? = nil,
                files: [(name: String, contents: String)] = []) {
        self.seconds = seconds
        self.samplesPerSecond = samplesPerSecond
        self.stepsDone = stepsDone
        self.stepsPlanned = stepsPlanned ?? stepsDone
        self.files = files
    }
}
