"""`mt-audit serve`'s JSON API through Starlette's TestClient: every endpoint, every refusal.

The API must give what the CLI gives (same pipeline, config, reporters and fixes), refuse
what it must (too large, malformed, unknown fields, wrong or missing token, another origin,
a rebound Host, not JSON), and never take a path from the client.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from audit.checks.base import all_checks
from audit.cli import cli
from audit.config import Config, apply
from audit.serve import Access, AuditService, RetranslationQueue, create_app
from audit.serve.schemas import AuditReport
from audit.serve.service import Busy

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
GLOSSARY = ROOT / "samples" / "glossary.tsv"
BASE = "http://127.0.0.1:8765"
LIMIT = 256 * 1024
TOKEN = "s3cret-token"
MODEL_FREE = {"translate": {"mode": "off"}}

ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client() -> Iterator[ClientFactory]:
    services: list[AuditService] = []

    def make(
        table: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        loopback: bool = True,
        queue: RetranslationQueue | None = None,
        base_url: str = BASE,
    ) -> TestClient:
        service = AuditService(apply(Config(), table or MODEL_FREE, "test"), queue=queue)
        services.append(service)
        app = create_app(service, Access(token=token, loopback=loopback, max_request_bytes=LIMIT))
        return TestClient(app, base_url=base_url)

    yield make
    for service in services:
        service.close()


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    return make_client()


def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def audit(client: TestClient, text: str, **body: Any) -> dict[str, Any]:
    response = client.post("/api/audit", json={"documents": [{"id": "story", "text": text}], **body})
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


# --- the same pipeline, config and reporters as the CLI -------------------------------------


def test_api_audit_is_the_cli_json_report(client: TestClient) -> None:
    result = CliRunner().invoke(cli, ["check", str(SAMPLE), "--format", "json", "--retranslate", "off", "--quiet"])
    cli_report = json.loads(result.stdout)
    response = client.post("/api/audit", json={"documents": [{"id": str(SAMPLE), "text": sample()}]})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    api_report = response.json()
    [cli_document] = cli_report["documents"]
    [api_document] = api_report["documents"]
    assert api_document["path"] is None  # the client's file is not the server's
    cli_document["path"] = None
    assert api_document == cli_document
    assert api_report["summary"] == cli_report["summary"]
    assert api_report["meta"] == cli_report["meta"]
    assert api_document["findings"], "the sample has findings"


def test_api_report_matches_its_documented_schema(client: TestClient) -> None:
    AuditReport.model_validate(audit(client, sample()))
    schema = client.get("/openapi.json").json()
    documented = schema["paths"]["/api/audit"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert documented == {"$ref": "#/components/schemas/AuditReport"}


def test_api_request_settings_narrow_the_rules(client: TestClient) -> None:
    everything = audit(client, sample())
    quotes = audit(client, sample(), config={"select": ["Q"], "severity": {"Q101": "info"}})
    codes = {f["code"] for f in quotes["documents"][0]["findings"]}
    assert codes and all(code.startswith("Q") for code in codes)
    every_code = {code for f in everything["documents"][0]["findings"] for code in f["codes"]}
    quote_codes = {code for f in quotes["documents"][0]["findings"] for code in f["codes"]}
    assert quote_codes < every_code and all(code.startswith("Q") for code in quote_codes)
    # The override acts per code, before merging: a merged finding takes its group's strongest severity.
    findings = quotes["documents"][0]["findings"]
    alone = [f for f in findings if f["code"] == "Q101" and not f["related"]]
    merged = [r for f in findings for r in f["related"] if r["code"] == "Q101"]
    assert alone + merged and all(f["severity"] == "info" for f in alone + merged)


def test_api_glossary_arrives_as_content(client: TestClient) -> None:
    without = audit(client, sample())
    given = audit(client, sample(), glossary=GLOSSARY.read_text(encoding="utf-8"))
    suggestions = {f["suggestion"] for f in given["documents"][0]["findings"] if f["code"] == "N202"}
    assert "Hurras al-Din" in suggestions
    assert not [f for f in without["documents"][0]["findings"] if f["code"] == "N202"]


def test_api_glossary_is_never_a_server_path(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.tsv"
    secret.write_text("Hurras al-Din\tKhoras ad-Din\n", encoding="utf-8")
    # A path is taken as content: one odd glossary line, no file read.
    report = audit(client, sample(), glossary=str(secret))
    assert not [f for f in report["documents"][0]["findings"] if f["code"] == "N202"]
    response = client.post("/api/audit", json={"documents": [{"text": "x"}], "config": {"glossary": str(secret)}})
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "extra_forbidden"


def test_api_bad_glossary_names_its_line(client: TestClient) -> None:
    response = client.post(
        "/api/audit", json={"documents": [{"text": "x"}], "glossary": "Idlib\tIdleb\nIdleb\tIdlib city\n"}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("glossary:2: ")


def test_api_bad_config_value_is_one_line(client: TestClient) -> None:
    response = client.post("/api/audit", json={"documents": [{"text": "x"}], "config": {"severity": {"Z999": "info"}}})
    assert response.status_code == 422
    assert "Z999" in response.json()["detail"] and "\n" not in response.json()["detail"]


def test_api_several_documents_and_the_gate(client: TestClient) -> None:
    body = {
        "documents": [{"id": "a", "text": sample()}, {"id": "b", "text": "The talks went on."}],
        "config": {"fail_on": "error"},
    }
    report = client.post("/api/audit", json=body).json()
    assert [d["id"] for d in report["documents"]] == ["a", "b"]
    assert [d["failed"] for d in report["documents"]] == [True, False]
    assert report["summary"]["documents"] == 2 and report["summary"]["failed_documents"] == 1


# --- fixes ----------------------------------------------------------------------------------


def test_api_fix_all_is_the_fix_command(client: TestClient, tmp_path: Path) -> None:
    copy = tmp_path / "story.txt"
    copy.write_text(sample(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", str(copy), "--write"])
    assert result.exit_code == 0, result.output
    response = client.post("/api/fix", json={"document": {"id": "story.txt", "text": sample()}})
    assert response.status_code == 200
    fixed = response.json()
    assert fixed["text"] == copy.read_text(encoding="utf-8")
    assert fixed["changed"] and fixed["applied"] > 0 and fixed["remaining"] == 0
    assert fixed["diff"].startswith("--- a/story.txt\n+++ b/story.txt\n")
    again = client.post("/api/fix", json={"document": {"text": fixed["text"]}}).json()
    assert again["changed"] is False and again["applied"] == 0


def test_api_fix_one_applies_exactly_its_suggestion(client: TestClient) -> None:
    text = sample()
    findings = audit(client, text)["documents"][0]["findings"]
    target = next(f for f in findings if f["suggestion"] is not None and f["code"].startswith("Q"))
    body = {"document": {"text": text}, "finding": {k: target[k] for k in ("code", "start", "end")}}
    fixed = client.post("/api/fix", json=body).json()
    assert fixed["text"] == text[: target["start"]] + target["suggestion"] + text[target["end"] :]
    assert fixed["applied"] == 1
    after = audit(client, fixed["text"])["documents"][0]["findings"]
    assert not [f for f in after if f["code"] == target["code"] and f["start"] == target["start"]]


def test_api_fix_of_a_finding_that_is_gone_is_409(client: TestClient) -> None:
    body = {"document": {"text": "The talks went on."}, "finding": {"code": "Q101", "start": 0, "end": 3}}
    response = client.post("/api/fix", json=body)
    assert response.status_code == 409
    assert "audit it again" in response.json()["detail"]


def test_api_fix_of_a_finding_without_a_suggestion_is_422(client: TestClient) -> None:
    text = sample()
    findings = audit(client, text)["documents"][0]["findings"]
    target = next(f for f in findings if f["suggestion"] is None)
    body = {"document": {"text": text}, "finding": {k: target[k] for k in ("code", "start", "end")}}
    response = client.post("/api/fix", json=body)
    assert response.status_code == 422
    assert "no suggestion" in response.json()["detail"]


# --- reports to download -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format_name", "media_type", "extension"),
    [("json", "application/json", "json"), ("sarif", "application/sarif+json", "sarif"), ("html", "text/html", "html"),
     ("junit", "application/xml", "xml"), ("jsonl", "application/x-ndjson", "jsonl"), ("text", "text/plain", "txt")],
)  # fmt: skip
def test_api_report_in_every_format(client: TestClient, format_name: str, media_type: str, extension: str) -> None:
    body = {"documents": [{"id": "story", "text": sample()}]}
    response = client.post(f"/api/report?format={format_name}", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-disposition"] == f'attachment; filename="mt-audit-report.{extension}"'
    findings = len(audit(client, sample())["documents"][0]["findings"])
    if format_name == "sarif":
        assert len(response.json()["runs"][0]["results"]) == findings
    if format_name == "html":
        assert response.text.count('<mark class="finding ') == findings
        assert "Content-Security-Policy" in response.text


def test_api_report_unknown_format_is_422(client: TestClient) -> None:
    response = client.post("/api/report?format=pdf", json={"documents": [{"text": "x"}]})
    assert response.status_code == 422
    assert "pdf" in response.json()["detail"] and "sarif" in response.json()["detail"]


# --- the workspace's view ------------------------------------------------------------------------


def test_api_workspace_panels_are_the_reports_parts(client: TestClient) -> None:
    text = sample()
    response = client.post("/api/workspace", json={"documents": [{"text": text}]})
    assert response.status_code == 200
    view = response.json()
    findings = view["report"]["documents"][0]["findings"]
    panels = view["panels"]
    assert panels["text"].count('<mark class="finding ') == len(findings)
    assert panels["findings"].count('class="finding-row ') == len(findings)
    assert re.sub(r"<[^>]+>", "", panels["text"]).replace("&#34;", '"').count("Idlib") == text.count("Idlib")
    assert view["fixable"] == sorted(cls.code for cls in all_checks() if cls.fixable)


def test_api_workspace_escapes_every_text(client: TestClient) -> None:
    payload = '<script>window.__pwned=1</script> “<img src=x onerror="window.__pwned=1">'
    view = client.post("/api/workspace", json={"documents": [{"id": payload, "text": payload}]}).json()
    for html in view["panels"].values():
        assert "<script" not in html and "<img" not in html


def test_api_workspace_shows_the_mt_beside_a_retranslation(client: TestClient) -> None:
    retranslation = (ROOT / "tests" / "data" / "idlib-retranslation.txt").read_text(encoding="utf-8")
    body = {"documents": [{"text": sample(), "retranslations": [retranslation]}], "config": {"retranslate": "off"}}
    view = client.post("/api/workspace", json=body).json()
    document = view["report"]["documents"][0]
    assert document["retranslation_status"] == "precomputed"
    assert 'class="grid aligned"' in view["panels"]["retranslations"]
    if any(pair["divergent_spans"] for pair in document["alignments"]):
        assert '<mark class="divergent">' in view["panels"]["retranslations"]


# --- uploads ----------------------------------------------------------------------------------


def read(client: TestClient, name: str, data: bytes) -> Any:
    return client.post("/api/read", json={"name": name, "content_base64": base64.b64encode(data).decode()})


def test_api_read_text_and_jsonl_with_a_bad_record(client: TestClient) -> None:
    text = read(client, "story.txt", SAMPLE.read_bytes()).json()
    assert [d["text"] for d in text["documents"]] == [sample()]
    feed = b'{"id": "a", "text": "One \\u201ctwo", "source_lang": "ru"}\n{oops\n{"id": "c", "text": "Three"}\n'
    read_feed = read(client, "feed.jsonl", feed).json()
    assert [d["id"] for d in read_feed["documents"]] == ["a", "c"]
    assert read_feed["documents"][0]["source_lang"] == "ru"
    assert read_feed["errors"] == [
        "feed.jsonl:2: malformed JSON at column 2: Expecting property name enclosed in double quotes"
    ]


def test_api_read_xliff_without_expanding_entities(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED-7f3a", encoding="utf-8")
    xliff = f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY leak SYSTEM "file://{secret}">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="wire.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
  <trans-unit id="1"><source>Привет</source><target>He said “hello&leak;</target></trans-unit>
 </body></file>
</xliff>""".encode()
    response = read(client, "wire.xlf", xliff)
    assert response.status_code == 200
    [document] = response.json()["documents"]
    assert document["id"] == "wire.xlf" and document["source"] == "Привет" and document["source_lang"] == "ru"
    assert document["text"] == "He said “hello"
    assert "LEAKED" not in response.text


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("story.exe", b"MZ", "cannot read .exe"),
        ("story.txt", b"caf\xe9\n", "story.txt:1:4: invalid UTF-8"),
        ("story.txt", b"  \n", "empty file"),
        ("../../etc/passwd.txt", b"", "passwd.txt: empty file"),
        ("broken.xlf", b"<xliff><file>", "broken.xlf:1:"),
    ],
)
def test_api_read_refusals_name_the_file(client: TestClient, name: str, data: bytes, expected: str) -> None:
    response = read(client, name, data)
    assert response.status_code == 422
    assert expected in response.json()["detail"]


