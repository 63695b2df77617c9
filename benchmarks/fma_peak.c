/* Measures one core's FP32 FMA throughput, to check the peak the kernel bench computes from the clock
 * (32 FLOP/cycle: two 256-bit FMA pipes). Twelve independent accumulator chains (distinct starting values,
 * so the compiler cannot merge them) of 256-bit and of 512-bit FMAs; the widths are chosen per function
 * with target attributes, so it builds with plain gcc:
 *   gcc -O2 benchmarks/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
 * Prints GFLOP/s for each width, three times. Not part of the build: a measuring tool (benchmarks/RESULTS.md). */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

#define CHAINS(T, SET, FMA, STORE, LANES)                                                              \
    volatile float v0 = 1;                                                                             \
    T a[12];                                                                                           \
    for (int j = 0; j < 12; j++) a[j] = SET(v0 + j);                                                   \
    T m = SET(0.9999999f), c = SET(1e-7f);                                                             \
    double t0 = now();                                                                                 \
    for (long i = 0; i < iters; i++) {                                                                 \
        a[0] = FMA(a[0], m, c); a[1] = FMA(a[1], m, c); a[2] = FMA(a[2], m, c); a[3] = FMA(a[3], m, c); \
        a[4] = FMA(a[4], m, c); a[5] = FMA(a[5], m, c); a[6] = FMA(a[6], m, c); a[7] = FMA(a[7], m, c); \
        a[8] = FMA(a[8], m, c); a[9] = FMA(a[9], m, c); a[10] = FMA(a[10], m, c); a[11] = FMA(a[11], m, c); \
    }                                                                                                  \
    double t = now() - t0;                                                                             \
    float out[LANES], sum = 0;                                                                         \
    for (int j = 0; j < 12; j++) { STORE(out, a[j]); sum += out[0]; }                                  \
    if (sum == 12345) printf(" ");                                                                     \
    return 12.0 * LANES * 2 * iters / t / 1e9;

__attribute__((target("avx2,fma"))) static double ymm(long iters) {
    CHAINS(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_storeu_ps, 8)
}

__attribute__((target("avx512f"))) static double zmm(long iters) {
    CHAINS(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_storeu_ps, 16)
}

int main(void) {
    __builtin_cpu_init();
    for (int r = 0; r < 3; r++) {
        double a = __builtin_cpu_supports("fma") ? ymm(200000000) : 0;
        double b = __builtin_cpu_supports("avx512f") ? zmm(100000000) : 0;
        printf("256-bit FMA: %.1f GFLOP/s   512-bit FMA: %.1f GFLOP/s\n", a, b);
    }
    return 0;
}
