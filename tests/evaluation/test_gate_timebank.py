"""Accuracy gate: the times extractor on TimeBank/AQUAINT (TempEval-3 TBAQ-cleaned).

Split: TBAQ-cleaned, all 256 documents: TempEval-3's training data, used here for
development (the TempEval-3 platinum test set is not in ../shared).

Runs the whole set (256 documents, about 30 s here) with only the ``times``
extractor and fails if a score drops below its pinned floor, about 0.02 under
what was measured when the floor was set:

    flashpoint eval timebank --data ../shared/eval/timebank

Skipped when ../shared/eval/timebank is absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.timebank import documents, evaluate
from tests.conftest import EVAL

DATA = EVAL / "timebank"

# measured 2026-12-01 (all 256 documents): relaxed_f1 0.928, strict_f1 0.853,
# value_accuracy 0.851, value_f1 0.789
FLOORS = {"relaxed_f1": 0.91, "strict_f1": 0.83, "value_accuracy": 0.83, "value_f1": 0.77}


@pytest.mark.slow
def test_timebank_floors() -> None:
    if not DATA.is_dir():
        pytest.skip("the TimeBank gold data (../shared/eval/timebank) is not present")
    metrics = evaluate(DATA)
    assert metrics["documents"] == 256
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, f"{name} {metrics[name]:.3f} fell below {floor}"


# The reader and scorer themselves, on a TimeML file written here.

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-13" functionInDocument="CREATION_TIME">
20240313</TIMEX3></DCT>
<TEXT>Rebels <EVENT eid="e1">seized</EVENT> the depot <TIMEX3 tid="t1" type="DATE"
value="2024-03-08">Friday</TIMEX3> after a siege of <TIMEX3 tid="t2" type="DURATION"
value="P3W">three weeks</TIMEX3> &amp; more, and <TIMEX3 tid="t3" type="DATE"
value="2023">last year</TIMEX3> held the hills.</TEXT>
</TimeML>
"""


def test_reader_keeps_offsets_and_creation_time(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "doc.tml").write_text(TML, encoding="utf-8")
    (doc,) = documents(tmp_path)
    assert doc.dct == dt.date(2024, 3, 13)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "Friday",
        "three weeks",
        "last year",
    ]
    assert [t.value for t in doc.timexes] == ["2024-03-08", "P3W", "2023"]
    assert "& more" in doc.text


def test_scores_on_a_written_file(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    metrics = evaluate(tmp_path)
    assert metrics["gold"] == 3
    assert metrics["relaxed_recall"] == 1.0
    assert metrics["value_accuracy"] == 1.0


def test_missing_data_is_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataMissing):
        evaluate(tmp_path)
