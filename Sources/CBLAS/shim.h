// OpenBLAS through its CBLAS interface; openblas_set_num_threads lets the Kernel pin BLAS to one thread
// while it spreads many small products over the cores itself.
#include <cblas.h>
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
