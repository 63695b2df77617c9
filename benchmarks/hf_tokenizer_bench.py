#!/usr/bin/env python3
"""HF tokenizers (Rust) single-thread encode throughput on the same texts as `idgenrec-bench tokenizer`.

    TOKENIZERS_PARALLELISM=false RAYON_NUM_THREADS=1 python benchmarks/hf_tokenizer_bench.py \
        [--data ../shared/data/beauty/item_plain_text.txt] [--tokenizer Tests/Fixtures/tokenizer/t5.tokenizer.json]

Prints two figures: a Python loop of `encode` (includes Python call overhead per text) and `encode_batch` pinned to
one thread (the Rust cost alone). Token counts include </s>, as the Swift bench counts them.
"""
import argparse
import os
import time

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("RAYON_NUM_THREADS", "1")
from tokenizers import Tokenizer  # noqa: E402


def item_texts(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split(" ", 1)[1] if " " in line else line.rstrip("\n") for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/beauty/item_plain_text.txt")
    ap.add_argument("--tokenizer", default="Tests/Fixtures/tokenizer/t5.tokenizer.json")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    texts = item_texts(a.data)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    tok = Tokenizer.from_file(a.tokenizer)
    tokens = sum(len(e.ids) for e in tok.encode_batch(texts))
    for name, run in [("loop of encode", lambda: [tok.encode(t) for t in texts]),
                      ("encode_batch, 1 thread", lambda: tok.encode_batch(texts))]:
        best = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - t0)
        print(f"HF tokenizers ({name}): {len(texts)} texts, {nbytes / 1e6:.2f} MB, {tokens} tokens, best of {a.repeat}: "
              f"{best:.3f} s, {nbytes / 1e6 / best:.2f} MB/s, {tokens / best:.0f} tokens/s")


if __name__ == "__main__":
    main()
