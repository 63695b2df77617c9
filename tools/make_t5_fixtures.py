#!/usr/bin/env python3
"""Reference files for the Swift T5 (issue 3 parity tests), written by Hugging Face transformers.

Run by hand (torch + transformers in a virtualenv outside the repo; CI never runs this):
    /work/venv/bin/python tools/make_t5_fixtures.py
Made with torch 2.13.0+cpu, transformers 5.24.0, safetensors 0.8.0; seed 1234. Deterministic: re-running
rewrites the same bytes.

Two small random T5ForConditionalGeneration models, one folder each under Tests/Fixtures/t5/:

  relu-tied/          feed_forward_proj "relu",       tied embeddings,   vocab 64, 2 encoder + 2 decoder layers
  gated-gelu-untied/  feed_forward_proj "gated-gelu", untied lm_head,    vocab 80, 2 encoder + 3 decoder layers

  both: d_model 32, d_kv 8, num_heads 4, d_ff 64, relative_attention_num_buckets 8,
        relative_attention_max_distance 20, dropout_rate 0, layer_norm_epsilon 1e-6,
        pad_token_id 0 = decoder_start_token_id, eos_token_id 1.

Each folder holds:
  config.json          HF config. For the untied model "tie_word_embeddings" is false (how T5 v1.1 / t5-v1_1-*
                       checkpoints say it). NOTE: transformers 5.x rewrites that key to true and adds
                       "scale_decoder_outputs": false instead; this script writes false for both keys so old and
                       new readers agree. A reader should take `scale_decoder_outputs` when present, else
                       `tie_word_embeddings` (default true), to decide the d_model^-0.5 scaling before the LM head;
                       whether lm_head is a separate tensor is decided by `lm_head.weight` in the checkpoint.
  model.safetensors    F32 weights as save_pretrained writes them (tied: `shared.weight`, no separate
                       lm_head/embed_tokens tensors; untied: also `lm_head.weight`). Checked by reloading with
                       from_pretrained and comparing logits.
  reference.safetensors  F32 tensors (B = 3 rows, S = 24 input tokens, T = 7 target tokens, D = 32, V = vocab):
    input_ids                  [B, S]  token ids as F32 (exact: ids < 2^24). Row 0 unpadded, rows 1-2 right-padded
                                       with pad id 0 (lengths 24, 15, 9). S > max_distance so far buckets are used.
    attention_mask             [B, S]  1 real token, 0 padding
    labels                     [B, T]  target ids ending in EOS (1), -100 on padding (row lengths 7, 5, 3)
    decoder_input_ids          [B, T]  labels shifted right with decoder_start_token_id (= pad 0) in front and
                                       -100 replaced by pad — HF's `_shift_right`; this is what the decoder ran on
    encoder_last_hidden_state  [B, S, D] after the final encoder layer norm (padded positions included)
    logits                     [B, T, V] decoder logits for decoder_input_ids; the decoder self-attention is
                                       causal only (no decoder padding mask, HF's default), cross-attention masks
                                       encoder padding
    loss                       [1]     mean token cross-entropy over labels != -100
    grad.<parameter name>      gradient of `loss` w.r.t. that parameter (HF name, same shape as the weight).
                               For the tied model grad.shared.weight sums the encoder-embedding, decoder-embedding
                               and LM-head contributions.
    generate.tokens            [B, 7]  greedy decoding with full recomputation each step (no EOS stop, so every
                                       row has 6 new tokens); column 0 is decoder_start_token_id. Cross-checked
                                       against HF `generate` (KV cache) in this script.
    generate.logprobs          [B, 6, V] log-softmax of the next-token logits at each of the 6 steps
Integer tensors (ids, masks, labels, tokens) are stored as F32 so one safetensors reader (F32/F16/BF16) suffices.
"""
import json
import pathlib

import torch
from safetensors.torch import load_file, save_file
from transformers import T5Config, T5ForConditionalGeneration
from transformers.cache_utils import DynamicCache, EncoderDecoderCache

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "t5"
SEED = 1234

