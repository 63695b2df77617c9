// OpenBLAS through its CBLAS interface; openblas_set_num_threads lets the Kernel pin BLAS to one thread
// while it spreads many small products over the cores itself.
#include <cblas.h>
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
// LAPACK (shipped inside libopenblas, no header on this machine): all eigenpairs of a small symmetric
// matrix by divide and conquer — the Rayleigh–Ritz step of the Kernel's subspace eigensolver and SVD.
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
             float *work, const int *lwork, int *iwork, const int *liwork, int *info);
