"""Errors a user can cause, and the exit statuses (sqlfluff's split: 0 clean, 1 findings, 2 error)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class AuditError(Exception):
    """A problem the user can fix; its message is one line naming the file/line and what to do."""


class ConfigError(AuditError):
    pass


class InputError(AuditError):
    pass


class OutputError(AuditError):
    """The report cannot be written (a full disk, a read-only folder): one line, exit 2."""
