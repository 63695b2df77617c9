// Why a significance computation cannot run; the message says what to pass instead.

public enum SignificanceError: Error, CustomStringConvertible, Equatable {
    case unpaired(variant: Int, reference: Int)
    case tooFewUsers(Int)
    case badLevel(Double)

    public var description: String {
        switch self {
        case let .unpaired(v, r):
            return "paired test over \(v) variant values and \(r) reference values: pass one value per user, "
                + "the same users in the same order for both"
        case let .tooFewUsers(n):
            return "paired test over \(n) users: at least 2 are needed for a variance"
        case let .badLevel(l):
            return "confidence level \(l) is outside (0, 1); use e.g. 0.95"
        }
    }
}
