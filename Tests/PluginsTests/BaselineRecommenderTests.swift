// Each non-generative baseline on a small dataset with a pattern it must find, plus the shared contract:
// k distinct items, typed errors for unfitted models and out-of-range items, determinism from the seed.
import XCTest
import IDGenPlugins

final class BaselineRecommenderTests: XCTestCase {
    // MARK: popularity

    func testPopularityRanksByTrainingCountWithLowerIndexOnTies() throws {
        // counts: item 0 → 1, item 1 → 4, item 2 → 2, item 3 → 2, item 4 → 0
        let train = [[0, 1, 1], [1, 2, 3], [2, 1, 3]]
        let pop = PopularityRecommender()
        try pop.fit(trainingSequences: train, itemCount: 5, seed: 1)
        XCTAssertEqual(pop.counts, [1, 4, 2, 2, 0])
        XCTAssertEqual(try pop.recommend(histories: [[], [4]], k: 4), [[1, 2, 3, 0], [1, 2, 3, 0]])
        XCTAssertEqual(try pop.recommend(histories: [[]], k: 9)[0].count, 5, "never more than the catalog")
        let filtered = PopularityRecommender(config: .init(excludeHistory: true))
        try filtered.fit(trainingSequences: train, itemCount: 5, seed: 1)
        XCTAssertEqual(try filtered.recommend(histories: [[1, 3]], k: 3), [[2, 0, 4]])
    }

    // MARK: markov

    func testMarkovFollowsTransitionsThenBacksOffToPopularity() throws {
        // transitions from 0: → 1 twice, → 2 once; item 4 is never followed by anything.
        // popularity: 0 → 3, 1 → 2, 2 → 1, 3 → 1, 4 → 1
        let train = [[0, 1], [0, 1], [0, 2], [3, 4]]
        let markov = MarkovRecommender()
        try markov.fit(trainingSequences: train, itemCount: 5, seed: 1)
        let lists = try markov.recommend(histories: [[3, 0], [4], []], k: 4)
        XCTAssertEqual(lists[0], [1, 2, 0, 3], "chain first (1 twice, 2 once), then popularity back-off")
        XCTAssertEqual(lists[1], [0, 1, 2, 3], "no successors: popularity")
        XCTAssertEqual(lists[2], [0, 1, 2, 3], "empty history: popularity")
    }

    // MARK: item-kNN

    func testItemKNNVotesWithTheRecentItemsWeightedByRecency() throws {
        // 0 and 1 always together, 2 and 3 always together, 4 is popular on its own.
        let train = [[0, 1], [1, 0], [0, 1], [2, 3], [3, 2], [2, 3], [4], [4], [4], [4]]
        let knn = ItemKNNRecommender()
        try knn.fit(trainingSequences: train, itemCount: 5, seed: 1)
        XCTAssertEqual(knn.neighbors[0].map(\.item), [1])
        // sim(0, 1) = 3 / (√(3·3) + 10) = 3/13
        XCTAssertEqual(knn.neighbors[0][0].similarity, 3.0 / 13.0, accuracy: 1e-12)
        let lists = try knn.recommend(histories: [[2, 0], [0, 2], [4]], k: 3)
        XCTAssertEqual(lists[0], [1, 3, 4], "the newest item (0) votes for 1 with weight 1, 2 votes for 3 with 0.5")
        XCTAssertEqual(lists[1], [3, 1, 4])
        XCTAssertEqual(lists[2], [4, 0, 1], "no neighbours: popularity (4 most popular, then ties by index)")
    }

    // MARK: SASRec

    /// Users walk a fixed permutation of 30 items (i → 7i + 3 mod 30) from random starts; the test target is
    /// each user's last item. Popularity cannot know where a user is; a sequential model can.
    func permutationWalks(users: Int, items n: Int, seed: UInt64) -> (train: [[Int]], histories: [[Int]], targets: [Int]) {
        var rng = SplitMix64(seed: seed)
        var train: [[Int]] = [], histories: [[Int]] = [], targets: [Int] = []
        for _ in 0..<users {
            var item = Int(rng.next() % UInt64(n))
            let length = 5 + Int(rng.next() % 6)
            var s: [Int] = []
            for _ in 0..<length { s.append(item); item = (7 * item + 3) % n }
            train.append(Array(s.dropLast()))
            histories.append(Array(s.dropLast()))
            targets.append(s.last!)
        }
        return (train, histories, targets)
    }

