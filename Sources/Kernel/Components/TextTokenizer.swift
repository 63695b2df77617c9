// The `tokenizer` component: text ↔ token ids, one vocabulary shared by the ID generator and the recommender
// (the soft embedding needs it). ID strategies with atomic tokens (`<c_3>`, `<item_1042>`) extend it.
public protocol TextTokenizer: AnyObject {
    var vocabularySize: Int { get }
    var padID: Int { get }
    var eosID: Int { get }
    var unkID: Int { get }
    /// Token ids for `text`, with `</s>` appended when `addEOS`.
    func encode(_ text: String, addEOS: Bool) -> [Int]
    /// Text for `ids`; special tokens (pad, eos, unk) dropped when `skipSpecial`.
    func decode(_ ids: [Int], skipSpecial: Bool) -> String
    /// Registers whole tokens that are never split; returns their ids (existing tokens keep theirs).
    @discardableResult func addAtomicTokens(_ tokens: [String]) -> [Int]
    /// The id of a whole token (piece or added token), if it is in the vocabulary.
    func tokenID(_ token: String) -> Int?
}

extension TextTokenizer {
    public func encode(_ text: String) -> [Int] { encode(text, addEOS: true) }
    public func encodeBatch(_ texts: [String], addEOS: Bool = true) -> [[Int]] { texts.map { encode($0, addEOS: addEOS) } }
    public func decode(_ ids: [Int]) -> String { decode(ids, skipSpecial: true) }
}
