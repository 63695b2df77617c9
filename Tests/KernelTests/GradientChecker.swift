// The finite-difference gradient check every op test uses: the op's output is contracted with fixed random
// weights w (loss = Σ w·y, summed in Double), w is back-propagated, and each input gradient is compared with
// (L(x+h) − L(x−h)) / 2h. Tolerance |analytic − numeric| ≤ 2e-3 + 2e-2·max(|analytic|, |numeric|).
import XCTest
import IDGenKernel

func gradientCheck(_ inputs: [Tensor], h: Float = 1e-2, file: StaticString = #filePath, line: UInt = #line,
                   _ f: ([Tensor]) -> Tensor) {
    let y = f(inputs)
    var wr = SplitMix64(seed: 99)
    let w = (0..<y.count).map { _ in wr.nextNormal() }
    func loss() -> Double {
        let out = Tape.withoutGradients { f(inputs) }
        return zip(out.data, w).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
    for x in inputs { x.zeroGrad() }
    y.backward(seed: w)
    for (k, x) in inputs.enumerated() where x.requiresGrad {
        let g = x.grad ?? [Float](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let old = x.data[i]
            x.data[i] = old + h; let lp = loss()
            x.data[i] = old - h; let lm = loss()
            x.data[i] = old
            let num = Float((lp - lm) / Double(2 * h))
            let tol = 2e-3 + 2e-2 * max(abs(num), abs(g[i]))
            if abs(num - g[i]) > tol {
                XCTFail("input \(k) element \(i): analytic \(g[i]) vs numeric \(num)", file: file, line: line)
                return
            }
        }
    }
}
