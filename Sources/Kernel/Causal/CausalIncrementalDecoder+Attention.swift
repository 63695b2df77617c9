// The cached decoder's attention for one step: each row's query [H, K] against its input's prefix keys
// (P of them, shared by every row of that input) and the t+1 keys its ancestry generated (one per step,
// found through `ancestry`), one softmax over both, then the same weights over the values.
//
// The rows of one input (consecutive rows with the same input — a beam search keeps an input's beams
// together) share the prefix part, so each (run of G rows, head) does it as two small GEMMs:
// scores [G, P] = Q [G, K] · Kᵀ [K, P] and context [G, K] = weights [G, P] · V [P, K]; the generated part is
// per row, t+1 dot products and axpys. Padded prefix keys (past an input's own P) are never read.
//
// Legend as in CausalIncrementalDecoder: R rows, G rows of a run, P prefix length, n = t+1 generated
// positions, H heads, K head width, HK = H·K.
import Foundation

extension CausalIncrementalDecoder {
    /// Context [R, HK] for the (already rotated and 1/√K-scaled) queries q [R, HK] of layer `l`.
    func attend(q: [Float], layer l: Int) -> [Float] {
        let c = model.config, h = c.numAttentionHeads, dk = c.headDim, hk = h * dk
        let r = rowInput.count, n = stepStart.count, pMax = maxPrefix
        var runs: [Range<Int>] = []
        var lo = 0
        while lo < r {
            var hi = lo + 1
            while hi < r && rowInput[hi] == rowInput[lo] { hi += 1 }
            runs.append(lo..<hi)
            lo = hi
        }
        let anc = ancestry, starts = stepStart, inputs = rowInput, lengths = prefixLengths
        var out = [Float].uninitialized(r * hk)                               // every element written by a product
        out.withUnsafeMutableBufferPointer { o in q.withUnsafeBufferPointer { qp in
        prefixKeysT[l].withUnsafeBufferPointer { kp in prefixValues[l].withUnsafeBufferPointer { vp in
        stepKeys[l].withUnsafeBufferPointer { skp in stepValues[l].withUnsafeBufferPointer { svp in
            let O = o.baseAddress!, Q = qp.baseAddress!, Kt = kp.baseAddress!, Vp = vp.baseAddress!
            let SK = skp.baseAddress!, SV = svp.baseAddress!
            Parallel.forEach(runs.count * h, minimumWork: (r / max(runs.count, 1)) * (pMax + n) * dk * 4) { job in
                let run = runs[job / h], hi = job % h, g = run.count, src = inputs[run.lowerBound]
                let p = lengths[src], width = p + n                            // one score row: prefix, then steps
                let kBase = Kt + (src * h + hi) * dk * pMax, vBase = Vp + (src * h + hi) * pMax * dk
                let qBase = Q + run.lowerBound * hk + hi * dk, oBase = O + run.lowerBound * hk + hi * dk
                withUnsafeTemporaryAllocation(of: Float.self, capacity: g * width) { sp in
                    let S = sp.baseAddress!
                    sgemm(false, false, g, p, dk, qBase, hk, kBase, pMax, S, width)   // prefix scores [G, P]
                    for i in 0..<g {
                        let row = run.lowerBound + i, qv = qBase + i * hk, scores = S + i * width
                        for j in 0..<n {
                            scores[p + j] = VectorKernels.dot(qv, SK + starts[j] + (anc[j][row] * h + hi) * dk, dk)
                        }
                        VectorKernels.softmax(scores, scores, width)
                    }
                    sgemm(false, false, g, dk, p, S, width, vBase, dk, oBase, hk)     // prefix context [G, K]
                    for i in 0..<g {
                        let row = run.lowerBound + i, weights = S + i * width, dst = oBase + i * hk
                        for j in 0..<n {
                            VectorKernels.axpy(weights[p + j], SV + starts[j] + (anc[j][row] * h + hi) * dk, dst, dk)
                        }
                    }
                }
            }
        } } } } } }
        return out
    }
}
