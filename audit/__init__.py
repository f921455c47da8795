"""mt-audit: a translation-quality auditor for machine-translated English wire copy."""

from __future__ import annotations

__version__ = "0.1.0"
