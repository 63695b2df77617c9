#!/usr/bin/env python3
"""Reference files for the Swift causal LM (CausalLM parity tests), written by Hugging Face transformers.

Run by hand (torch + transformers in a virtualenv outside the repo; CI never runs this):
    python3 -m venv /work/venv && /work/venv/bin/pip install 'torch==2.13.0+cpu' transformers safetensors
    /work/venv/bin/python tools/make_causal_fixtures.py
Made with torch 2.13.0+cpu, transformers 5.25.0, safetensors 0.8.0; seed 4321. Deterministic: re-running
rewrites the same bytes.

Two small random LlamaForCausalLM models, one folder each under Tests/Fixtures/causal/:

  tied/    tie_word_embeddings true  (LM head = embed_tokensᵀ), vocab 64, 2 layers
  untied/  tie_word_embeddings false (own lm_head),             vocab 80, 3 layers, plus our training-only key
           "idgenrec_dropout": 0.1 (HF ignores it; the parity is in eval, where it does nothing)

  both: hidden_size 32, num_attention_heads 4 = num_key_value_heads, head_dim 8, intermediate_size 64,
        hidden_act silu, rope_theta 10000 (default RoPE), rms_norm_eps 1e-6, no biases, attention_dropout 0,
        pad_token_id 0, bos_token_id 1, eos_token_id 2.
  Weights are redrawn after HF's init (linear and embedding weights normal(0, 0.3), norm weights 1 + normal(0, 0.2))
  so that attention is far from uniform and every parameter — rotary positions included — changes the logits.

Each folder holds:
  config.json          HF config as transformers 5 writes it (RoPE base under "rope_parameters"), keys sorted,
                       without "transformers_version".
  model.safetensors    F32 weights with HF names. Tied: `model.embed_tokens.weight` only (no `lm_head.weight`),
                       as save_pretrained writes a tied model. Checked by reloading with from_pretrained and
                       comparing logits.
  reference.safetensors  F32 tensors (B = 3 rows, L = 20 positions, V = vocab):
    input_ids        [B, L]  token ids as F32 (exact: ids < 2^24). Row 0 unpadded; rows 1-2 right-padded with
                             pad id 0 (lengths 20, 13, 7). Real tokens are drawn from 3..<V.
    attention_mask   [B, L]  1 real token, 0 padding — only to mark the labels: the model runs WITHOUT it, since
                             causal attention keeps right padding out of every real position (the script
                             asserts that running with the mask changes no real position's logits by > 1e-6).
    labels           [B, L]  HF's convention: input_ids with -100 on padding. HF shifts inside the loss:
                             logits[:, t] is scored against labels[:, t + 1].
    shifted_labels   [B, L]  the same targets pre-shifted, as `CausalLM.loss(ids:batch:labels:)` takes them:
                             shifted_labels[:, t] = labels[:, t + 1], and -100 in the last column.
    logits           [B, L, V]  LM logits for input_ids (padded positions included: causal-only attention)
    loss             [1]     HF's loss for (input_ids, labels): mean cross-entropy over the non-ignored shifted
                             targets (19 + 12 + 6 = 37 tokens)
    grad.<name>      gradient of `loss` w.r.t. every parameter (HF name, same shape as the weight). For the tied
                     model grad.model.embed_tokens.weight sums the embedding and LM-head contributions (the
                     padding row gets no embedding gradient — nn.Embedding's padding_idx — which is also what
                     right padding gives: a padded position's output is never scored).
    generate.tokens    [B, 5]   greedy continuation of each row's real tokens: column 0 is the row's last real
                                token, the first one fed after the prefix (its other real tokens); columns 1-4 are
                                the greedy picks. Recomputed in full each step; cross-checked against HF
                                `generate` (KV cache).
    generate.logprobs  [B, 4, V] log-softmax of the next-token logits at each of the 4 steps
Integer tensors (ids, masks, labels, tokens) are stored as F32 so one safetensors reader (F32/F16/BF16) suffices.
"""
import json
import pathlib

import torch
from safetensors.torch import load_file, save_file
from transformers import LlamaConfig, LlamaForCausalLM

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "causal"
SEED = 4321

MODELS = {
    "tied": dict(vocab_size=64, num_hidden_layers=2, tie_word_embeddings=True, extra={}),
    "untied": dict(vocab_size=80, num_hidden_layers=3, tie_word_embeddings=False, extra={"idgenrec_dropout": 0.1}),
}

B, L, STEPS = 3, 20, 4
LENGTHS = [20, 13, 7]


def build(spec):
    torch.manual_seed(SEED)
    config = LlamaConfig(
        vocab_size=spec["vocab_size"], hidden_size=32, intermediate_size=64, num_hidden_layers=spec["num_hidden_layers"],
        num_attention_heads=4, num_key_value_heads=4, head_dim=8, hidden_act="silu", rms_norm_eps=1e-6,
        rope_theta=10000.0, max_position_embeddings=128, attention_bias=False, mlp_bias=False, attention_dropout=0.0,
        tie_word_embeddings=spec["tie_word_embeddings"], pad_token_id=0, bos_token_id=1, eos_token_id=2)
    config._attn_implementation = "eager"  # plain matmul-softmax-matmul, the math the Swift port mirrors
    model = LlamaForCausalLM(config)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.copy_(1 + 0.2 * torch.randn_like(p))
            else:
                p.copy_(0.3 * torch.randn_like(p))
    tied = model.lm_head.weight is model.model.embed_tokens.weight
    assert tied == spec["tie_word_embeddings"], f"lm_head tied {tied}, wanted {spec['tie_word_embeddings']}"
    return model


