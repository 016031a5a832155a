"""The pipeline's output on real reports is unchanged unless a change means it to be."""

from __future__ import annotations

import pytest

from tests import golden

pytestmark = pytest.mark.skipif(
    not golden.inputs_present(), reason="the golden inputs in ../shared are not present"
)


def test_records_match_the_golden_output() -> None:
    changed = golden.differences(golden.load(), golden.current())
    shown = "\n".join(changed[:60])
    assert not changed, (
        f"{len(changed)} fields differ from tests/golden/records.json.gz "
        f"(doc: field: golden -> now):\n{shown}\n"
        "If the change is intended, run: python scripts/update_golden.py"
    )


def test_the_diff_names_each_differing_field() -> None:
    old = {"d": {"events": [{"type": "ASSAULT", "start": 3}]}}
    new = {"d": {"events": [{"type": "PROTEST", "start": 3}, {"type": "AID", "start": 9}]}}
    lines = golden.differences(old, new)
    assert "d: events[0].type: 'ASSAULT' -> 'PROTEST'" in lines
    assert "d: events[#]: 1 -> 2" in lines
    assert "d: events[1].start: '<absent>' -> 9" in lines
