"""docs/architecture.md documents every extractor, evaluation, error code and data file.

In the style of Datasette's ``tests/test_docs.py``: the lists come from the
registries and the package at run time, so a component added anywhere fails
here until its row is written.
"""

from __future__ import annotations

import inspect
import re
from importlib import resources
from pathlib import Path

import pytest

from flashpoint import errors, registry

DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _first_cells(section: str) -> list[str]:
    """The backticked names in the first column of a section's table, in order."""
    return re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)


def test_every_extractor_is_documented_in_run_order() -> None:
    documented = _first_cells(_section("Extractors, in run order"))
    assert documented == [spec.name for spec in registry.ordered()]


def test_every_extractor_row_states_its_contract() -> None:
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r"^\| `([^`]+)` \|.*$", _section("Extractors, in run order"), re.M)
    }
    for spec in registry.extractors().values():
        for name in (*spec.makes, *spec.requires):
            assert f"`{name}`" in rows[spec.name], (spec.name, name)


def test_every_context_layer_is_documented() -> None:
    from flashpoint.extractors.context import LAYERS

    assert set(_first_cells(_section("The extractor contract"))) == set(LAYERS)


def test_every_evaluation_is_documented() -> None:
    documented = set(_first_cells(_section("Evaluations")))
    missing = set(registry.evaluations()) - documented
    assert not missing, f"evaluations missing from docs/architecture.md: {sorted(missing)}"


def _codes() -> dict[str, str]:
    return {
        cls.code: name
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.FlashpointError) and cls is not errors.FlashpointError
    }


def test_every_error_code_is_documented() -> None:
    documented = dict(re.findall(r"^\| `(FP\d{3})` \| `(\w+)` \|", _section("Errors"), re.M))
    missing = {code: name for code, name in _codes().items() if documented.get(code) != name}
    assert not missing, f"error codes missing from docs/architecture.md: {missing}"


def test_error_codes_are_unique() -> None:
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.FlashpointError) and cls is not errors.FlashpointError
    ]
    assert len({c.code for c in classes}) == len(classes)


@pytest.mark.parametrize("folder", ["flashpoint"])
def test_every_code_spelled_in_the_code_is_defined(folder: str) -> None:
    root = Path(__file__).resolve().parents[1] / folder
    defined = set(_codes()) | {errors.FlashpointError.code}
    for path in root.rglob("*.py"):
        for code in re.findall(r"FP\d{3}", path.read_text(encoding="utf-8")):
            assert code in defined, f"{path}: {code} is not defined in errors.py"


def test_every_data_file_is_documented() -> None:
    documented = set(_first_cells(_section("Lexicons")))
    shipped = {
        entry.name
        for entry in resources.files("flashpoint.data").iterdir()
        if entry.name.endswith((".yaml", ".csv"))
    }
    missing = shipped - documented
    assert not missing, f"data files missing from docs/architecture.md: {sorted(missing)}"
    assert documented <= shipped, f"documented but not shipped: {sorted(documented - shipped)}"


def test_incidents_doc_states_the_default_confidence_of_the_code() -> None:
    from flashpoint.extractors.events.confidence import default_threshold

    text = (DOC.parent / "incidents.md").read_text(encoding="utf-8")
    found = re.search(r"calibrated threshold, `confidence\.default_threshold\(\)`, ([0-9.]+)", text)
    assert found is not None and float(found.group(1)) == pytest.approx(default_threshold())