def test_api_read_refuses_bad_base64(client: TestClient) -> None:
    response = client.post("/api/read", json={"name": "a.txt", "content_base64": "***"})
    assert response.status_code == 422
    assert "base64" in response.json()["detail"]


# --- malformed, unknown, oversized, not JSON ------------------------------------------------------


def test_api_malformed_json_is_400(client: TestClient) -> None:
    response = client.post("/api/audit", content=b'{"documents": [', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("malformed JSON at character ")


@pytest.mark.parametrize(
    "body",
    [
        {"documents": [{"text": "x"}], "extra": 1},
        {"documents": [{"text": "x", "lang": "ru"}]},
        {"documents": [{"text": "x"}], "config": {"cache_dir": "/tmp"}},
        {"documents": [{"text": "x"}], "config": {"translate": {"model": "/models/evil"}}},
    ],
)
def test_api_unknown_fields_are_422(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/api/audit", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "extra_forbidden"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"documents": []},
        {"documents": [{"id": "x"}]},
        {"documents": [{"text": ""}]},
        {"documents": [{"text": 5}]},
        {"documents": [{"text": "x", "source_lang": "not a language"}]},
        {"documents": [{"text": "x"}], "config": {"retranslate": "sometimes"}},
        {"documents": [{"text": "x"}], "config": {"max_findings": -1}},
        ["not", "an", "object"],
    ],
)
def test_api_invalid_fields_are_422_without_echoing_input(client: TestClient, body: Any) -> None:
    response = client.post("/api/audit", json=body)
    assert response.status_code == 422
    for error in response.json()["detail"]:
        assert set(error) == {"loc", "msg", "type"}


