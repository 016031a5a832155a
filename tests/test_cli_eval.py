"""The eval command: unknown names fail, a missing data folder is a clean skip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _flashpoint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from flashpoint.cli import main; main()", *args],
        capture_output=True,
        text=True,
    )


def test_missing_data_folder_is_skipped_with_a_message(tmp_path: Path) -> None:
    done = _flashpoint("eval", "timebank", "--data", str(tmp_path / "nowhere"), "--json")
    assert done.returncode == 0
    assert "FP020" in done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["skipped"].startswith("FP020")


def test_unknown_evaluation_is_a_named_error(tmp_path: Path) -> None:
    done = _flashpoint("eval", "nosuchset", "--data", str(tmp_path))
    assert done.returncode == 2
    assert "FP012" in done.stderr and "timebank" in done.stderr
