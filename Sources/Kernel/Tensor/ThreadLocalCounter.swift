// A per-thread integer (pthread key): state that must not leak between threads running the Kernel at the
// same time — the no-gradient depth of `Tape` and the serial mode of `Parallel`, when independent shards
// of a decode run on their own threads.
import Foundation

final class ThreadLocalCounter: @unchecked Sendable {
    private var key = pthread_key_t()

    init() { pthread_key_create(&key, nil) }

    var value: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }
}
