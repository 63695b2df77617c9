// Where and how alternate training keeps resumable state. The trainer owns the models and the curves; the
// runner owns the IDs in force (item and user IDs, ID history), which it hands over as JSON at every phase
// end and takes back on resume.
import Foundation

public struct AlternateCheckpointing {
    /// The run's `trainer-state/` folder.
    public var directory: URL
    /// Continue from the state in `directory` instead of starting over.
    public var resume: Bool
    /// The runner's state at a phase end (IDs in force, history), stored with the models.
    public var save: () throws -> JSONValue
    /// Puts the runner back into a saved state before the remaining phases run.
    public var restore: (JSONValue) throws -> Void
    /// Tests only: stop (as a kill would) right after the checkpoint of this phase (0-based).
    public var stopAfterPhase: Int?

    public init(directory: URL, resume: Bool, save: @escaping () throws -> JSONValue,
                restore: @escaping (JSONValue) throws -> Void, stopAfterPhase: Int? = nil) {
        self.directory = directory
        self.resume = resume
        self.save = save
        self.restore = restore
        self.stopAfterPhase = stopAfterPhase
    }
}
