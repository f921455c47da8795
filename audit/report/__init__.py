"""Reporters, one module per format; importing this package registers them in FORMATS."""

from audit.report import (  # noqa: F401  (registration)  # noqa: F401  (registration)
    github,
    html,
    json,
    junit,
    sarif,
    terminal,
)
from audit.report.base import FORMATS, Reporter

__all__ = ["FORMATS", "Reporter"]
