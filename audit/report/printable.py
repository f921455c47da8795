"""Untrusted text made safe to show on a terminal or in a CI log.

Ids, paths, document text, messages and model names come from the input. On a terminal a
raw ESC starts an escape sequence (colours, cursor moves, hyperlinks, a retitled window),
NUL and the other C0/C1 controls do what the terminal pleases, a newline forges a line of
its own, and the bidi overrides (Trojan Source) make text display in another order than it
reads. Lone surrogates cannot be encoded at all. Each of these becomes one U+FFFD (a tab, one
space), so a line keeps its length in characters and an underline below it stays aligned.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# C0 and C1 controls with DEL, the line and paragraph separators, the bidi embeddings,
# overrides, isolates and marks, and the surrogate code points (lone ones reach us from JSON).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every control, bidi-control and surrogate character replaced by U+FFFD, tabs by a space."""
    return _UNPRINTABLE.sub(REPLACEMENT, text.replace("\t", " "))
