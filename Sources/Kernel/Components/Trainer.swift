// The `trainer` component: trains a run's recommender on the prepared material under the experiment's
// budget, validating with the run's decoder when asked, and says what it did. The host builds the session
// and calls `train`, whatever the trainer is (`recommender`, `alternate`, a user's own): it never needs
// to know the concrete type, so a new trainer is a plugin file and a registration line.
//
// A trainer may change the material (IDGenRec's alternate training regenerates the item IDs, the trie and
// every prompt); what the session holds when `train` returns is what the run evaluates and saves.
public protocol Trainer: AnyObject {
    func train(_ session: TrainingSession) throws -> TrainingOutcome
}
