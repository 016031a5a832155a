"""PolNeAR attribution: who said what, scored as (source, content) relations.

Data: brat standoff from PolNeAR (``<split>/attributions/<name>_<annotator>.ann``
and ``<split>/text/<name>.txt``; ``metadata.tsv`` holds publication dates).
``data_dir`` is the PolNeAR folder (the ``dev`` split is scored when present,
else the first split found) or one split folder itself, which is how another
split is chosen (``--data ../shared/eval/polnear/train``). Where several
annotators labelled a text, the annotation whose suffix sorts first is used,
so the choice is deterministic.

A gold relation is an ``Attribution`` event (Source, Cue, Content; the source
may be absent). Predicted relations are the quotes with a speaker (speaker
span, quote span) and the claims (source span, content span).

Strict scores, the headline (``relation_precision``, ``relation_recall``,
``relation_f1``): predictions and gold relations are matched one to one (a
maximum matching); a pair may match when their content spans overlap by at
least half of the longer span and their sources agree (both absent, or both
present and overlapping). ``content_f1`` is the same on content alone.

Lenient scores, secondary (``lenient_*``): a prediction counts when its content
overlaps some gold content at all and, where the gold relation has a source, the
sources overlap; recall counts the gold relations some prediction matches that
way, so one prediction may count for several gold relations.
``speaker_accuracy``: among gold relations with a source whose content is a
direct quotation and that a predicted quote overlaps, the share where that
quote's speaker overlaps the gold source.

``baseline=True`` scores the rule a spaCy user would write first: every verb
"say" with a clausal complement, its subject as source and the complement as
content.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.errors import EvalDataMissing
from flashpoint.evaluation.metrics import prf
from flashpoint.extractors.quotemarks import QUOTE_MARKS, find_marked
from flashpoint.models import Report
from flashpoint.nlp import load
from flashpoint.pipeline import extract_many
from flashpoint.registry import evaluation

Spans = tuple[tuple[int, int], ...]
_ANNOTATOR = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})$")


@dataclass(frozen=True, slots=True)
class Relation:
    content: Spans
    source: Spans | None
    from_quote: bool = False


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    published: str | None
    relations: list[Relation] = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    return tuple(
        (int(a), int(b)) for a, b in (part.split() for part in field_text.split(";") if part)
    )


def read_ann(path: Path) -> list[Relation]:
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = _spans(offsets)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    relations: list[Relation] = []
    for roles in events:
        content = tuple(
            s for role, ref in roles.items() if role.startswith("Content") for s in spans[ref]
        )
        if not content:
            continue
        source = spans.get(roles.get("Source", ""))
        relations.append(Relation(content=content, source=source))
    return relations


def _split_dir(data_dir: Path) -> Path:
    if (data_dir / "attributions").is_dir():
        return data_dir
    if (data_dir / "dev" / "attributions").is_dir():
        return data_dir / "dev"
    for sub in sorted(p for p in data_dir.iterdir() if p.is_dir()) if data_dir.is_dir() else []:
        if (sub / "attributions").is_dir():
            return sub
    raise EvalDataMissing(path=str(data_dir))


def _dates(split: Path) -> dict[str, str]:
    for folder in (split, split.parent):
        meta = folder / "metadata.tsv"
        if meta.is_file():
            with meta.open(encoding="utf-8", newline="") as fh:
                rows = csv.DictReader(fh, delimiter="\t")
                return {r["filename"]: r["publication_date"] for r in rows}
    return {}


def read_gold(data_dir: Path, limit: int | None = None) -> list[GoldDoc]:
    """One annotation per text (the first annotator by suffix), texts in name order."""
    split = _split_dir(data_dir)
    chosen: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        match = _ANNOTATOR.match(ann.stem)
        name = match.group("name") if match else ann.stem
        if name not in chosen and (split / "text" / f"{name}.txt").is_file():
            chosen[name] = ann
    if not chosen:
        raise EvalDataMissing(path=str(split))
    dates = _dates(split)
    docs: list[GoldDoc] = []
    for name in sorted(chosen)[:limit]:
        text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        date = dates.get(name)
        published = date if date and re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None
        gold = GoldDoc(name, text, published, read_ann(chosen[name]))
        docs.append(gold)
    return docs


def predicted(report: Report) -> list[Relation]:
    """Relations from a report: quotes with a speaker, and claims."""
    out: list[Relation] = []
    for q in report.quotes:
        if q.speaker is not None and q.speaker.start is not None and q.speaker.end is not None:
            out.append(Relation(((q.start, q.end),), ((q.speaker.start, q.speaker.end),), True))
        else:
            out.append(Relation(((q.start, q.end),), None, True))
    for c in report.claims:
        source = (
            ((c.source.start, c.source.end),)
            if c.source.start is not None and c.source.end is not None
            else None
        )
        out.append(Relation(((c.content.start, c.content.end),), source))
    return out


def _baseline(docs: list[GoldDoc]) -> Iterator[list[Relation]]:
    nlp = load(Settings().model)
    for doc in nlp.pipe((d.text for d in docs), batch_size=16):
        rels: list[Relation] = []
        for tok in doc:
            if tok.lemma_ != "say":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if subj is None or comp is None:
                continue
            source = ((subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)),)
            content = ((comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)),)
            rels.append(Relation(content, source))
        yield rels


def _overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def _shared(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _strict_content(pred: Relation, gold: Relation) -> bool:
    """The contents overlap by at least half of the longer one."""
    return 2 * _shared(pred.content, gold.content) >= max(
        _length(pred.content), _length(gold.content), 1
    )


def _strict_match(pred: Relation, gold: Relation) -> bool:
    if not _strict_content(pred, gold):
        return False
    if pred.source is None or gold.source is None:
        return pred.source is None and gold.source is None
    return _overlap(pred.source, gold.source)


def matched_pairs(
    pred: list[Relation], gold: list[Relation], fits: Callable[[Relation, Relation], bool]
) -> int:
    """The size of a maximum one-to-one matching between ``pred`` and ``gold`` where
    ``fits(p, g)`` allows a pair (augmenting paths; documents are small)."""
    options = [[j for j, g in enumerate(gold) if fits(p, g)] for p in pred]
    owner: dict[int, int] = {}  # gold index -> prediction index

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(assign(i, set()) for i in range(len(pred)))


def _match(pred: Relation, gold: Relation) -> bool:
    if not _overlap(pred.content, gold.content):
        return False
    return gold.source is None or (pred.source is not None and _overlap(pred.source, gold.source))


def _is_direct(text: str, rel: Relation, quoted: list[tuple[int, int]]) -> bool:
    """Whether a gold content is a direct quotation (marks at its edges, or inside marks)."""
    body = " ".join(text[s:e] for s, e in rel.content).strip()
    if body[:1] in QUOTE_MARKS and body[-1:] in QUOTE_MARKS | {".", ","}:
        return True
    return all(any(qs <= s and e <= qe for qs, qe in quoted) for s, e in rel.content)


def _speaker_seen(pred: list[Relation], gold: Relation) -> bool | None:
    """For a direct gold quote: does a predicted quote over it name the gold source?"""
    over = [p for p in pred if p.from_quote and _overlap(p.content, gold.content)]
    if not over:
        return None
    assert gold.source is not None
    return any(p.source is not None and _overlap(p.source, gold.source) for p in over)


@evaluation(
    "polnear",
    split="dev (84 texts; another split with --data polnear/SPLIT)",
    summary="attribution relations (source, content): strict headline, lenient secondary",
)
def evaluate(
    data_dir: Path, limit: int | None = None, baseline: bool = False
) -> dict[str, float | int]:
    """Relation, content and speaker scores on the chosen PolNeAR split."""
    docs = read_gold(data_dir, limit)
    if baseline:
        predictions = list(_baseline(docs))
    else:
        reports = extract_many(
            (d.text for d in docs),
            [d.published for d in docs],
            settings=Settings(check_language=False),
        )
        predictions = [predicted(r) for r in reports]
    n_pred = n_gold = rel_p = rel_r = con_p = con_r = strict = strict_content = 0
    direct = speaker_ok = 0
    for doc, all_pred in zip(docs, predictions, strict=True):
        # A quote nobody is named for is no relation; it still counts for the speaker score.
        pred = [p for p in all_pred if p.source is not None]
        n_pred += len(pred)
        n_gold += len(doc.relations)
        strict += matched_pairs(pred, doc.relations, _strict_match)
        strict_content += matched_pairs(pred, doc.relations, _strict_content)
        rel_p += sum(any(_match(p, g) for g in doc.relations) for p in pred)
        con_p += sum(any(_overlap(p.content, g.content) for g in doc.relations) for p in pred)
        quoted = [(m.start, m.end) for m in find_marked(doc.text)]
        for g in doc.relations:
            rel_r += any(_match(p, g) for p in pred)
            con_r += any(_overlap(p.content, g.content) for p in pred)
            if g.source is not None and _is_direct(doc.text, g, quoted):
                seen = _speaker_seen(all_pred, g)
                if seen is not None:
                    direct += 1
                    speaker_ok += seen
    p, r, f = prf(strict, n_pred, strict, n_gold)
    _, _, cf = prf(strict_content, n_pred, strict_content, n_gold)
    lp, lr, lf = prf(rel_p, n_pred, rel_r, n_gold)
    _, _, lcf = prf(con_p, n_pred, con_r, n_gold)
    return {
        "documents": len(docs),
        "gold_relations": n_gold,
        # No prediction without a source can be scored, so these are never strict matches.
        "gold_without_source": sum(g.source is None for d in docs for g in d.relations),
        "predicted_relations": n_pred,
        "relation_precision": p,
        "relation_recall": r,
        "relation_f1": f,
        "content_f1": cf,
        "lenient_relation_precision": lp,
        "lenient_relation_recall": lr,
        "lenient_relation_f1": lf,
        "lenient_content_f1": lcf,
        "speaker_accuracy": speaker_ok / direct if direct else 0.0,
        "direct_quotes_scored": direct,
    }
