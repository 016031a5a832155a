"""Accuracy gate: CoNLL-2003 entities (split: eng.testa, the development split, 216
documents) against floors.

``flashpoint eval conll`` turns on the optional ``sports`` entity pass (results
tables; off in the default pipeline) and says so. Measured 2026-12-01 with
``flashpoint eval conll --data ../shared/eval/conll2003`` (about 20 s here):

- with the sports pass: P 0.847 R 0.845 F1 0.846 (PER 0.879, ORG 0.737, LOC 0.894,
  F1 with MISC 0.826);
- the default pipeline (no sports pass): P 0.803 R 0.762 F1 0.782 (PER 0.869,
  ORG 0.489, LOC 0.866, F1 with MISC 0.770);
- spaCy's en_core_web_sm alone (``--baseline``): P 0.708 R 0.592 F1 0.645
  (PER 0.723, ORG 0.327, LOC 0.773, with MISC 0.648).

Floors sit about 0.02 below ours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flashpoint.evaluation import conll
from tests.conftest import EVAL

DATA = EVAL / "conll2003"


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    if not (DATA / "eng.testa").is_file():
        pytest.skip("the CoNLL-2003 gold data (../shared/eval/conll2003) is not present")
    return conll.evaluate(DATA)


@pytest.mark.slow
def test_entity_f1_floor(scores: dict[str, Any]) -> None:
    assert scores["documents"] == 216
    assert scores["notes"] == ["entity passes: sports (the default pipeline runs none)"]
    assert scores["f1"] >= 0.825
    assert scores["precision"] >= 0.825
    assert scores["recall"] >= 0.825


@pytest.mark.slow
def test_default_pipeline_floor_without_the_sports_pass() -> None:
    if not (DATA / "eng.testa").is_file():
        pytest.skip("the CoNLL-2003 gold data (../shared/eval/conll2003) is not present")
    scores = conll.evaluate(DATA, passes=())
    assert scores["notes"] == ["entity passes: none (the default pipeline runs none)"]
    assert scores["f1"] >= 0.76
    assert scores["f1_org"] >= 0.47


@pytest.mark.slow
def test_per_type_floors(scores: dict[str, Any]) -> None:
    assert scores["f1_per"] >= 0.86
    assert scores["f1_loc"] >= 0.87
    assert scores["f1_org"] >= 0.715
    assert scores["f1_with_misc"] >= 0.805


@pytest.mark.slow
def test_reader_rebuilds_gold_spans() -> None:
    if not (DATA / "eng.testa").is_file():
        pytest.skip("the CoNLL-2003 gold data (../shared/eval/conll2003) is not present")
    docs = conll.read(DATA / "eng.testa")
    assert len(docs) == 216
    assert sum(len(d.entities) for d in docs) == 5942
    for doc in docs[:20]:
        for start, end, label in doc.entities:
            assert doc.text[start:end].strip() == doc.text[start:end] and label


def test_reader_handles_iob1_and_documents(tmp_path: Path) -> None:
    sample = (
        "-DOCSTART- -X- O O\n\n"
        "Lima NNP I-NP I-LOC\nand CC O O\nQuito NNP I-NP B-LOC\nmet VBD I-VP O\n\n"
        "Ana NNP I-NP I-PER\nRuiz NNP I-NP I-PER\nspoke VBD I-VP O\n\n"
        "-DOCSTART- -X- O O\n\n"
        "Peru NNP I-NP I-LOC\nChile NNP I-NP B-LOC\n"
    )
    path = tmp_path / "eng.testa"
    path.write_text(sample, encoding="utf-8")
    first, second = conll.read(path)
    assert first.text == "Lima and Quito met\nAna Ruiz spoke"
    found = {(first.text[s:e], label) for s, e, label in first.entities}
    assert found == {("Lima", "LOC"), ("Quito", "LOC"), ("Ana Ruiz", "PER")}
    assert {second.text[s:e] for s, e, _ in second.entities} == {"Peru", "Chile"}


def test_missing_folder_is_a_named_error(tmp_path: Path) -> None:
    from flashpoint.errors import EvalDataMissing

    with pytest.raises(EvalDataMissing):
        conll.evaluate(tmp_path / "nothing-here")
