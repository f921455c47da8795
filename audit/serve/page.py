"""The workspace page and the panels it shows, made from the HTML report's own parts.

The page inlines the report's CSS and its findings script (`findings.js`: highlights, the
popover, next/previous) with the workspace's own additions, under the report's
Content-Security-Policy, which here also lets the script call the server that served it.
Each audit's panels (the highlighted text, the finding list, the name variants, the
re-translations beside the MT) are rendered by the report's templates and its `highlight`,
so a finding looks and behaves the same in a report file and in the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import PackageLoader

from audit import __version__
from audit.report.html import asset, content_security_policy, document_view, environment
from audit.report.json import document_record, meta_record, summary_record
from audit.serve.service import Run
from audit.types import Summary

WORKSPACE_SCRIPTS = ("findings.js", "workspace.js")
WORKSPACE_STYLES = ("report.css", "workspace.css")
# Where the page itself may be framed: nowhere.
FRAMING = "frame-ancestors 'none'"


@dataclass(frozen=True)
class Page:
    html: str
    # The Content-Security-Policy header it is served with (its <meta> says the same, less framing).
    policy: str


class Workspace:
    """Renders the page once, and each audit's panels."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.env = environment(PackageLoader("audit.serve", "templates"))
        self._templates = {
            name: self.env.get_template(f"{name}.html")
            for name in ("finding_list", "variants_table", "retranslation_views")
        }
        script = asset(self.env, *WORKSPACE_SCRIPTS)
        policy = content_security_policy(script, connect="'self'")
        html = self.env.get_template("workspace.html").render(
            version=__version__,
            title="mt-audit workspace",
            css=asset(self.env, *WORKSPACE_STYLES),
            policy=policy,
            js=script,
            settings=settings,
        )
        self.page = Page(html=html, policy=f"{policy}; {FRAMING}")

    def response(self, run: Run) -> dict[str, Any]:
        """The JSON report of the run, and the panels of its first document."""
        summary = Summary()
        records = []
        for result, failed in zip(run.results, run.failed, strict=True):
            summary.add(result, failed)
            records.append(document_record(result, failed))
        view = document_view(run.results[0], run.failed[0], 0, run.config.divergence.threshold)
        return {
            "report": {"documents": records, "summary": summary_record(summary), "meta": meta_record(run.meta)},
            "panels": {
                "text": str(view["highlighted"]),
                "findings": self._templates["finding_list"].render(**view),
                "variants": self._templates["variants_table"].render(**view) if view["variants"] else "",
                "retranslations": self._templates["retranslation_views"].render(**view),
            },
            "fixable": sorted(run.fixable),
        }
