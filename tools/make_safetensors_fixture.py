#!/usr/bin/env python3
"""Writes Tests/Fixtures/safetensors/dtypes.safetensors with the `safetensors` package, so the Swift reader is
checked against files HF's own writer produces (SafeTensorsTests.testReadsHalfPrecisionWrittenByTheSafetensorsPackage).

Tensors (x = 24 seeded normals × 10 plus a few edge values: 0, -0, 65504, 1e-7 (F16 subnormal), 1e38):
  x.f16         F16  [4, 8]   x rounded to half by torch
  x.f16_as_f32  F32  [4, 8]   the same rounded values upcast to float32 by torch
  x.bf16        BF16 [4, 8]   x rounded to bfloat16 by torch
  x.bf16_as_f32 F32  [4, 8]   the same, upcast
Metadata: {"format": "pt"}.

Run by hand:  /work/venv/bin/python tools/make_safetensors_fixture.py
"""
import pathlib

import torch
from safetensors.torch import save_file

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "safetensors"


def main():
    torch.manual_seed(0)
    x = torch.cat([torch.randn(24) * 10, torch.tensor([0.0, -0.0, 65504.0, 1e-7, -3.0e-6, 1.0, 0.1, -2.5])]).reshape(4, 8)
    tensors = {}
    for name, dtype in [("f16", torch.float16), ("bf16", torch.bfloat16)]:
        rounded = x.to(dtype)
        tensors[f"x.{name}"] = rounded.contiguous()
        tensors[f"x.{name}_as_f32"] = rounded.to(torch.float32).contiguous()
    OUT.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(OUT / "dtypes.safetensors"), metadata={"format": "pt"})
    print("wrote", OUT / "dtypes.safetensors")


if __name__ == "__main__":
    main()
