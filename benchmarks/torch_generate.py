#!/usr/bin/env python3
"""PyTorch reference for trie-constrained beam search (the IDGenRec decoding setting): HF `generate` with
num_beams 20, num_return_sequences 20 and `prefix_allowed_tokens_fn` walking a prefix tree of valid item IDs —
what the released IDGenRec code does — timed per input, to compare with the Swift trie-beam decoder.

Model: T5 preset `cpu-small` (vocab 8000, d_model 256, d_kv 32, d_ff 1024, 4+4 layers, 8 heads, relu, tied),
random init from --seed, or weights loaded from a safetensors file (HF names) given with --weights.
Items: --items (12,000) distinct random token sequences of length 4-8 (tokens 2..vocab-1, seeded), each
followed by EOS (1) in the trie, so a hypothesis ends exactly when it has spelled a whole item.
Inputs: --inputs random prompts of 128 tokens (ending in EOS, no padding), decoded --batch at a time.
--items-file / --inputs-file (one sequence of token ids per line, space-separated; items without EOS) replace
the random items and prompts: `idgenrec-bench decode --torch` passes the Swift run's trie, prompts and weights.
prefix_allowed_tokens_fn: looks the generated prefix (after the decoder start token) up in a dict of all trie
prefixes (precomputed, so the Python side is as cheap as it can be); an impossible prefix gets [pad] (HF raises
on an empty list) — it never happens with a complete trie.

Prints one JSON object on stdout: ms_per_input (mean, wall), ms_per_input_min (fastest call, least disturbed by
other processes on the shared cores), mean_distinct_valid (distinct returned sequences
that are real items, out of 20), invalid_returned, versions, setup. Progress on stderr.

Run:  /work/venv/bin/python benchmarks/torch_generate.py [--inputs 4] [--batch 1] [--threads 2]
      [--weights model.safetensors] [--items-file items.txt] [--inputs-file inputs.txt] [--seed 0]
"""
import argparse
import json
import os
import random
import sys
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--inputs", type=int, default=4)
    p.add_argument("--batch", type=int, default=1, help="inputs per generate call")
    p.add_argument("--input-len", type=int, default=128)
    p.add_argument("--items", type=int, default=12000)
    p.add_argument("--beams", type=int, default=20)
    p.add_argument("--attn", default="sdpa", choices=["sdpa", "eager"])
    p.add_argument("--weights", help="safetensors file with cpu-small weights under HF names (else random init)")
    p.add_argument("--items-file", help="item token ids, one item per line (else --items random ones)")
    p.add_argument("--inputs-file", help="prompt token ids, one prompt per line (else random ones)")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def read_sequences(path):
    with open(path) as f:
        return [tuple(int(t) for t in line.split()) for line in f if line.strip()]


def make_items(count, vocab, seed):
    rng = random.Random(seed)
    items = set()
    while len(items) < count:
        items.add(tuple(rng.randrange(2, vocab) for _ in range(rng.randint(4, 8))))
    return sorted(items)


def prefix_table(items, eos):
    """prefix (tuple) -> allowed next tokens; a complete item allows EOS."""
    table = {}
    for item in items:
        seq = item + (eos,)
        for i in range(len(seq)):
            table.setdefault(seq[:i], set()).add(seq[i])
    return {k: sorted(v) for k, v in table.items()}


def main():
    args = parse()
    import torch
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    import transformers
    from transformers import T5Config, T5ForConditionalGeneration
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from torch_t5 import cpu_small_config

    torch.manual_seed(args.seed)
    config = cpu_small_config(T5Config)
    config._attn_implementation = args.attn
    model = T5ForConditionalGeneration(config)
    if args.weights:
        from safetensors.torch import load_file
        missing, unexpected = model.load_state_dict(load_file(args.weights), strict=False)
        aliases = {"encoder.embed_tokens.weight", "decoder.embed_tokens.weight", "lm_head.weight"}
        if set(missing) - aliases or unexpected:
            raise SystemExit(f"{args.weights}: missing {sorted(set(missing) - aliases)}, unexpected {unexpected}")
        model.tie_weights()
    model.eval()

    eos, pad, start = config.eos_token_id, config.pad_token_id, config.decoder_start_token_id
    items = read_sequences(args.items_file) if args.items_file else make_items(args.items, config.vocab_size, args.seed + 2)
    valid = set(items)
    table = prefix_table(items, eos)
    max_len = max(len(i) for i in items) + 1

    def allowed(batch_id, sent):
        return table.get(tuple(sent.tolist()[1:]), [pad])

    if args.inputs_file:
        given = read_sequences(args.inputs_file)[:args.inputs]
        if len({len(p) for p in given}) != 1:
            raise SystemExit(f"{args.inputs_file}: prompts must all have one length (no padding here)")
        prompts = torch.tensor(given, dtype=torch.long)
        args.inputs, args.input_len = len(given), len(given[0])
    else:
        g = torch.Generator().manual_seed(args.seed + 1)
        prompts = torch.randint(2, config.vocab_size, (args.inputs, args.input_len), generator=g)
        prompts[:, -1] = eos
    with torch.no_grad():  # warm-up call (allocations, thread pools), not timed
        model.generate(input_ids=prompts[:1], attention_mask=torch.ones_like(prompts[:1]), num_beams=args.beams,
                       num_return_sequences=args.beams, max_new_tokens=max_len, prefix_allowed_tokens_fn=allowed,
                       do_sample=False, early_stopping=True)
    times, distinct, invalid = [], [], 0
    for lo in range(0, args.inputs, args.batch):
        batch = prompts[lo:lo + args.batch]
        t0 = time.perf_counter()
        with torch.no_grad():
            out = model.generate(input_ids=batch, attention_mask=torch.ones_like(batch), num_beams=args.beams,
                                 num_return_sequences=args.beams, max_new_tokens=max_len,
                                 prefix_allowed_tokens_fn=allowed, do_sample=False, early_stopping=True)
        times.append((time.perf_counter() - t0) / len(batch))
        for b in range(len(batch)):
            found = set()
            for seq in out[b * args.beams:(b + 1) * args.beams].tolist():
                toks = seq[1:]
                toks = tuple(toks[:toks.index(eos)]) if eos in toks else tuple(toks)
                if toks in valid:
                    found.add(toks)
                else:
                    invalid += 1
            distinct.append(len(found))
        print(f"inputs {lo + 1}-{lo + len(batch)}: {times[-1] * 1000:.0f} ms/input, distinct valid {distinct[-len(batch):]}",
              file=sys.stderr)
    print(json.dumps({
        "framework": "pytorch", "torch": torch.__version__, "transformers": transformers.__version__,
        "threads": args.threads, "attn": args.attn, "preset": "cpu-small",
        "weights": args.weights or f"random init, seed {args.seed}",
        "items": len(items), "beams": args.beams, "return_sequences": args.beams, "input_len": args.input_len,
        "inputs": args.inputs, "batch": args.batch,
        "ms_per_input": round(1000 * sum(times) / len(times), 1), "ms_per_input_min": round(1000 * min(times), 1),
        "mean_distinct_valid": round(sum(distinct) / len(distinct), 2),
        "invalid_returned": invalid, "load_average_1m": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
