// A prompt with its ID slots open: rendered once with a private-use marker per item (and per textual user),
// then cut at the markers into token segments and slots. Alternate training splices soft IDs into the slots
// (ID phase) or the IDs in force (recommender phase, evaluation), so a prompt never has to be rendered again
// when IDs change. Slot k < N is item k; slot N + u is user u's textual ID.
//
// Legend: N items, U users.
public struct OpenPrompt {
    public var sample: SoftSample
    public var targetItem: Int
    public var segments: [SoftSample.Segment] { sample.segments }

    /// The prompt's tokens with `ids[k]` in slot k.
    public func hardSource(ids: [[Int]]) -> [Int] { sample.hardSource(ids: ids) }

    /// One open prompt per sample, in order.
    public static func render(_ samples: [Sample], _ p: PreparedRun) throws -> [OpenPrompt] {
        let markers = (0..<p.data.itemCount).map { "\u{E000}\($0)\u{E001}" }
        let trainableUsers = p.userIDs is TrainableUserIDs
        return try samples.enumerated().map { i, s in
            let uid = trainableUsers ? "\u{E000}\(p.data.itemCount + s.user)\u{E001}"
                : try p.userIDs.userID(UserIDInput(userIndex: s.user, visibleItems: s.history, itemIDs: p.itemIDs, catalog: p.data.items))
            let text = try p.prompts.prompt(for: s, index: i, itemIDs: markers, userID: uid, dataset: p.data.name).input
            var segments: [SoftSample.Segment] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "\u{E000}"), let close = rest[open...].firstIndex(of: "\u{E001}") {
                let piece = String(rest[..<open])
                if !piece.isEmpty { segments.append(.tokens(p.tokenizer.encode(piece, addEOS: false))) }
                segments.append(.id(Int(rest[rest.index(after: open)..<close])!))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { segments.append(.tokens(p.tokenizer.encode(String(rest), addEOS: false))) }
            segments.append(.tokens([p.tokenizer.eosID]))
            return OpenPrompt(sample: SoftSample(segments: segments, target: p.itemTokens[s.target]), targetItem: s.target)
        }
    }
}
