"""Build a tiny randomly initialised BERT token-classification model (for the `--ner hf:` tests).

Usage: python scripts/make_tiny_ner.py OUT_DIR [--label B-PER|I-PER|O]

The classifier is zeroed and biased towards one label, so every token gets that label:
the tests then know exactly which mentions the decoder must produce. No network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WORDS = [
    "the",
    "said",
    "of",
    "in",
    "and",
    "to",
    "on",
    "was",
    "al",
    "igor",
    "konashenkov",
    "ankara",
    "idlib",
    "hayat",
    "tahrir",
    "sham",
    "moscow",
]
LABELS = {0: "O", 1: "B-PER", 2: "I-PER", 3: "B-DATE"}


def build(out: Path, label: str = "B-PER") -> Path:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    out.mkdir(parents=True, exist_ok=True)
    letters = sorted(set("abcdefghijklmnopqrstuvwxyz0123456789.,-'\"“”"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *letters, *(f"##{c}" for c in letters)]
    (out / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(out / "vocab.txt"), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=512,
        num_labels=len(LABELS),
        id2label=LABELS,
        label2id={v: k for k, v in LABELS.items()},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[config.label2id[label]] = 10.0
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--label", default="B-PER", choices=sorted(LABELS.values()))
    args = parser.parse_args()
    build(args.out, args.label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
