"""Build a tiny MarianMT model (random weights, real SentencePiece tokenizer) for tests.

The model has the opus-mt layout, so it runs the real transformers path end to end
(tokenize, batch, generate, decode) in milliseconds; its output is nonsense by design.
The tokenizer is trained on the text under samples/, so the sample tokenizes into real
sub-words. Builds in about a second, with no network.

    python scripts/make_tiny_marian.py OUT_DIR [--seed N] [--max-positions 64]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SPECIAL = ("</s>", "<unk>")


def train_sentencepiece(lines: list[str], folder: Path, vocab_size: int) -> Path:
    """A real unigram SentencePiece model trained on `lines`, written in `folder`; its path."""
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prefix = folder / "spm"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build_tiny_marian(
    out_dir: Path,
    *,
    seed: int = 0,
    max_positions: int = 64,
    texts: list[str] | None = None,
) -> Path:
    """Write a tiny MarianMT model and its tokenizer to `out_dir` and return it."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    lines = texts if texts is not None else _sample_lines()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        model_file = train_sentencepiece(lines, Path(work), vocab_size=120)
        processor = spm.SentencePieceProcessor(model_file=str(model_file))
        pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        vocab: dict[str, int] = {token: index for index, token in enumerate(SPECIAL)}
        for piece in pieces:
            vocab.setdefault(piece, len(vocab))
        pad_id = vocab.setdefault("<pad>", len(vocab))
        vocab_file = Path(work) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            tokenizer = MarianTokenizer(source_spm=str(model_file), target_spm=str(model_file), vocab=str(vocab_file))
        tokenizer.save_pretrained(str(out_dir))

    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=max_positions,
        pad_token_id=pad_id,
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=pad_id,
        forced_eos_token_id=vocab["</s>"],
    )
    model = MarianMTModel(config)
    model.save_pretrained(str(out_dir), safe_serialization=True)
    return out_dir


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if not lines:
        raise FileNotFoundError(f"no sample text under {SAMPLES} to train the tokenizer on")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-positions", type=int, default=64)
    args = parser.parse_args()
    path = build_tiny_marian(args.out_dir, seed=args.seed, max_positions=args.max_positions)
    print(path)


if __name__ == "__main__":
    main()
