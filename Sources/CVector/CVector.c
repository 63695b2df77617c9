// Vector math kernels (see include/CVector.h). One body per kernel, inlined into one function per CPU
// variant: the compiler turns the same 16-wide vector code into AVX-512, AVX2 or SSE2 instructions.
#include "CVector.h"
#include <math.h>
#include <stdint.h>

// A fused multiply-add rounds once where a multiply then an add round twice: allowing the compiler to
// fuse would make the AVX2 and AVX-512 variants disagree with the baseline one.
#pragma STDC FP_CONTRACT OFF
// The vector-valued helpers below are always inlined, so the calling convention the compiler warns about
// for 16-wide arguments outside AVX-512 code never exists.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float f16 __attribute__((vector_size(64), aligned(4)));
typedef int32_t i16 __attribute__((vector_size(64), aligned(4)));
typedef float f8 __attribute__((vector_size(32), aligned(4)));

typedef uint32_t u16 __attribute__((vector_size(64), aligned(4)));

// e^x for x ≤ 88.3 (callers pass x − max ≤ 0): Cephes' single-precision scheme — x = n·ln2 + r, |r| ≤ ln2/2,
// a degree-6 polynomial for e^r, 2^n built in the exponent bits. Relative error ≤ 2e-7 against expf; below
// −87.3 (masked scores, −∞) the result is exactly 0 (expf would give a denormal). n = round(x / ln2) by the
// 1.5·2^23 trick: adding it leaves n in the low mantissa bits.
static inline __attribute__((always_inline)) f16 exp16(f16 x) {
    f16 t = x * 1.44269504088896341f + 12582912.0f;
    f16 n = t - 12582912.0f;
    f16 r = x - n * 0.693359375f;
    r = r + n * 2.12194440e-4f;
    f16 r2 = r * r;
    f16 p = (f16){0} + 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    f16 er = p * r2 + r + 1.0f;
    u16 bits = ((u16)t - 0x4B400000u + 127u) << 23;
    i16 value = (i16)(er * (f16)bits);
    i16 below = ((i16)(x + 87.3365447504f)) >> 31;
    return (f16)(value & ~below);
}

static inline __attribute__((always_inline)) f16 load16(const float *p) { return *(const f16 *)p; }
static inline __attribute__((always_inline)) f8 low8(f16 v) { return __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7); }
static inline __attribute__((always_inline)) f8 high8(f16 v) { return __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15); }

// The exponentials are computed 16 at a time; the sum is kept in 8 lanes, the high half added after the low
// half, which is exactly the order of a loop over groups of 8.
static inline __attribute__((always_inline))
float exp_shifted_body(const float *x, float *y, long n, float shift) {
    f8 acc = (f8){0};
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        f16 e = exp16(load16(x + i) - shift);
        if (y) *(f16 *)(y + i) = e;
        acc += low8(e);
        acc += high8(e);
    }
    if (i + 8 <= n) {                          // one group of 8 more: computed 16 wide, the low half used
        float group[16] = {0};
        for (int l = 0; l < 8; l++) group[l] = x[i + l];
        f16 e = exp16(load16(group) - shift);
        if (y) for (int l = 0; l < 8; l++) y[i + l] = e[l];
        acc += low8(e);
        i += 8;
    }
    float total = acc[0];
    for (int l = 1; l < 8; l++) total += acc[l];
    for (; i < n; i++) {
        float e = expf(x[i] - shift);
        if (y) y[i] = e;
        total += e;
    }
    return total;
}

// 16 running maxima, then theirs. A max is exact, so the order does not matter; a NaN never wins a
// comparison, so NaNs are skipped.
static inline __attribute__((always_inline)) float max_body(const float *x, long n) {
    long i = 0;
    float m = -INFINITY;
    if (n >= 16) {
        f16 acc = (f16){0} - INFINITY;
        for (; i + 16 <= n; i += 16) {
            f16 v = load16(x + i);
            i16 greater = v > acc;
            acc = (f16)(((i16)v & greater) | ((i16)acc & ~greater));
        }
        for (int l = 0; l < 16; l++) m = acc[l] > m ? acc[l] : m;
    }
    for (; i < n; i++) m = x[i] > m ? x[i] : m;
    return m;
}

static inline __attribute__((always_inline))
void softmax_body(const float *x, float *y, const float *b1, const float *b2, long n, long unmasked) {
    if (b1 && b2) {
        for (long i = 0; i < n; i++) y[i] = x[i] + (b1[i] + b2[i]);
    } else if (b1 || b2) {
        const float *b = b1 ? b1 : b2;
        for (long i = 0; i < n; i++) y[i] = x[i] + b[i];
    } else if (y != x) {
        for (long i = 0; i < n; i++) y[i] = x[i];
    }
    for (long i = unmasked < 0 ? 0 : unmasked; i < n; i++) y[i] += -1e9f;
    float inv = 1.0f / exp_shifted_body(y, y, n, max_body(y, n));
    for (long i = 0; i < n; i++) y[i] *= inv;
}

