"""``--min-confidence`` on ``flashpoint extract``: the default threshold, 0, and a bad value."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from flashpoint.extractors.events.confidence import default_threshold

STORY = (
    "Syrian troops killed four protesters in Homs on Friday, activists said.\n"
    "The opposition could call a general strike if the killings continue, one leader said.\n"
)


def _extract(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from flashpoint.cli import main; main()",
            "extract",
            str(path),
            "--published",
            "2012-02-06",
            "--indent",
            "0",
            *args,
        ],
        capture_output=True,
        text=True,
    )


def test_default_threshold_and_zero(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    every = json.loads(_extract(path, "--min-confidence", "0").stdout)["events"]
    kept = json.loads(_extract(path).stdout)["events"]
    assert every and all(e["confidence"] is not None for e in every)
    assert [e["id"] for e in kept] == [
        e["id"] for e in every if e["confidence"] >= default_threshold()
    ]
    assert len(kept) < len(every)


def test_out_of_range_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    done = _extract(path, "--min-confidence", "1.5")
    assert done.returncode == 2 and "FP080" in done.stderr
