#!/usr/bin/env python3
"""PyTorch reference for the T5 training-step benchmark (issue 3, "Speed"): the same step the Swift engine
times, so `idgenrec-bench` can print both and their ratio from one run.

Model: HF T5ForConditionalGeneration, preset `cpu-small` — vocab 8000, d_model 256, d_kv 32, d_ff 1024,
4 encoder + 4 decoder layers, 8 heads, relu, tied embeddings, dropout 0.1, 32 buckets / max distance 128.
Step: batch 32, input 128 tokens (no padding), target 8 tokens, teacher-forced cross-entropy, backward,
AdamW (lr 1e-4, weight decay 0.01), zero_grad — measured over `--steps` steps after `--warmup` steps.
Eval: forward only (`model.eval()`, `torch.no_grad()`), same batch, encoder + teacher-forced decoder logits.
Threads: torch.set_num_threads(--threads, default 2) and one inter-op thread.

Prints exactly one JSON object on stdout (progress goes to stderr):
  train_samples_per_s (from the mean step), train_ms_per_step (mean), _median, _min, train_samples_per_s_best
  (from the fastest step: the figure least disturbed when other processes share the 2 cores), eval_samples_per_s,
  eval_ms_per_batch, eval_ms_per_batch_min, eval_samples_per_s_best,
  peak_rss_mb_train (ru_maxrss after training), peak_rss_mb (at the end), loss_first, loss_last, versions, setup,
  train_cpu_per_wall and load_average_1m (to see whether other processes shared the cores during the run).

Run:  /work/venv/bin/python benchmarks/torch_t5.py [--threads 2] [--warmup 3] [--steps 10] [--eval-steps 10]
      [--attn sdpa|eager] [--save-weights PATH.safetensors]
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--eval-steps", type=int, default=10)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--input-len", type=int, default=128)
    p.add_argument("--target-len", type=int, default=8)
    p.add_argument("--attn", default="sdpa", choices=["sdpa", "eager"],
                   help="HF attention kernel; sdpa is PyTorch's fused path (the fairer, faster reference)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--save-weights", help="also write the initial weights (HF names) to this safetensors file")
    return p.parse_args()


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def cpu_small_config(T5Config):
    return T5Config(vocab_size=8000, d_model=256, d_kv=32, d_ff=1024, num_layers=4, num_decoder_layers=4,
                    num_heads=8, relative_attention_num_buckets=32, relative_attention_max_distance=128,
                    dropout_rate=0.1, layer_norm_epsilon=1e-6, feed_forward_proj="relu", tie_word_embeddings=True,
                    pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)


def main():
    args = parse()
    import torch
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    import transformers
    from transformers import T5Config, T5ForConditionalGeneration

    torch.manual_seed(args.seed)
    config = cpu_small_config(T5Config)
    config._attn_implementation = args.attn
    model = T5ForConditionalGeneration(config)
    if args.save_weights:
        from safetensors.torch import save_file
        state = {k: v.detach().contiguous() for k, v in model.state_dict().items()
                 if k not in ("encoder.embed_tokens.weight", "decoder.embed_tokens.weight", "lm_head.weight")}
        save_file(state, args.save_weights, metadata={"format": "pt"})

    g = torch.Generator().manual_seed(args.seed + 1)
    input_ids = torch.randint(2, config.vocab_size, (args.batch, args.input_len), generator=g)
    attention_mask = torch.ones_like(input_ids)
    labels = torch.randint(2, config.vocab_size, (args.batch, args.target_len), generator=g)
    labels[:, -1] = 1  # EOS
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)

    model.train()
    times, cpu_times, losses = [], [], []
    for i in range(args.warmup + args.steps):
        t0, c0 = time.perf_counter(), time.process_time()
        loss = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        dt = time.perf_counter() - t0
        losses.append(loss.item())
        if i >= args.warmup:
            times.append(dt)
            cpu_times.append(time.process_time() - c0)
        print(f"train step {i + 1}: {dt * 1000:.0f} ms, loss {losses[-1]:.4f}", file=sys.stderr)
    rss_train = rss_mb()

    model.eval()
    decoder_input_ids = model._shift_right(labels)
    eval_times = []
    with torch.no_grad():
        for i in range(args.warmup + args.eval_steps):
            t0 = time.perf_counter()
            model(input_ids=input_ids, attention_mask=attention_mask, decoder_input_ids=decoder_input_ids, use_cache=False)
            dt = time.perf_counter() - t0
            if i >= args.warmup:
                eval_times.append(dt)
    train_ms = 1000 * sum(times) / len(times)
    eval_ms = 1000 * sum(eval_times) / len(eval_times)
    print(json.dumps({
        "framework": "pytorch", "torch": torch.__version__, "transformers": transformers.__version__,
        "threads": args.threads, "attn": args.attn, "preset": "cpu-small",
        "parameters": sum(p.numel() for p in model.parameters()),
        "batch": args.batch, "input_len": args.input_len, "target_len": args.target_len,
        "warmup_steps": args.warmup, "train_steps": args.steps, "eval_steps": args.eval_steps,
        "train_samples_per_s": round(args.batch / (train_ms / 1000), 2),
        "train_ms_per_step": round(train_ms, 1), "train_ms_per_step_median": round(1000 * statistics.median(times), 1),
        "train_ms_per_step_min": round(1000 * min(times), 1),
        "train_samples_per_s_best": round(args.batch / min(times), 2),
        "eval_samples_per_s": round(args.batch / (eval_ms / 1000), 2), "eval_ms_per_batch": round(eval_ms, 1),
        "eval_ms_per_batch_min": round(1000 * min(eval_times), 1),
        "eval_samples_per_s_best": round(args.batch / min(eval_times), 2),
        # CPU seconds per wall second: ~threads when the cores are ours, less when other work shares them.
        "train_cpu_per_wall": round(sum(cpu_times) / sum(times), 2), "load_average_1m": os.getloadavg()[0],
        "peak_rss_mb_train": round(rss_train, 1), "peak_rss_mb": round(rss_mb(), 1),
        "loss_first": round(losses[0], 4), "loss_last": round(losses[-1], 4),
    }))


if __name__ == "__main__":
    main()
