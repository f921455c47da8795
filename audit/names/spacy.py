"""Name mentions from a spaCy pipeline: `--ner spacy:PIPELINE` (e.g. `spacy:en_core_web_sm`).

spaCy is optional: it is imported here only, and a missing spaCy or pipeline is a
ConfigError saying what to install. Entities of numeric types are not names.
"""

from __future__ import annotations

from audit.errors import ConfigError
from audit.names.finder import Mention
from audit.names.hf import NOT_NAMES


class SpacyMentionFinder:
    """A `MentionFinder` backed by a spaCy pipeline's named entities."""

    def __init__(self, pipeline: str) -> None:
        try:
            import spacy
        except ImportError:
            raise ConfigError(f"ner: spacy:{pipeline} needs spaCy; pip install spacy and the pipeline") from None
        try:
            self.nlp = spacy.load(pipeline, disable=["lemmatizer", "textcat"])
        except OSError as exc:
            first = str(exc).strip().splitlines()[0]
            raise ConfigError(f"ner: cannot load spacy:{pipeline}: {first}") from None

    def __call__(self, text: str) -> list[Mention]:
        doc = self.nlp(text)
        mentions: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ in NOT_NAMES:
                continue
            if mentions and ent.start_char < mentions[-1].end:
                continue
            mentions.append(Mention(ent.start_char, ent.end_char, text[ent.start_char : ent.end_char]))
        return mentions
