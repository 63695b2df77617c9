// Vector math for the Kernel's softmax and log-sum-exp loops, in C so each kernel can be built for the
// widest vectors the CPU has (AVX-512, AVX2, or baseline SSE2), chosen once at load time. Swift can only
// target one CPU for a whole module; the project's is baseline x86-64, where an exponential runs 4 lanes
// at a time.
//
// Every variant performs the same IEEE operations in the same order — no fused multiply-add, lane l of the
// 8 partial sums takes elements l, l+8, l+16, … and the lanes are added 0 to 7 — so the results are the same
// bits on every CPU. `idg_vector_variants` lists the variants this CPU can run, so a test can compare them.
#ifndef IDG_CVECTOR_H
#define IDG_CVECTOR_H

#ifdef __cplusplus
extern "C" {
#endif

/// Σ e^(x[i] − shift) for i < n (callers pass shift ≥ max x: every exponent ≤ 0).
float idg_sum_exp(const float *x, long n, float shift);

/// y[i] = e^(x[i] − shift) for i < n, returning their sum as `idg_sum_exp` does. y may equal x.
float idg_exp_shifted(const float *x, float *y, long n, float shift);

/// y = softmax(x + bias1 + bias2) over one row of n, where positions ≥ `unmasked` also get −10⁹ (a causal
/// mask); either bias may be NULL and y may equal x. The same operations, in the same order, as adding
/// x[i] + (bias1[i] + bias2[i]), then the mask, then `idg_max`, `idg_exp_shifted` and a multiply by 1/Σ.
void idg_softmax_row(const float *x, float *y, const float *bias1, const float *bias2, long n, long unmasked);

/// max of x[0..<n]; −∞ when n = 0. NaNs are skipped.
float idg_max(const float *x, long n);

/// How many kernel variants this CPU can run (1 to 3: baseline, then AVX2, then AVX-512).
int idg_vector_variant_count(void);

/// The name of variant `v` (0 = "sse2", 1 = "avx2", 2 = "avx512").
const char *idg_vector_variant_name(int v);

/// `idg_sum_exp` and `idg_exp_shifted` of variant `v` (< idg_vector_variant_count()), for tests.
float idg_sum_exp_variant(int v, const float *x, long n, float shift);
float idg_exp_shifted_variant(int v, const float *x, float *y, long n, float shift);
void idg_softmax_row_variant(int v, const float *x, float *y, const float *bias1, const float *bias2, long n, long unmasked);

/// The variant the dispatching functions above use.
int idg_vector_variant(void);

#ifdef __cplusplus
}
#endif
#endif