    func hitRate(_ lists: [[Int]], _ targets: [Int]) -> Double {
        Double(zip(lists, targets).filter { $0.0.contains($0.1) }.count) / Double(targets.count)
    }

    func smallSASRec(epochs: Int) -> SASRecRecommender.Config {
        var c = SASRecRecommender.Config()
        c.hiddenSize = 32
        c.maxLength = 12
        c.dropout = 0.2
        c.batchSize = 32
        c.epochs = epochs
        c.learningRate = 5e-3
        return c
    }

    func testSASRecLearnsASequentialPatternAndBeatsPopularity() throws {
        let data = permutationWalks(users: 240, items: 30, seed: 11)
        let sasrec = SASRecRecommender(config: smallSASRec(epochs: 25))
        var curve: [RecommenderProgress] = []
        try sasrec.fit(trainingSequences: data.train, itemCount: 30, seed: 5) { curve.append($0) }
        let pop = PopularityRecommender()
        try pop.fit(trainingSequences: data.train, itemCount: 30, seed: 5)

        let sasrecLists = try sasrec.recommend(histories: data.histories, k: 5)
        let popLists = try pop.recommend(histories: data.histories, k: 5)
        for list in sasrecLists { XCTAssertEqual(Set(list).count, 5, "5 distinct items") }
        let sasrecHR = hitRate(sasrecLists, data.targets), popHR = hitRate(popLists, data.targets)
        let sasrecTop1 = hitRate(sasrecLists.map { Array($0.prefix(1)) }, data.targets)
        XCTAssertGreaterThan(sasrecHR, 0.9, "HR@5 of SASRec on a deterministic walk")
        XCTAssertGreaterThan(sasrecTop1, 0.7, "HR@1 of SASRec on a deterministic walk")
        XCTAssertLessThan(popHR, 0.4, "popularity cannot see where a user is")
        XCTAssertEqual(curve.count, 25)
        XCTAssertLessThan(curve.last!.loss!, curve.first!.loss! * 0.5, "training loss falls")
        print("SASRec HR@5 \(sasrecHR) HR@1 \(sasrecTop1), popularity HR@5 \(popHR); loss \(curve.first!.loss!) → \(curve.last!.loss!)")
    }

    func testSASRecIsDeterministicFromTheSeed() throws {
        let data = permutationWalks(users: 60, items: 30, seed: 3)
        func run(_ seed: UInt64) throws -> [[Int]] {
            let m = SASRecRecommender(config: smallSASRec(epochs: 2))
            try m.fit(trainingSequences: data.train, itemCount: 30, seed: seed)
            return try m.recommend(histories: data.histories, k: 10)
        }
        XCTAssertEqual(try run(9), try run(9))
    }

    // MARK: contract

    func testEveryBaselineRefusesBadInputWithAdvice() throws {
        let all: [(String, SequentialRecommender)] = [
            ("popularity", PopularityRecommender()), ("markov", MarkovRecommender()),
            ("item-knn", ItemKNNRecommender()), ("sasrec", SASRecRecommender(config: smallSASRec(epochs: 1))),
        ]
        for (name, r) in all {
            XCTAssertThrowsError(try r.recommend(histories: [[0]], k: 1), name) { e in
                XCTAssertEqual(e as? RecommenderError, .notFitted(name))
            }
            XCTAssertThrowsError(try r.fit(trainingSequences: [[0, 1], [2, 7]], itemCount: 5, seed: 1), name) { e in
                XCTAssertEqual(e as? RecommenderError, .itemOutOfRange(user: 1, position: 1, item: 7, itemCount: 5))
                XCTAssertTrue("\(e)".contains("user 1, position 1"))
            }
        }
    }

    func testConfigsDecodeSnakeCaseKeysAndKeepDefaults() throws {
        let json = #"{"hidden_size": 48, "num_blocks": 1, "max_seconds": 60}"#
        let c = try decodeConfig(SASRecRecommender.Config.self, json)
        XCTAssertEqual(c.hiddenSize, 48)
        XCTAssertEqual(c.numBlocks, 1)
        XCTAssertEqual(c.maxSeconds, 60)
        XCTAssertEqual(c.maxLength, 50)
        XCTAssertEqual(c.batchSize, 128)
        let knn = try decodeConfig(ItemKNNRecommender.Config.self, #"{"recent_items": 5}"#)
        XCTAssertEqual(knn.recentItems, 5)
        XCTAssertEqual(knn.neighbors, 100)
    }
}
