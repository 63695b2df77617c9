// What a run may do with existing work under its output_dir (README, "Run folders"): `fresh` touches none
// (a finished or unfinished run there is refused), `force` discards it once the new run is complete,
// `resume` continues the unfinished run with the same settings.
public enum RunFolderMode: String, Sendable {
    case fresh
    case force
    case resume
}
