"""Reading the lexicon and parameter files shipped in ``flashpoint/data/``.

Every module that loads a data file goes through here, so the files are found
the same way (as package resources) whether Flashpoint runs from a checkout or
an installed wheel. Callers cache what they build from the contents.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_text(name: str) -> str:
    return resources.files("flashpoint.data").joinpath(name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    return yaml.safe_load(read_text(name))


def data_lines(name: str) -> list[str]:
    """The file's non-empty lines that are not '#' comments (CSV files with a header note)."""
    return [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
