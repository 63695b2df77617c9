// Training allocates and frees the same large activation buffers every step. glibc's default returns big
// blocks to the kernel (mmap/munmap, trimming), so each step pays page faults and page clearing again —
// seen as clear_page/exc_page_fault at the top of a profile. Keeping freed blocks in the heap removes that.
// Shards running on worker threads (training, decoding) allocate too, so they share the main arena.

#if os(Linux)
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let M_TRIM_THRESHOLD: Int32 = -1   // <malloc.h>
private let M_MMAP_THRESHOLD: Int32 = -3
private let M_ARENA_MAX: Int32 = -8
#endif

enum MemoryTuning {
    static let applied: Void = {
        #if os(Linux)
        _ = glibcMallopt(M_MMAP_THRESHOLD, 1 << 30)
        _ = glibcMallopt(M_TRIM_THRESHOLD, Int32.max)
        // One arena for every thread: a worker thread's own arena grows in mmap'd heaps that are given back
        // and faulted in again (clear_page was 6% of a sharded training step before this).
        _ = glibcMallopt(M_ARENA_MAX, 1)
        #endif
    }()
}
