"""Accuracy gate for attribution (quotes + claims) on the PolNeAR dev split.

Scores the dev split (84 texts, first annotator by suffix; about 30 s here).
Floors sit about 0.02 below the scores measured when they were pinned
(2026-12-01, ``flashpoint eval polnear --data ../shared/eval/polnear``):

- strict, the headline (one-to-one, content overlap >= half the longer span,
  sources agree): relation P 0.589 / R 0.436 / F1 0.501, content F1 0.526;
- lenient (any overlap): relation P 0.862 / R 0.506 / F1 0.638, content F1 0.697;
- speaker accuracy 0.896 (375 direct quotes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.polnear import evaluate, read_ann, read_gold
from tests.conftest import EVAL

DATA = EVAL / "polnear"

FLOORS = {
    "relation_precision": 0.57,
    "relation_recall": 0.415,
    "relation_f1": 0.48,
    "content_f1": 0.505,
    "lenient_relation_precision": 0.84,
    "lenient_relation_recall": 0.49,
    "lenient_relation_f1": 0.62,
    "lenient_content_f1": 0.68,
    "speaker_accuracy": 0.87,
}


@pytest.mark.slow
def test_polnear_dev_floors() -> None:  # split: dev
    if not (DATA / "dev").is_dir():
        pytest.skip("PolNeAR data (../shared/eval/polnear) is not present")
    metrics = evaluate(DATA)
    assert metrics["documents"] > 50
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, f"{name} {metrics[name]:.3f} fell below {floor}"


def test_reader_picks_one_annotation_and_joins_discontinuous_content(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    (split / "attributions").mkdir(parents=True)
    (split / "text").mkdir()
    text = '"Rain is coming," the forecaster said. "Stay home."\n'
    (split / "text" / "story.txt").write_text(text, encoding="utf-8")
    ann = (
        "T1\tSource 18 32\tthe forecaster\n"
        "T2\tCue 33 37\tsaid\n"
        'T3\tContent 0 17;39 51\t"Rain is coming," "Stay home."\n'
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    )
    (split / "attributions" / "story_ab12.ann").write_text(ann, encoding="utf-8")
    (split / "attributions" / "story_ff00.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tstory\t2016-09-30\n", encoding="utf-8"
    )
    docs = read_gold(tmp_path)
    assert [d.published for d in docs] == ["2016-09-30"]
    assert docs[0].relations == read_ann(split / "attributions" / "story_ab12.ann")
    relation = docs[0].relations[0]
    assert relation.content == ((0, 17), (39, 51))
    assert relation.source == ((18, 32),)
    metrics = evaluate(tmp_path)
    assert metrics["relation_recall"] == 1.0
    assert metrics["speaker_accuracy"] == 1.0


def test_missing_folder_is_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataMissing):
        evaluate(tmp_path / "nowhere")


def test_strict_matching_is_one_to_one_and_needs_half_the_longer_span() -> None:
    from flashpoint.evaluation.polnear import (
        Relation,
        _match,
        _strict_content,
        _strict_match,
        matched_pairs,
    )

    gold = Relation(((0, 100),), ((200, 210),))
    half = Relation(((0, 50),), ((205, 215),))
    sliver = Relation(((90, 110),), ((200, 210),))
    no_source = Relation(((0, 100),), None)
    assert _strict_match(half, gold) and not _strict_match(sliver, gold)
    assert _match(sliver, gold)  # the lenient rule takes any overlap
    assert not _strict_match(no_source, gold)  # sources must agree
    assert _strict_content(no_source, gold)
    # Two predictions over one gold relation: one match, not two.
    assert matched_pairs([half, half], [gold], _strict_match) == 1
    # The matching is maximal: a prediction fitting two golds leaves the other to its peer.
    g1, g2 = Relation(((0, 10),), None), Relation(((5, 15),), None)
    wide, narrow = Relation(((3, 13),), None), Relation(((0, 10),), None)
    assert matched_pairs([wide, narrow], [g1, g2], _strict_content) == 2
