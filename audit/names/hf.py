"""Name mentions from a transformers token-classification (NER) model: `--ner hf:MODEL`.

MODEL is a Hub id or a local directory, loaded with `from_pretrained` (safetensors when the
model has them, never remote code). transformers is imported here only, on first use, so
the rule-based finder costs nothing. Long texts are read in line-aligned chunks; the
model's B-/I- (or plain) labels are decoded into character spans on the original text.
"""

from __future__ import annotations

import re
from typing import Any

from audit.errors import ConfigError
from audit.names.finder import Mention

# Entity types that are not names (OntoNotes-style numeric types).
NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_CHUNK = 1500
_LINE = re.compile(r"[^\n]*\n?")


class HFMentionFinder:
    """A `MentionFinder` backed by a token-classification model."""

    def __init__(self, model: str, *, max_length: int = 512) -> None:
        try:
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - transformers is a core dependency
            raise ConfigError(f"ner: hf:{model} needs transformers ({exc})") from None
        self.model_id = model
        self.max_length = max_length
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model, trust_remote_code=False)
            try:
                self.model = AutoModelForTokenClassification.from_pretrained(
                    model, use_safetensors=True, trust_remote_code=False
                )
            except OSError:
                self.model = AutoModelForTokenClassification.from_pretrained(model, trust_remote_code=False)
        except (OSError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConfigError(
                f"ner: cannot load hf:{model}: {first}; pass a local model directory or a Hub id"
            ) from None
        if not getattr(self.tokenizer, "is_fast", False):
            raise ConfigError(f"ner: hf:{model} has no fast tokenizer, which character offsets need")
        self.model.eval()
        self.labels: dict[int, str] = {int(k): str(v) for k, v in self.model.config.id2label.items()}

    def __call__(self, text: str) -> list[Mention]:
        mentions: list[Mention] = []
        for start, end in _chunks(text):
            mentions.extend(self._chunk_mentions(text, start, end))
        return mentions

    def _chunk_mentions(self, text: str, start: int, end: int) -> list[Mention]:
        import torch

        chunk = text[start:end]
        if not chunk.strip():
            return []
        encoded: Any = self.tokenizer(
            chunk, return_offsets_mapping=True, truncation=True, max_length=self.max_length, return_tensors="pt"
        )
        offsets = encoded.pop("offset_mapping")[0].tolist()
        with torch.no_grad():
            logits = self.model(**encoded).logits[0]
        predicted = logits.argmax(-1).tolist()
        spans: list[list[int]] = []
        previous_type: str | None = None
        for (tok_start, tok_end), label_id in zip(offsets, predicted):
            if tok_start == tok_end:
                continue  # special tokens
            label = self.labels.get(label_id, "O")
            prefix, _, kind = label.partition("-") if "-" in label else ("", "", label)
            if label == "O" or kind in NOT_NAMES:
                previous_type = None
                continue
            continues = previous_type == kind and prefix != "B"
            adjoining = spans and (tok_start - spans[-1][1] <= 1 or not chunk[spans[-1][1] : tok_start].strip())
            if continues and adjoining:
                spans[-1][1] = tok_end
            elif spans and tok_start == spans[-1][1] and previous_type == kind:
                spans[-1][1] = tok_end  # a word piece of the same word
            else:
                spans.append([tok_start, tok_end])
            previous_type = kind
        mentions: list[Mention] = []
        for span_start, span_end in spans:
            span_start, span_end = _whole_words(chunk, span_start, span_end)
            if span_end <= span_start or (mentions and start + span_start < mentions[-1].end):
                continue
            mentions.append(Mention(start + span_start, start + span_end, text[start + span_start : start + span_end]))
        return mentions


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words and trim spaces and punctuation (`Konash|enkov`, `Ankara.`)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _chunks(text: str) -> list[tuple[int, int]]:
    """Line-aligned pieces of at most about `_CHUNK` characters (a longer line is cut)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _LINE.finditer(text):
        if not match.group():
            break
        if match.end() - start > _CHUNK and match.start() > start:
            pieces.append((start, match.start()))
            start = match.start()
        while match.end() - start > _CHUNK:
            cut = text.rfind(" ", start, start + _CHUNK)
            cut = cut if cut > start else start + _CHUNK
            pieces.append((start, cut))
            start = cut
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces
