"""Data files load through their schemas; a bad file fails with FP094 naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint import datafiles
from flashpoint.errors import BadDataFile
from flashpoint.schemas import CSV_SCHEMAS, YAML_SCHEMAS

TRIGGERS = """\
frames: {}
verbs:
  storm: {type: ASSAULT}
  storm: {type: PROTEST}
"""


@pytest.mark.parametrize("name", sorted(YAML_SCHEMAS))
def test_every_shipped_yaml_file_passes_its_schema(name: str) -> None:
    assert datafiles.load_yaml(name)


@pytest.mark.parametrize("name", sorted(CSV_SCHEMAS))
def test_every_shipped_csv_file_passes_its_schema(name: str) -> None:
    assert datafiles.csv_rows(name)


def test_every_shipped_data_file_has_a_schema() -> None:
    shipped = {p.name for p in Path(datafiles.__file__).with_name("data").iterdir()}
    assert {n for n in shipped if n.endswith((".yaml", ".csv"))} == set(YAML_SCHEMAS) | set(
        CSV_SCHEMAS
    )


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "event_triggers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_duplicate_key_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, TRIGGERS)
    with pytest.raises(
        BadDataFile, match=r"FP094: .*event_triggers.yaml' .* line 4: duplicate key"
    ):
        datafiles.load_yaml("event_triggers.yaml", override=path)


def test_a_duplicate_list_entry_names_its_line(tmp_path: Path) -> None:
    text = datafiles.read_text("contests.yaml") + "\n"
    path = tmp_path / "contests.yaml"
    path.write_text(text.replace("verbs:\n", "verbs:\n  - beat\n  - beat\n", 1), encoding="utf-8")
    with pytest.raises(BadDataFile, match=r"duplicate entry 'beat'"):
        datafiles.load_yaml("contests.yaml", override=path)


def test_a_misspelt_key_fails_with_its_line(tmp_path: Path) -> None:
    text = datafiles.read_text("tension.yaml").replace("half_life_days:", "half_lfe_days:")
    path = tmp_path / "tension.yaml"
    path.write_text(text, encoding="utf-8")
    line = 1 + text.split("\n").index(next(x for x in text.split("\n") if "half_lfe" in x))
    with pytest.raises(BadDataFile, match=rf"line {line}: half_lfe_days: extra inputs"):
        datafiles.load_yaml("tension.yaml", override=path)


def test_a_yaml_boolean_where_a_word_belongs_fails(tmp_path: Path) -> None:
    # A bare ``off`` is the boolean False in YAML: it would never match a word.
    path = tmp_path / "contests.yaml"
    path.write_text("verbs: [beat, off]\nnouns: [win]\n", encoding="utf-8")
    with pytest.raises(BadDataFile, match=r"line 1: verbs.1: input should be a valid string"):
        datafiles.load_yaml("contests.yaml", override=path)
