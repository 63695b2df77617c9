// A test double for the ID generator: candidates come from a script of (text, penalty, L), and every call is
// recorded — so a test can force collisions and check the escalation schedule round by round.
import IDGenPlugins

final class ScriptedIDCandidates: IDCandidateGenerator {
    struct Call: Equatable {
        var penalty: Float
        var minLength: Int
        var maxLength: Int
        var texts: [String]
    }

    private(set) var calls: [Call] = []
    let script: (_ text: String, _ penalty: Float, _ minLength: Int) -> [String]

    init(script: @escaping (_ text: String, _ penalty: Float, _ minLength: Int) -> [String]) {
        self.script = script
    }

    func candidates(for texts: [String], diversityPenalty: Float, minLength: Int, maxLength: Int) throws -> [[String]] {
        calls.append(Call(penalty: diversityPenalty, minLength: minLength, maxLength: maxLength, texts: texts))
        return texts.map { script($0, diversityPenalty, minLength) }
    }

    /// The (penalty, L) of each round, merging the calls of one round's batches.
    var schedule: [[Int]] {
        var out: [[Int]] = []
        for c in calls where out.last != [Int(c.penalty), c.minLength] { out.append([Int(c.penalty), c.minLength]) }
        return out
    }
}
