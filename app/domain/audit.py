"""The hash chain that makes tampering with an append-only log visible."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

GENESIS = "0" * 64


def link_hash(
    prev_hash: str, seq: int, at: datetime, actor: str, action: str, subject: str,
    detail: Mapping[str, object],
) -> str:
    """Hash of one log entry chained to the previous entry's hash (SHA-256, hex)."""
    body = json.dumps(
        [prev_hash, seq, at.isoformat(timespec="seconds"), actor, action, subject, detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    """Result of checking a chain: how many links were good and the first bad one, if any."""

    checked: int
    first_broken: int | None
    reason: str = ""

    @property
    def intact(self) -> bool:
        """True when every link and the head agree."""
        return self.first_broken is None
