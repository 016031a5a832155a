"""Reading the lexicon and parameter files shipped in ``flashpoint/data/``.

The one reader: every module that loads a data file goes through here, so the
files are found the same way (as package resources) whether Flashpoint runs
from a checkout or an installed wheel, and every file is checked against its
schema (``flashpoint/schemas.py``) on load. A misspelt key, a value of the wrong
type, a duplicate key or a duplicate entry in a word list is ``FP094``, naming
the file and the line, instead of being ignored. Callers cache what they build
from the contents.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from flashpoint.errors import BadDataFile


def read_text(name: str) -> str:
    return resources.files("flashpoint.data").joinpath(name).read_text(encoding="utf-8")


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys and duplicate list entries."""

    source = "?"

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise BadDataFile(
                    f"duplicate key '{key}'", path=self.source, line=key_node.start_mark.line + 1
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        seen: set[str] = set()
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.tag.endswith(":str"):
                if item.value in seen:
                    raise BadDataFile(
                        f"duplicate entry '{item.value}'",
                        path=self.source,
                        line=item.start_mark.line + 1,
                    )
                seen.add(item.value)
        return super().construct_sequence(node, deep=deep)


def _line_of(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The line of the node at pydantic's error location (1-based; 1 if not found)."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(step)]
            if not match:
                break
            key, node = match[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def load_yaml(name: str, *, override: Path | None = None) -> Any:
    """The parsed YAML file ``name``, checked against its schema (``FP094`` if it fails).

    ``override`` reads a user's replacement for the shipped file instead, checked
    against the same schema."""
    from flashpoint.schemas import YAML_SCHEMAS

    if override is not None:
        text, path = override.read_text(encoding="utf-8"), str(override)
    else:
        text, path = read_text(name), f"flashpoint/data/{name}"

    class Loader(_StrictLoader):
        source = path

    data = yaml.load(text, Loader=Loader)
    schema = YAML_SCHEMAS.get(name)
    if schema is None:
        raise BadDataFile(
            "no schema is declared for it in flashpoint/schemas.py", path=path, line=1
        )
    _validate(schema, data, path, lambda loc: _line_of(yaml.compose(text), loc))
    return data


def _validate(schema: type[BaseModel], data: Any, path: str, line_of: Any) -> None:
    try:
        schema.model_validate(data)
    except ValidationError as err:
        # A misspelt key shows as an extra key and a missing one: name the extra one.
        first = min(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise BadDataFile(
            f"{where}: {first['msg'].lower()}", path=path, line=line_of(first["loc"])
        ) from None


def data_lines(name: str) -> list[str]:
    """The file's non-empty lines that are not '#' comments (CSV files with a header note)."""
    return [line for line in read_text(name).splitlines() if line and not line.startswith("#")]


def csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of the CSV file ``name``, each checked against its schema: the header
    names the schema's columns, every row fills them, and the key column has no
    duplicate (``FP094`` with the line otherwise)."""
    from flashpoint.schemas import CSV_SCHEMAS

    path = f"flashpoint/data/{name}"
    if name not in CSV_SCHEMAS:
        raise BadDataFile(
            "no schema is declared for it in flashpoint/schemas.py", path=path, line=1
        )
    schema, key = CSV_SCHEMAS[name]
    numbered = [
        (n, line)
        for n, line in enumerate(read_text(name).splitlines(), start=1)
        if line and not line.startswith("#")
    ]
    if not numbered:
        raise BadDataFile("no header row", path=path, line=1)
    header_line = numbered[0][0]
    reader = csv.reader(line for _, line in numbered)
    header = next(reader)
    expected = list(schema.model_fields)
    if header != expected:
        raise BadDataFile(
            f"the header is {header}, expected {expected}", path=path, line=header_line
        )
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for (line, _), cells in zip(numbered[1:], reader, strict=True):
        if len(cells) != len(header):
            raise BadDataFile(f"{len(cells)} cells for {len(header)} columns", path=path, line=line)
        row = dict(zip(header, cells, strict=True))
        _validate(schema, row, path, lambda _loc, line=line: line)
        if row[key] in seen:
            raise BadDataFile(
                f"duplicate {key} '{row[key]}' (first on line {seen[row[key]]})",
                path=path,
                line=line,
            )
        seen[row[key]] = line
        rows.append(row)
    return rows
