// Learning-rate schedules as in HF transformers' get_linear_schedule_with_warmup and
// get_cosine_schedule_with_warmup: linear warm-up from 0 over `warmupSteps`, then linear or half-cosine
// decay to 0 at `totalSteps`. The factor multiplies the base rate; `step` counts updates made so far.
import Foundation

public struct LearningRateSchedule: Codable, Equatable {
    public enum Decay: String, Codable { case linear, cosine, constant }
    public var warmupSteps: Int
    public var totalSteps: Int
    public var decay: Decay

    public init(warmupSteps: Int, totalSteps: Int, decay: Decay = .linear) {
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.decay = decay
    }

    public func factor(step: Int) -> Float {
        if step < warmupSteps { return Float(step) / Float(max(1, warmupSteps)) }
        let progress = Double(step - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
        switch decay {
        case .constant: return 1
        case .linear: return Float(max(0, Double(totalSteps - step) / Double(max(1, totalSteps - warmupSteps))))
        case .cosine: return Float(max(0, 0.5 * (1 + cos(Double.pi * progress))))
        }
    }
}
