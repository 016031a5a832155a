"""Regenerate the golden records (``tests/golden/records.json.gz``) from the current pipeline.

Run after a change that alters the output on purpose, and explain the differences
(``tests/test_golden.py`` lists them) in the commit message::

    .venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.golden import RECORDS, current, differences, inputs_present, load, write


def main() -> None:
    if not inputs_present():
        sys.exit("the golden inputs (../shared/seed, ../shared/eval/guardian_sdf) are missing")
    records = current()
    if RECORDS.exists():
        changed = differences(load(), records)
        print(f"{len(changed)} fields changed", file=sys.stderr)
        for line in changed[:200]:
            print(line, file=sys.stderr)
    write(records)
    print(f"wrote {RECORDS}", file=sys.stderr)


if __name__ == "__main__":
    main()