def test_api_oversized_request_is_413(client: TestClient) -> None:
    response = client.post("/api/audit", json={"documents": [{"text": "x" * LIMIT}]})
    assert response.status_code == 413
    assert "at most 262,144" in response.json()["detail"]


def test_api_oversized_request_without_a_length_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"documents": [{"text": "'
        for _ in range(LIMIT // 1024 + 1):
            yield b"x" * 1024
        yield b'"}]}'

    response = client.post("/api/audit", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None]
)
def test_api_takes_json_only(client: TestClient, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/audit", content=b'{"documents": [{"text": "x"}]}', headers=headers)
    assert response.status_code == 415


# --- token, origin, host -------------------------------------------------------------------------


def test_api_token_missing_or_wrong_is_401(make_client: ClientFactory) -> None:
    client = make_client(token=TOKEN)
    body = {"documents": [{"text": "The talks went on."}]}
    missing = client.post("/api/audit", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    for wrong in ("Bearer nope", f"Basic {TOKEN}", f"Bearer {TOKEN}x", TOKEN):
        assert client.post("/api/audit", json=body, headers={"authorization": wrong}).status_code == 401
    assert client.post("/api/audit", json=body, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    # The page and the docs hold no data: they load without it, and then ask for it.
    page = client.get("/")
    assert page.status_code == 200 and TOKEN not in page.text
    assert '"auth": true' in page.text
    assert client.get("/openapi.json").json()["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_api_other_origins_are_refused(client: TestClient) -> None:
    body = {"documents": [{"text": "The talks went on."}]}
    for origin in ("http://evil.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:8765"):
        response = client.post("/api/audit", json=body, headers={"origin": origin})
        assert response.status_code == 403, origin
    assert client.post("/api/audit", json=body, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post("/api/audit", json=body, headers={"origin": BASE}).status_code == 200
    assert client.post("/api/audit", json=body, headers={"sec-fetch-site": "same-origin"}).status_code == 200


def test_api_rebound_host_is_refused_on_loopback(make_client: ClientFactory) -> None:
    body = {"documents": [{"text": "The talks went on."}]}
    rebound = make_client(base_url="http://evil.example:8765")
    assert rebound.get("/").status_code == 400
    assert rebound.post("/api/audit", json=body).status_code == 400
    for host in ("http://localhost:8765", "http://[::1]:8765"):
        assert make_client(base_url=host).post("/api/audit", json=body).status_code == 200
    remote = make_client(token=TOKEN, loopback=False, base_url="http://audit.newsroom.example:8765")
    assert remote.post("/api/audit", json=body, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200


# --- the page, the docs, the headers -------------------------------------------------------------


def test_page_policy_allows_only_its_own_script(client: TestClient) -> None:
    import hashlib

    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert not re.search(r"""(src|href)=["']?https?:""", page.text)


def test_api_responses_are_not_cached_or_sniffed(client: TestClient) -> None:
    response = client.post("/api/audit", json={"documents": [{"text": "x"}]})
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_docs_are_served_offline(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "https://" not in re.sub(r"https://(swagger\.io|github\.com)[^\"' ]*", "", docs.text)
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/api/audit", "/api/workspace", "/api/fix", "/api/report", "/api/read"}


# --- the re-translation queue ---------------------------------------------------------------------


def test_queue_turns_away_what_it_cannot_hold() -> None:
    queue = RetranslationQueue(workers=1, waiting=1, timeout=0.2)
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with queue.slot():
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    with pytest.raises(Busy, match="waited 0.2 s"), queue.slot():  # in line, then out of time
        pass
    waiter = threading.Thread(target=hold)  # takes the one place in line
    waiter.start()
    try:
        deadline = threading.Event()
        while queue._admitted._value != 0 and not deadline.wait(0.01):  # type: ignore[attr-defined]
            pass
        with pytest.raises(Busy, match="queue is full"), queue.slot():
            pass
    finally:
        release.set()
        holder.join()
        waiter.join()
    with queue.slot():
        pass


def test_api_busy_queue_is_503_and_model_free_requests_never_wait(make_client: ClientFactory) -> None:
    client = make_client(MODEL_FREE, queue=RetranslationQueue(workers=1, waiting=0, timeout=0.1))
    body = {"documents": [{"text": "The talks went on."}]}
    with client.app.state.service.queue.slot():  # type: ignore[attr-defined]
        busy = client.post("/api/audit", json={**body, "config": {"retranslate": "roundtrip"}})
        assert busy.status_code == 503 and busy.headers["retry-after"] == "30"
        assert "retry" in busy.json()["detail"]
        assert client.post("/api/audit", json={**body, "config": {"retranslate": "off"}}).status_code == 200
        assert client.post("/api/audit", json=body).status_code == 200  # the server's own mode here is off


def test_api_retranslates_with_models_loaded_at_startup(
    make_client: ClientFactory, tiny_marian_template: str, tmp_path: Path
) -> None:
    table = {
        "translate": {"mode": "roundtrip", "model-template": tiny_marian_template, "beam-size": 1, "max-length": 16,
                      "cache-dir": str(tmp_path)},
        "divergence": {"embeddings": False},
    }  # fmt: skip
    config = apply(Config(), table, "test")
    service = AuditService(config)
    try:
        startup = service.load_models()
        assert len(startup.loaded) == 2 and not startup.unavailable
        client = TestClient(create_app(service, Access(None, True, LIMIT)), base_url=BASE)
        body = {"documents": [{"text": "The talks failed. The army left."}], "config": {"select": ["D"]}}
        report = client.post("/api/audit", json=body).json()
        document = report["documents"][0]
        assert document["retranslation_status"] == "ran"
        assert len(document["retranslations"]) == 1
        assert len(report["meta"]["models"]) == 2
        assert (tmp_path / "retranslations.sqlite3").exists()  # the CLI's cache, in the CLI's format
    finally:
        service.close()


def test_api_uses_the_server_house_names(make_client: ClientFactory) -> None:
    house = ROOT / "tests" / "data" / "names_garble" / "house-names.tsv"
    client = make_client({**MODEL_FREE, "house_names": str(house)})
    report = audit(client, "North Korean leader Kim Jong-un met the envoy in Pyongyang.")
    findings = [r for f in report["documents"][0]["findings"] for r in (f, *f["related"])]
    suggestions = {r["suggestion"] for r in findings if r["code"] == "N233"}
    assert suggestions == {"Kim Jong Un"}
    plain = audit(make_client(), "North Korean leader Kim Jong-un met the envoy in Pyongyang.")
    assert not [f for f in plain["documents"][0]["findings"] if "N233" in f["codes"]]


def test_service_refuses_an_unreadable_house_list_at_start_up(tmp_path: Path) -> None:
    from audit.errors import AuditError

    with pytest.raises(AuditError, match="missing.tsv"):
        AuditService(apply(Config(), {**MODEL_FREE, "house_names": str(tmp_path / "missing.tsv")}, "test"))