GRAD_NAMES = [
    "shared.weight",
    "encoder.block.0.layer.0.SelfAttention.q.weight",
    "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
    "encoder.block.1.layer.1.DenseReluDense.wo.weight",
    "encoder.final_layer_norm.weight",
    "decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
    "decoder.block.0.layer.0.SelfAttention.k.weight",
    "decoder.block.1.layer.1.EncDecAttention.o.weight",
    "decoder.block.1.layer.1.EncDecAttention.v.weight",
    "decoder.block.1.layer.1.layer_norm.weight",
    "decoder.final_layer_norm.weight",
]

MODELS = {
    "relu-tied": dict(vocab_size=64, num_layers=2, num_decoder_layers=2, feed_forward_proj="relu", tie_word_embeddings=True,
                      extra_grads=["decoder.block.0.layer.2.DenseReluDense.wi.weight"]),
    "gated-gelu-untied": dict(vocab_size=80, num_layers=2, num_decoder_layers=3, feed_forward_proj="gated-gelu",
                              tie_word_embeddings=False,
                              extra_grads=["decoder.block.0.layer.2.DenseReluDense.wi_0.weight",
                                           "decoder.block.2.layer.2.DenseReluDense.wi_1.weight",
                                           "lm_head.weight"]),
}

B, S, T, STEPS = 3, 24, 7, 6
INPUT_LENGTHS = [24, 15, 9]
LABEL_LENGTHS = [7, 5, 3]


def build(name, spec):
    torch.manual_seed(SEED)
    config = T5Config(
        vocab_size=spec["vocab_size"], d_model=32, d_kv=8, d_ff=64, num_layers=spec["num_layers"],
        num_decoder_layers=spec["num_decoder_layers"], num_heads=4, relative_attention_num_buckets=8,
        relative_attention_max_distance=20, dropout_rate=0.0, layer_norm_epsilon=1e-6,
        feed_forward_proj=spec["feed_forward_proj"], tie_word_embeddings=spec["tie_word_embeddings"],
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    config._attn_implementation = "eager"  # plain matmul-softmax-matmul, the math the Swift port mirrors
    model = T5ForConditionalGeneration(config)
    assert model.encoder.block[0].layer[0].SelfAttention.config._attn_implementation == "eager"
    if not spec["tie_word_embeddings"]:
        # transformers 5.x always ties lm_head to shared in memory; an untied T5 (v1.1) owns its head, so give
        # it its own parameter, initialised as HF's _init_weights does for an untied head (normal, std 1).
        model.lm_head.weight = torch.nn.Parameter(torch.randn(config.vocab_size, config.d_model))
    return model


def inputs(vocab):
    g = torch.Generator().manual_seed(SEED + 1)
    input_ids = torch.randint(2, vocab, (B, S), generator=g)
    attention_mask = torch.zeros(B, S, dtype=torch.long)
    for b, n in enumerate(INPUT_LENGTHS):
        attention_mask[b, :n] = 1
        input_ids[b, n - 1] = 1  # EOS ends the real text, as a tokenizer would
    input_ids = input_ids * attention_mask  # pad id 0 on padding
    labels = torch.randint(2, vocab, (B, T), generator=g)
    for b, n in enumerate(LABEL_LENGTHS):
        labels[b, n - 1] = 1
        labels[b, n:] = -100
    return input_ids, attention_mask, labels


def greedy(model, input_ids, attention_mask, start):
    tokens = torch.full((B, 1), start, dtype=torch.long)
    logprobs = []
    with torch.no_grad():
        encoder = model.get_encoder()(input_ids=input_ids, attention_mask=attention_mask)
        for _ in range(STEPS):
            out = model(encoder_outputs=encoder, attention_mask=attention_mask, decoder_input_ids=tokens, use_cache=False)
            step = torch.log_softmax(out.logits[:, -1, :], dim=-1)
            logprobs.append(step)
            tokens = torch.cat([tokens, step.argmax(-1, keepdim=True)], dim=1)
    return tokens, torch.stack(logprobs, dim=1)


def write_config(model, folder, tied):
    config = json.loads(model.config.to_json_string())
    config["tie_word_embeddings"] = tied
    config["scale_decoder_outputs"] = tied
    config["architectures"] = ["T5ForConditionalGeneration"]
    config.pop("transformers_version", None)
    (folder / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def save_weights(model, folder, tied):
    state = {k: v.detach().contiguous() for k, v in model.state_dict().items()}
    # Tied in memory = one tensor: save it once, under `shared.weight`, as save_pretrained does.
    for alias in ["encoder.embed_tokens.weight", "decoder.embed_tokens.weight"] + (["lm_head.weight"] if tied else []):
        state.pop(alias)
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})


