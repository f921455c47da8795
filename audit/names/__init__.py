"""Names in English wire copy: finding mentions, folding spellings, glossaries, transliteration.

Model-free by default; `hf.py` and `spacy.py` wrap optional NER backends behind the same
`find_mentions`-shaped interface (`finder.mention_finder`).
"""
