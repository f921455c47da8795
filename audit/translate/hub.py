"""Find a model before loading it, so an offline machine fails in a moment, not after retries.

A model reference is a local directory or a Hugging Face Hub id. `locate` answers from
the file system (the directory, or the local Hub cache) and, only when neither holds the
model and the Hub is not marked offline, from one TCP connection attempt to the Hub
endpoint bounded by a few seconds. It never downloads anything itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import threading
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

from audit.translate.base import ModelUnavailable

HUB_ENDPOINT = "https://huggingface.co"
PROBE_TIMEOUT_S = 3.0
# A Hub id is "name" or "org/name"; anything else that is not a directory is a missing path.
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


class Location(NamedTuple):
    """Where to load a model from, and whether the loader may touch the network."""

    path: str
    local_only: bool
    # The Hub commit or a content hash of the directory; None until a download settles it.
    revision: str | None


def locate(model_id: str) -> Location:
    """Where `model_id` can be loaded from; raises `ModelUnavailable` with the reason."""
    path = Path(model_id).expanduser()
    if path.is_dir():
        return Location(str(path), True, directory_revision(path))
    if not _HUB_ID.match(model_id) or model_id.startswith((".", "~")):
        raise ModelUnavailable(f"{model_id}: no such model directory; give an existing directory or a Hub model id")
    revision = cached_revision(model_id)
    if revision is not None:
        return Location(model_id, True, revision)
    if hub_offline():
        raise ModelUnavailable(
            f"{model_id}: not in the local Hugging Face cache and HF_HUB_OFFLINE is set; "
            "download it once while online, or give a local model directory"
        )
    endpoint = os.environ.get("HF_ENDPOINT") or HUB_ENDPOINT
    if not endpoint_reachable(endpoint):
        raise ModelUnavailable(
            f"{model_id}: not in the local Hugging Face cache and {endpoint} cannot be reached; "
            "download it once while online, or give a local model directory"
        )
    return Location(model_id, False, None)


def hub_offline() -> bool:
    return any(
        os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def endpoint_reachable(endpoint: str, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """One TCP connection attempt, name lookup included, bounded by `timeout` seconds."""
    url = urlparse(endpoint)
    host = url.hostname
    if not host:
        return False
    port = url.port or (443 if url.scheme == "https" else 80)
    outcome: list[bool] = []

    def attempt() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                outcome.append(True)
        except OSError:
            outcome.append(False)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout)
    return bool(outcome and outcome[0])


def cached_revision(model_id: str) -> str | None:
    """The commit of `model_id` in the local Hub cache, or None when it is not there."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    found = try_to_load_from_cache(model_id, "config.json")
    return Path(found).parent.name if isinstance(found, str) else None


def directory_revision(path: Path) -> str:
    """A content hash of a model directory, so a changed model never reuses stale cache rows."""
    digest = hashlib.blake2b(digest_size=10)
    for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
        digest.update(str(file.relative_to(path)).encode("utf-8"))
        with file.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "blake2b").digest())
    return digest.hexdigest()
