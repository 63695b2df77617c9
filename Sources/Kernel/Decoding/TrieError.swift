// Why a set of item IDs cannot form a trie, said so that the ID strategy's author knows what to fix.
public enum TrieError: Error, Equatable, CustomStringConvertible {
    case emptySequence(item: String)
    case missingEOS(item: String, tokens: [Int], eosID: Int)
    case eosInside(item: String, position: Int, tokens: [Int])
    case negativeToken(item: String, tokens: [Int])
    case duplicateSequence(first: String, second: String, tokens: [Int])

    public var description: String {
        switch self {
        case let .emptySequence(item):
            return "\(item) has an empty ID: every item needs at least one token before EOS"
        case let .missingEOS(item, tokens, eos):
            return "\(item) has ID tokens \(tokens) without the EOS token \(eos) at the end: encode IDs with addEOS"
        case let .eosInside(item, position, tokens):
            return "\(item) has EOS at position \(position) inside its ID \(tokens): an ID may end only once"
        case let .negativeToken(item, tokens):
            return "\(item) has a negative token id in \(tokens)"
        case let .duplicateSequence(first, second, tokens):
            return "\(first) and \(second) have the same ID tokens \(tokens): a decoder cannot tell them apart; "
                + "make the item-ids strategy resolve the collision (e.g. a suffix)"
        }
    }
}
