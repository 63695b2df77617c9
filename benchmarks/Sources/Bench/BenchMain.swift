// idgenrec-bench: speed measurements, printed beside the reference measured in the same run.
import Foundation
print("no benchmarks registered yet")
