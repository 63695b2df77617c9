// Writing distinct item numbers as IDs, shared by `sequential` and `random` (see NumberRendering).
public enum NumberedIDs {
    public static func render(_ numbers: [Int], rendering: NumberRendering, report: [String: String]) -> ItemIDAssignment {
        var report = report
        report["rendering"] = rendering.rawValue
        switch rendering {
        case .digits:
            return ItemIDAssignment(ids: numbers.map(String.init), addedTokens: [], report: report)
        case .atomic:
            let ids = numbers.map { "<item_\($0)>" }
            return ItemIDAssignment(ids: ids, addedTokens: numbers.sorted().map { "<item_\($0)>" }, report: report)
        }
    }
}