#define IDG_VARIANT(SUFFIX, TARGET)                                                                       \
    __attribute__((target(TARGET))) static float sum_exp_##SUFFIX(const float *x, long n, float shift) {  \
        return exp_shifted_body(x, 0, n, shift);                                                          \
    }                                                                                                     \
    __attribute__((target(TARGET))) static float exp_shifted_##SUFFIX(const float *x, float *y, long n,   \
                                                                       float shift) {                     \
        return exp_shifted_body(x, y, n, shift);                                                          \
    }                                                                                                     \
    __attribute__((target(TARGET))) static float max_##SUFFIX(const float *x, long n) { return max_body(x, n); } \
    __attribute__((target(TARGET))) static void softmax_##SUFFIX(const float *x, float *y, const float *b1,       \
                                                                  const float *b2, long n, long unmasked) {       \
        softmax_body(x, y, b1, b2, n, unmasked);                                                          \
    }

IDG_VARIANT(avx512, "avx512f")
IDG_VARIANT(avx2, "avx2")

static float sum_exp_sse2(const float *x, long n, float shift) { return exp_shifted_body(x, 0, n, shift); }
static float exp_shifted_sse2(const float *x, float *y, long n, float shift) { return exp_shifted_body(x, y, n, shift); }
static float max_sse2(const float *x, long n) { return max_body(x, n); }
static void softmax_sse2(const float *x, float *y, const float *b1, const float *b2, long n, long unmasked) {
    softmax_body(x, y, b1, b2, n, unmasked);
}

typedef float (*sum_exp_fn)(const float *, long, float);
typedef float (*exp_shifted_fn)(const float *, float *, long, float);
typedef float (*max_fn)(const float *, long);
typedef void (*softmax_fn)(const float *, float *, const float *, const float *, long, long);

static const sum_exp_fn sum_exp_variants[3] = {sum_exp_sse2, sum_exp_avx2, sum_exp_avx512};
static const exp_shifted_fn exp_shifted_variants[3] = {exp_shifted_sse2, exp_shifted_avx2, exp_shifted_avx512};
static const max_fn max_variants[3] = {max_sse2, max_avx2, max_avx512};
static const softmax_fn softmax_variants[3] = {softmax_sse2, softmax_avx2, softmax_avx512};
static const char *variant_names[3] = {"sse2", "avx2", "avx512"};

static int variant_count = 1;
static sum_exp_fn sum_exp_chosen = sum_exp_sse2;
static exp_shifted_fn exp_shifted_chosen = exp_shifted_sse2;
static max_fn max_chosen = max_sse2;
static softmax_fn softmax_chosen = softmax_sse2;

__attribute__((constructor)) static void idg_choose_variant(void) {
    __builtin_cpu_init();
    int count = 1;
    if (__builtin_cpu_supports("avx2")) {
        count = 2;
        if (__builtin_cpu_supports("avx512f")) count = 3;
    }
    variant_count = count;
    sum_exp_chosen = sum_exp_variants[count - 1];
    exp_shifted_chosen = exp_shifted_variants[count - 1];
    max_chosen = max_variants[count - 1];
    softmax_chosen = softmax_variants[count - 1];
}

float idg_sum_exp(const float *x, long n, float shift) { return sum_exp_chosen(x, n, shift); }
float idg_exp_shifted(const float *x, float *y, long n, float shift) { return exp_shifted_chosen(x, y, n, shift); }
float idg_max(const float *x, long n) { return max_chosen(x, n); }
void idg_softmax_row(const float *x, float *y, const float *b1, const float *b2, long n, long unmasked) {
    softmax_chosen(x, y, b1, b2, n, unmasked);
}

int idg_vector_variant_count(void) { return variant_count; }
int idg_vector_variant(void) { return variant_count - 1; }
const char *idg_vector_variant_name(int v) { return v >= 0 && v < 3 ? variant_names[v] : "unknown"; }

float idg_sum_exp_variant(int v, const float *x, long n, float shift) { return sum_exp_variants[v](x, n, shift); }
float idg_exp_shifted_variant(int v, const float *x, float *y, long n, float shift) {
    return exp_shifted_variants[v](x, y, n, shift);
}
void idg_softmax_row_variant(int v, const float *x, float *y, const float *b1, const float *b2, long n, long unmasked) {
    softmax_variants[v](x, y, b1, b2, n, unmasked);
}
