"""Reporters, one module per format; importing this package registers them in FORMATS."""

from audit.report import json, terminal  # noqa: F401  (registration)
from audit.report import github, junit, sarif  # noqa: F401  (registration)
from audit.report import html  # noqa: F401  (registration)
from audit.report.base import FORMATS, Reporter

__all__ = ["FORMATS", "Reporter"]
