"""mt-audit: a translation-quality auditor for machine-translated English wire copy.

    from audit import audit_text
    codes = [f.code for f in audit_text("He said the “ talks ” failed.").findings]  # Q103 twice
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from audit.types import Document, DocumentResult, Finding, Related, Severity

__version__ = "0.1.0"
__all__ = ["Document", "DocumentResult", "Finding", "Related", "Severity", "__version__", "audit_paths", "audit_text"]


def audit_text(
    text: str,
    *,
    source: str | None = None,
    source_lang: str | None = None,
    retranslations: Iterable[str] = (),
    config: object | None = None,
) -> DocumentResult:
    """Audit one string with the given (or the default) config."""
    from audit.config import Config
    from audit.pipeline import audit_documents

    document = Document(
        id="<text>", text=text, source=source, source_lang=source_lang, retranslations=tuple(retranslations)
    )
    [result] = audit_documents([document], config if isinstance(config, Config) else Config())
    return result


def audit_paths(paths: Iterable[str], *, config: object | None = None) -> Iterator[DocumentResult]:
    """Audit files, directories, globs and JSONL feeds as a stream of results."""
    from audit.config import Config
    from audit.io import read_inputs
    from audit.pipeline import audit_documents

    return audit_documents(read_inputs(paths), config if isinstance(config, Config) else Config())