def inputs(vocab):
    g = torch.Generator().manual_seed(SEED + 1)
    input_ids = torch.randint(3, vocab, (B, L), generator=g)
    attention_mask = torch.zeros(B, L, dtype=torch.long)
    for b, n in enumerate(LENGTHS):
        attention_mask[b, :n] = 1
    input_ids = input_ids * attention_mask  # pad id 0 on padding
    labels = input_ids.masked_fill(attention_mask == 0, -100)
    shifted = torch.full_like(labels, -100)
    shifted[:, :-1] = labels[:, 1:]
    return input_ids, attention_mask, labels, shifted


def greedy(model, input_ids):
    """Per row (rows differ in length): prefix = real tokens but the last, which is fed first."""
    tokens, logprobs = [], []
    with torch.no_grad():
        for b, n in enumerate(LENGTHS):
            seq = input_ids[b:b + 1, :n]
            steps = []
            for _ in range(STEPS):
                step = torch.log_softmax(model(input_ids=seq).logits[:, -1, :], dim=-1)
                steps.append(step[0])
                seq = torch.cat([seq, step.argmax(-1, keepdim=True)], dim=1)
            cached = model.generate(input_ids=input_ids[b:b + 1, :n], attention_mask=torch.ones(1, n, dtype=torch.long),
                                    max_new_tokens=STEPS, min_new_tokens=STEPS, do_sample=False, num_beams=1,
                                    eos_token_id=None, pad_token_id=0)
            if not torch.equal(cached, seq):
                raise SystemExit(f"row {b}: HF generate {cached.tolist()} differs from greedy {seq.tolist()}")
            tokens.append(seq[0, n - 1:])
            logprobs.append(torch.stack(steps))
    return torch.stack(tokens), torch.stack(logprobs)


def write_config(model, folder, extra):
    config = json.loads(model.config.to_json_string())
    config.pop("transformers_version", None)
    config["architectures"] = ["LlamaForCausalLM"]
    config.update(extra)
    (folder / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def save_weights(model, folder, tied):
    state = {k: v.detach().contiguous() for k, v in model.state_dict().items()}
    if tied:
        state.pop("lm_head.weight")  # one tensor in memory: saved once, under the embedding's name
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})


def make(name, spec):
    folder = ROOT / name
    folder.mkdir(parents=True, exist_ok=True)
    model = build(spec)
    tied = spec["tie_word_embeddings"]
    input_ids, attention_mask, labels, shifted = inputs(spec["vocab_size"])

    model.train()  # every dropout is 0, so train mode computes what eval mode does
    model.zero_grad()
    out = model(input_ids=input_ids, labels=labels)
    out.loss.backward()
    manual = torch.nn.functional.cross_entropy(out.logits.reshape(-1, spec["vocab_size"]), shifted.reshape(-1),
                                               ignore_index=-100)
    assert abs(manual.item() - out.loss.item()) < 1e-6, "pre-shifted labels must give HF's loss"
    with torch.no_grad():
        masked = model(input_ids=input_ids, attention_mask=attention_mask).logits
    real = attention_mask.bool()
    diff = (masked[real] - out.logits.detach()[real]).abs().max().item()
    assert diff < 1e-6, f"the attention mask changed real positions' logits by {diff}"

    reference = {
        "input_ids": input_ids.float(), "attention_mask": attention_mask.float(), "labels": labels.float(),
        "shifted_labels": shifted.float(), "logits": out.logits.detach(), "loss": out.loss.detach().reshape(1),
    }
    for pname, p in model.named_parameters():
        reference["grad." + pname] = p.grad.detach().clone()

    model.eval()
    tokens, logprobs = greedy(model, input_ids)
    reference["generate.tokens"] = tokens.float()
    reference["generate.logprobs"] = logprobs

    write_config(model, folder, spec["extra"])
    save_weights(model, folder, tied)
    save_file({k: v.contiguous() for k, v in reference.items()}, str(folder / "reference.safetensors"),
              metadata={"format": "pt"})  # one key: safetensors orders metadata by hash, so more keys would make the bytes vary run to run

    # The saved folder must be a checkpoint HF loads to the same model.
    reloaded = LlamaForCausalLM.from_pretrained(str(folder), attn_implementation="eager")
    reloaded.eval()
    assert (reloaded.lm_head.weight.data_ptr() == reloaded.model.embed_tokens.weight.data_ptr()) == tied
    with torch.no_grad():
        again = reloaded(input_ids=input_ids, labels=labels)
    diff = (again.logits - out.logits.detach()).abs().max().item()
    assert diff < 1e-6, f"{name}: reloaded checkpoint differs by {diff}"
    print(f"{name}: loss {out.loss.item():.6f}, reload max|diff| {diff:.2e}, "
          f"{len(load_file(str(folder / 'model.safetensors')))} weight tensors, {len(reference)} reference tensors")


def main():
    for name, spec in MODELS.items():
        make(name, spec)
    for p in sorted(ROOT.rglob("*")):
        if p.is_file():
            print(f"  {p.relative_to(ROOT)}: {p.stat().st_size / 1e3:.1f} kB")


if __name__ == "__main__":
    main()
