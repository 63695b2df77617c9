#!/usr/bin/env python3
"""Reference AdamW trajectory, LR schedules and gradient clipping from PyTorch / transformers, for the Swift
optimizer tests. Writes Tests/Fixtures/optim/adamw.safetensors (all tensors F32, float32 arithmetic in torch).

Run by hand:  /work/venv/bin/python tools/make_adamw_fixture.py
Made with torch 2.13.0+cpu, transformers 5.24.0. Seed 7. Byte-identical on re-run.

AdamW: torch.optim.AdamW(lr=1e-2, betas=(0.9, 0.999), eps=1e-6, amsgrad=False, foreach=False) with two groups:
  w [3, 4]  weight_decay 0.01  (decoupled: p -= lr * wd * p before the Adam update, as torch does)
  b [4]     weight_decay 0     (the "no-decay" parameter, e.g. a layer-norm weight)
Five fixed gradients; step 3 is scaled ×10 and step 4 ×1e-4 so both a large step and an eps-dominated step occur.
  hyper.lr, hyper.beta1, hyper.beta2, hyper.eps, hyper.weight_decay   [1]  the settings above
  initial.w [3,4], initial.b [4]                                          parameters before step 1
  step<t>.grad.w [3,4], step<t>.grad.b [4]      t = 1..5                  gradient given at step t
  step<t>.param.w [3,4], step<t>.param.b [4]    t = 1..5                  parameters after step t

LR schedules (transformers.get_linear_schedule_with_warmup / get_cosine_schedule_with_warmup on an optimizer
with base lr 1e-2, 3 warm-up steps, 10 training steps, cosine num_cycles 0.5):
  schedule.base_lr, schedule.warmup_steps, schedule.total_steps           [1]
  schedule.linear [12], schedule.cosine [12]
      entry s = base_lr * lr_lambda(s) for s = 0..11: the learning rate of the (s+1)-th optimizer update when
      scheduler.step() follows every optimizer.step() (HF Trainer's order). Past the end HF does not clamp:
      linear stays at 0, cosine rises again (s = 11 gives 4.95e-4) — match it, or document the deviation.

Global gradient-norm clipping (torch.nn.utils.clip_grad_norm_, L2 over all gradients together):
  clip.max_norm [1] = 1.0, clip.grad.w [3,4], clip.grad.b [4]             gradients before clipping (norm > 1)
  clip.total_norm [1]                                                      the norm clip_grad_norm_ returned
  clip.clipped.w [3,4], clip.clipped.b [4]                                 gradients after clipping
  (torch scales by max_norm / (total_norm + 1e-6) when that is < 1.)
"""
import pathlib

import torch
from safetensors.torch import save_file
from transformers import get_cosine_schedule_with_warmup, get_linear_schedule_with_warmup

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "optim" / "adamw.safetensors"
LR, BETAS, EPS, WD = 1e-2, (0.9, 0.999), 1e-6, 0.01
STEPS = 5
SCALES = [1.0, 0.5, 10.0, 1e-4, 2.0]


def scalar(x):
    return torch.tensor([x], dtype=torch.float32)


def adamw(out):
    g = torch.Generator().manual_seed(7)
    w = torch.nn.Parameter(torch.randn(3, 4, generator=g))
    b = torch.nn.Parameter(torch.randn(4, generator=g))
    out["initial.w"], out["initial.b"] = w.detach().clone(), b.detach().clone()
    opt = torch.optim.AdamW([{"params": [w], "weight_decay": WD}, {"params": [b], "weight_decay": 0.0}],
                            lr=LR, betas=BETAS, eps=EPS, amsgrad=False, foreach=False)
    for t in range(1, STEPS + 1):
        gw = torch.randn(3, 4, generator=g) * SCALES[t - 1]
        gb = torch.randn(4, generator=g) * SCALES[t - 1]
        w.grad, b.grad = gw.clone(), gb.clone()
        opt.step()
        out[f"step{t}.grad.w"], out[f"step{t}.grad.b"] = gw, gb
        out[f"step{t}.param.w"], out[f"step{t}.param.b"] = w.detach().clone(), b.detach().clone()
    out["hyper.lr"], out["hyper.beta1"], out["hyper.beta2"] = scalar(LR), scalar(BETAS[0]), scalar(BETAS[1])
    out["hyper.eps"], out["hyper.weight_decay"] = scalar(EPS), scalar(WD)


def schedules(out):
    warmup, total = 3, 10
    for name, make in [("linear", get_linear_schedule_with_warmup), ("cosine", get_cosine_schedule_with_warmup)]:
        opt = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=LR)
        sched = make(opt, num_warmup_steps=warmup, num_training_steps=total)
        lrs = [LR * sched.lr_lambdas[0](s) for s in range(total + 2)]
        # The lambda and the optimizer's lr after s scheduler steps must agree (HF Trainer order).
        seen = []
        for _ in range(total + 2):
            seen.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        assert all(abs(a - b) < 1e-12 for a, b in zip(lrs, seen)), (lrs, seen)
        out[f"schedule.{name}"] = torch.tensor(lrs, dtype=torch.float32)
    out["schedule.base_lr"], out["schedule.warmup_steps"], out["schedule.total_steps"] = scalar(LR), scalar(warmup), scalar(total)


def clipping(out):
    g = torch.Generator().manual_seed(8)
    w = torch.nn.Parameter(torch.zeros(3, 4))
    b = torch.nn.Parameter(torch.zeros(4))
    w.grad, b.grad = torch.randn(3, 4, generator=g), torch.randn(4, generator=g)
    out["clip.grad.w"], out["clip.grad.b"] = w.grad.clone(), b.grad.clone()
    total = torch.nn.utils.clip_grad_norm_([w, b], max_norm=1.0)
    assert total > 1.0
    out["clip.max_norm"], out["clip.total_norm"] = scalar(1.0), total.reshape(1).float()
    out["clip.clipped.w"], out["clip.clipped.b"] = w.grad.clone(), b.grad.clone()


def main():
    out = {}
    adamw(out)
    schedules(out)
    clipping(out)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in out.items()}, str(OUT), metadata={"format": "pt"})
    print(f"wrote {OUT} ({len(out)} tensors, {OUT.stat().st_size} bytes)")
    print("linear", out["schedule.linear"].tolist())
    print("cosine", out["schedule.cosine"].tolist())


if __name__ == "__main__":
    main()
