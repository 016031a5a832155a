"""WikiEvents and CASE 2021 scorers on small folders written here, and their clean skip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint import registry
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation import case2021, wikievents


def _sentence(text: str, start: int) -> list[object]:
    tokens, pos = [], 0
    for word in text.split(" "):
        tokens.append([word, start + pos, start + pos + len(word)])
        pos += len(word) + 1
    return [tokens, text]


def test_kairos_types_map_as_the_issue_defines() -> None:
    assert wikievents.mapped("Conflict.Attack.DetonateExplode") == {"ASSAULT"}
    assert wikievents.mapped("Contact.ThreatenCoerce.Unspecified") == {"THREATEN", "COERCE"}
    assert wikievents.mapped("Contact.Contact.Meet") == {"CONSULT"}
    assert wikievents.mapped("Contact.Contact.Broadcast") == frozenset()
    assert wikievents.mapped("Movement.Transportation") == frozenset()


def test_wikievents_scores_a_written_document(tmp_path: Path) -> None:
    first = "Gunmen attacked a police post in Kandahar on Monday ."
    second = "The weather was mild ."
    row = {
        "doc_id": "mine",
        "sentences": [_sentence(first, 0), _sentence(second, len(first) + 1)],
        "entity_mentions": [
            {"id": "p", "sent_idx": 0, "start": 6, "end": 7, "text": "Kandahar"},
        ],
        "event_mentions": [
            {
                "id": "e1",
                "event_type": "Conflict.Attack.Unspecified",
                "trigger": {"start": 1, "end": 2, "text": "attacked", "sent_idx": 0},
                "arguments": [{"entity_id": "p", "role": "Place", "text": "Kandahar"}],
            }
        ],
    }
    (tmp_path / "dev.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    docs = wikievents.load(tmp_path)
    assert docs[0].text.splitlines()[0] == first
    scores = wikievents.evaluate(tmp_path)
    assert scores["gold_sentences"] == 1
    assert scores["sentence_recall"] == 1.0
    assert scores["precision"] == 1.0
    assert scores["place_accuracy"] == 1.0
    assert scores["baseline_sentence_recall"] == 1.0


def test_wikievents_counts_a_later_mention_for_recall_not_precision(tmp_path: Path) -> None:
    first = "Gunmen attacked a police post in Kandahar on Monday ."
    second = "Witnesses described the attack to reporters ."
    third = "The weather was mild ."
    starts = [0, len(first) + 1, len(first) + len(second) + 2]
    start2 = len(first.split(" "))  # token index where the second sentence starts
    events = [
        {
            "id": f"e{i}",
            "event_type": "Conflict.Attack.Unspecified",
            "trigger": {"start": start, "end": start + 1, "text": word, "sent_idx": i},
            "arguments": [],
        }
        for i, (start, word) in enumerate([(1, "attacked"), (start2 + 3, "attack")])
    ]
    row = {
        "doc_id": "mine",
        "sentences": [_sentence(t, s) for t, s in zip((first, second, third), starts, strict=True)],
        "entity_mentions": [],
        "event_mentions": events,
    }
    (tmp_path / "dev.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    scores = wikievents.evaluate(tmp_path)
    assert scores["gold_sentences"] == 2
    assert scores["sentence_recall"] == 1.0  # the second sentence by its mention
    assert scores["predicted"] == 1 and scores["mentions"] == 1
    assert scores["mention_precision"] == 1.0


def test_case2021_groups_and_disaster_rule(tmp_path: Path) -> None:
    rows = [
        ("1", "Students protested in Lagos on Friday against fee increases.", "PEACE_PROTEST"),
        ("2", "Police arrested three men in Nairobi on Tuesday.", "ARREST"),
        (
            "3",
            "Floods swept through villages in Assam, leaving thousands homeless.",
            "NATURAL_DISASTER",
        ),
        ("4", "Rebels seized the town of Ras Kamboni.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ]
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(r) for r in rows]
    (tmp_path / "dev.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(case2021.load(tmp_path)) == 3  # the territorial change is not scored
    scores = case2021.evaluate(tmp_path)
    assert scores["protests"] == 1.0 and scores["protests_n"] == 1
    assert scores["arrests"] == 1.0
    assert scores["disasters"] == 1.0
    assert case2021.hit("NATURAL_DISASTER", {"ASSAULT"}) is False


@pytest.mark.parametrize("name", ["wikievents", "case2021"])
def test_missing_folder_is_a_named_skip(name: str, tmp_path: Path) -> None:
    with pytest.raises(EvalDataMissing):
        registry.run_evaluation(name, tmp_path / "nowhere")
    with pytest.raises(EvalDataMissing):
        registry.run_evaluation(name, tmp_path)


def test_case2021_mapping_follows_cameo_to_plover() -> None:
    # expelling diplomats is CAMEO 166, which PLOVER codes SANCTION
    assert case2021.hit("DIPLO", {"SANCTION"}) is True
    assert case2021.hit("DIPLO", {"SANCTION"}, first=True) is False
    # a surrender (CAMEO 0874) is an ACLED agreement; a troop withdrawal is not
    assert case2021.hit("AGREEMENT", {"RETREAT", "RETREAT:disarm"}) is True
    assert case2021.hit("AGREEMENT", {"RETREAT", "RETREAT:withdraw"}) is False
    assert case2021.hit("AGREEMENT", {"RETREAT", "RETREAT:disarm"}, first=True) is False
