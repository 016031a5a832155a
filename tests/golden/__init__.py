"""Golden records: the output of ``extract`` on real reports, pinned before a refactor.

The inputs are read from ``../shared`` at run time (the seed report and the first
40 articles of the Guardian SDF sample); only the records are committed, with every
``text`` field dropped (it is ``document.text[start:end]``, so the offsets pin it) so
that no report text is copied into the repository.

Regenerate after an intended change with ``python scripts/update_golden.py``.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "venezuela-report.txt"
SEED_DATE = "2025-12-01"
GUARDIAN = SHARED / "eval" / "guardian_sdf" / "Guardian_SDF_sample.csv"
GUARDIAN_LIMIT = 40
RECORDS = Path(__file__).with_name("records.json.gz")


def inputs_present() -> bool:
    return SEED.exists() and GUARDIAN.exists()


def inputs() -> Iterator[tuple[str, str, str]]:
    """(key, text, published) for every golden input, in a fixed order."""
    yield "seed", SEED.read_text(encoding="utf-8"), SEED_DATE
    csv.field_size_limit(1 << 30)
    with GUARDIAN.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if n >= GUARDIAN_LIMIT:
                break
            yield f"guardian-{n}", row["text"], row["date"]


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not (k == "text" and isinstance(v, str))}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def current() -> dict[str, Any]:
    """The records the pipeline produces now, keyed like ``inputs()``."""
    from flashpoint import Settings, extract_many

    keys, texts, dates = zip(*inputs(), strict=True)
    reports = extract_many(list(texts), list(dates), settings=Settings())
    return {key: _strip(r.model_dump(mode="json")) for key, r in zip(keys, reports, strict=True)}


def load() -> dict[str, Any]:
    with gzip.open(RECORDS, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def write(records: dict[str, Any]) -> None:
    payload = json.dumps(records, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with gzip.GzipFile(RECORDS, "wb", mtime=0) as handle:
        handle.write(payload.encode("utf-8"))


def flatten(value: Any, path: str = "") -> dict[str, Any]:
    """``{"events[3].type": "ASSAULT", ...}``: one entry per leaf, for a readable diff."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(flatten(v, f"{path}.{k}" if path else k))
        return out
    if isinstance(value, list):
        out = {f"{path}[#]": len(value)}
        for i, v in enumerate(value):
            out.update(flatten(v, f"{path}[{i}]"))
        return out
    return {path: value}


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every differing field, as ``doc: path: expected -> got`` lines."""
    lines = []
    for key in sorted(set(expected) | set(got)):
        old, new = flatten(expected.get(key)), flatten(got.get(key))
        for path in sorted(set(old) | set(new)):
            if old.get(path, "<absent>") != new.get(path, "<absent>"):
                lines.append(
                    f"{key}: {path}: {old.get(path, '<absent>')!r} -> {new.get(path, '<absent>')!r}"
                )
    return lines