def make(name, spec):
    folder = ROOT / name
    folder.mkdir(parents=True, exist_ok=True)
    model = build(name, spec)
    tied = spec["tie_word_embeddings"]
    assert (model.lm_head.weight is model.shared.weight) == tied
    input_ids, attention_mask, labels = inputs(spec["vocab_size"])

    model.train()  # dropout is 0, so train mode computes exactly what eval mode does
    model.zero_grad()
    out = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels)
    out.loss.backward()
    decoder_input_ids = model._shift_right(labels)
    params = dict(model.named_parameters(remove_duplicate=False))

    reference = {
        "input_ids": input_ids.float(), "attention_mask": attention_mask.float(), "labels": labels.float(),
        "decoder_input_ids": decoder_input_ids.float(),
        "encoder_last_hidden_state": out.encoder_last_hidden_state.detach(),
        "logits": out.logits.detach(), "loss": out.loss.detach().reshape(1),
    }
    for g in GRAD_NAMES + spec["extra_grads"]:
        reference["grad." + g] = params[g].grad.detach().clone()

    model.eval()
    tokens, logprobs = greedy(model, input_ids, attention_mask, model.config.decoder_start_token_id)
    with torch.no_grad():
        cached = model.generate(input_ids=input_ids, attention_mask=attention_mask, max_new_tokens=STEPS,
                                min_new_tokens=STEPS, do_sample=False, num_beams=1, eos_token_id=None,
                                pad_token_id=0, decoder_start_token_id=0,
                                # a config-free cache grows per layer; the default one is sized from num_layers
                                # and breaks when the decoder is deeper than the encoder (transformers 5.24)
                                cache=EncoderDecoderCache(DynamicCache(), DynamicCache()))
    if cached.shape == tokens.shape and torch.equal(cached, tokens):
        print(f"{name}: HF generate (KV cache) agrees with the recomputed greedy tokens")
    else:
        raise SystemExit(f"{name}: HF generate {cached.tolist()} differs from greedy {tokens.tolist()}")
    reference["generate.tokens"] = tokens.float()
    reference["generate.logprobs"] = logprobs

    write_config(model, folder, tied)
    save_weights(model, folder, tied)
    save_file({k: v.contiguous() for k, v in reference.items()}, str(folder / "reference.safetensors"),
              metadata={"format": "pt"})  # one key: safetensors orders metadata by hash, so more keys would make the bytes vary run to run

    # The saved folder must be a checkpoint HF loads to the same model.
    reloaded = T5ForConditionalGeneration.from_pretrained(str(folder), attn_implementation="eager")
    reloaded.eval()
    assert (reloaded.lm_head.weight.data_ptr() == reloaded.shared.weight.data_ptr()) == tied
    with torch.no_grad():
        again = reloaded(input_ids=input_ids, attention_mask=attention_mask, labels=labels)
    diff = (again.logits - out.logits.detach()).abs().max().item()
    assert diff < 1e-6, f"{name}: reloaded checkpoint differs by {diff}"
    print(f"{name}: loss {out.loss.item():.6f}, reload max|diff| {diff:.2e}, "
          f"{len(load_file(str(folder / 'model.safetensors')))} weight tensors, {len(reference)} reference tensors")


def main():
    for name, spec in MODELS.items():
        make(name, spec)
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    print(f"fixtures under {ROOT}: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
