// A run folder that cannot be used as asked: an output_dir that would lose or mix a run, a folder given to
// `recommend`/`transfer` that is not a finished run, a `--resume` with other settings. Each names the folder and
// says what to do; the CLI exits 2 (the input is wrong, nothing was run or replaced).
public struct RunFolderError: Error, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case notAFolder          // a file where a folder is expected
        case notWritable         // output_dir (or its parent) cannot be written
        case finished            // a finished run is there: --force or --resume
        case unfinished          // an unfinished run is there: --force or --resume
        case busy                // another idgenrec process is writing it
        case foreign             // a folder of other files: never replaced
        case changedSettings     // --resume with settings (or data) other than the run's
        case nothingToResume     // --resume on a finished run with the same settings: nothing left to do
        case notARun             // a folder given as a run lacks what a finished run holds
        case otherData           // a run trained on other data than the experiment's
        case conflictingFlags    // --force with --resume
    }

    public var path: String
    public var reason: Reason
    public var message: String

    public init(_ path: String, _ reason: Reason, _ message: String) {
        self.path = path
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
