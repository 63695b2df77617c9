#!/usr/bin/env python3
# Paired bootstrap over users of two run folders' per_user.csv: HR@10 and NDCG@10, A − B.
# Usage: python3 benchmarks/paired_users.py RUN_A RUN_B   (two run folders over the same test users)
import csv, random, math, sys
def load(p):
    return {r['user']: (int(r['rank']) if r['rank'] else None) for r in csv.DictReader(open(p + '/per_user.csv'))}
def hr(r): return 1.0 if r is not None and r <= 10 else 0.0
def nd(r): return 1 / math.log2(r + 1) if r is not None and r <= 10 else 0.0
a, b = load(sys.argv[1]), load(sys.argv[2])
users = sorted(a); n = len(users)
for name, f in [('HR@10', hr), ('NDCG@10', nd)]:
    d = [f(a[u]) - f(b[u]) for u in users]
    random.seed(1); bs = sorted(sum(d[random.randrange(n)] for _ in range(n)) / n for _ in range(1000))
    p = 2 * min(sum(x <= 0 for x in bs), sum(x >= 0 for x in bs)) / len(bs)
    print(f"{name}: A {sum(f(a[u]) for u in users)/n:.4f}  B {sum(f(b[u]) for u in users)/n:.4f}  A−B {sum(d)/n:+.4f}  95% CI [{bs[25]:+.4f}, {bs[974]:+.4f}]  p ≈ {max(p, 0.001):.3f}")
