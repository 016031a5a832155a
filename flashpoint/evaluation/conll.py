"""CoNLL-2003 named entities: exact-span scores of the corrected entity layer.

Reads IOB1 files (columns: token POS chunk NER; ``-DOCSTART-`` lines separate
documents, blank lines sentences), rebuilds each document's text (tokens joined
by spaces, sentences by newlines), runs ``flashpoint.extractors.actors.entities``
(or spaCy's raw entities with ``baseline=True``) and scores exact character spans.
Labels map as PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC and NORP/EVENT/LAW/PRODUCT/
WORK_OF_ART/LANGUAGE->MISC; dates and numbers are ignored. The headline figures
(``precision``, ``recall``, ``f1``) cover PER/ORG/LOC; ``f1_with_misc`` adds MISC.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.config import DEFAULT
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.metrics import Counts
from flashpoint.nlp import load
from flashpoint.registry import evaluation

LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
}
MAIN = ("PER", "ORG", "LOC")
Entity = tuple[int, int, str]


@dataclass(slots=True)
class GoldDoc:
    text: str
    entities: set[Entity] = field(default_factory=set)


def _spans(tags: list[str], offsets: list[tuple[int, int]]) -> Iterator[Entity]:
    """Entity spans from one sentence's IOB1 tags (B- only splits same-type neighbours)."""
    current: list[Any] | None = None
    for tag, (start, end) in zip(tags, offsets, strict=True):
        if tag == "O":
            if current:
                yield current[0], current[1], current[2]
            current = None
            continue
        kind = tag[2:]
        if current and kind == current[2] and not tag.startswith("B-"):
            current[1] = end
        else:
            if current:
                yield current[0], current[1], current[2]
            current = [start, end, kind]
    if current:
        yield current[0], current[1], current[2]


def read(path: Path) -> list[GoldDoc]:
    """The documents of one CoNLL IOB1 file, with their gold entity spans."""
    docs: list[GoldDoc] = []
    sentences: list[list[tuple[str, str]]] = [[]]

    def flush() -> None:
        lines: list[str] = []
        entities: set[Entity] = set()
        length = 0
        for sentence in sentences:
            if not sentence:
                continue
            offsets = []
            for token, _ in sentence:
                offsets.append((length, length + len(token)))
                length += len(token) + 1  # the space, or the newline after the last token
            entities.update(_spans([tag for _, tag in sentence], offsets))
            lines.append(" ".join(token for token, _ in sentence))
        if lines:
            docs.append(GoldDoc("\n".join(lines), entities))
        sentences[:] = [[]]

    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if not parts:
            sentences.append([])
        elif parts[0] == "-DOCSTART-":
            flush()
        else:
            sentences[-1].append((parts[0], parts[-1]))
    flush()
    return docs


def _files(data_dir: Path) -> list[Path]:
    names = ("eng.testa", "eng.testb", "eng.train")
    found = [data_dir / n for n in names if (data_dir / n).is_file()]
    return found or sorted(p for p in data_dir.glob("*.conll") if p.is_file())


@evaluation(
    "conll",
    split="eng.testa (the CoNLL-2003 development split, 216 documents)",
    summary="named entities (PER, ORG, LOC, MISC), exact spans",
)
def evaluate(
    data_dir: Path,
    limit: int | None = None,
    baseline: bool = False,
    passes: tuple[str, ...] = ("sports",),
) -> dict[str, Any]:
    """Exact-span P/R/F1 over PER/ORG/LOC, per-type F1 and F1 with MISC.

    CoNLL-2003 is largely sports pages, so the optional ``sports`` entity pass (off
    in the default pipeline) is on here unless ``passes`` says otherwise; the
    ``notes`` entry says which passes ran."""
    from flashpoint.extractors.entities import entities as corrected

    files = _files(data_dir) if data_dir.is_dir() else []
    if not files:
        raise EvalDataMissing(path=str(data_dir))
    gold_docs = [doc for path in files for doc in read(path)][:limit]
    nlp = load(DEFAULT.model)
    counts = {label: Counts() for label in (*MAIN, "MISC")}
    texts = (g.text for g in gold_docs)
    for gold, doc in zip(gold_docs, nlp.pipe(texts, batch_size=DEFAULT.batch_size), strict=True):
        if baseline:
            found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        else:
            found = corrected(doc, passes)
        predicted = {(s, e, LABELS[lab]) for s, e, lab in found if lab in LABELS}
        for label, count in counts.items():
            p = {x for x in predicted if x[2] == label}
            g = {x for x in gold.entities if x[2] == label}
            count.add(Counts(tp=len(p & g), fp=len(p - g), fn=len(g - p)))
    main = Counts()
    for label in MAIN:
        main.add(counts[label])
    every = Counts()
    for count in counts.values():
        every.add(count)
    shown = ", ".join(passes) or "none"
    notes = [f"entity passes: {shown} (the default pipeline runs none)"] if not baseline else []
    metrics: dict[str, Any] = {
        "notes": notes,
        "documents": len(gold_docs),
        "precision": main.precision,
        "recall": main.recall,
        "f1": main.f1,
    }
    for label in (*MAIN, "MISC"):
        metrics[f"f1_{label.lower()}"] = counts[label].f1
    metrics["f1_with_misc"] = every.f1
    return metrics
