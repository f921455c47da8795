"""Reporters, one module per format; importing this package registers them in FORMATS."""

from audit.report import (
    github,
    html,
    json,
    junit,
    sarif,
    terminal,
)
from audit.report.base import FORMATS, Reporter

__all__ = ["FORMATS", "Reporter"]
