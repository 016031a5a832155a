"""Sports pages: team names in results, standings and fixtures, an optional entity pass.

Off in the default pipeline: it exists for sports pages (results tables in wire
copy), not for crisis news. Turn it on with ``Settings(entity_passes=("sports",))``;
``flashpoint eval conll`` does, and says so.

What it finds: the names in results, standings and fixture lines ("Riverton 2
Ashford 1", "Ashford 4 3 1 0 9 2 10", "Riverton v Ashford") and a town that is a
side in a contest ("Ashford beat Riverton", "a win over Riverton"; a lone name
the model called a person too, unless it is part of a player's full name) are
organizations, as are the other mentions of that name in the document (not in a
dateline or after "in"); countries and regions (national sides) stay places. The
contest words are in ``data/contests.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from flashpoint import lexicon
from flashpoint.extractors.entities import (
    NAME_LINKS,
    OPTIONAL_PASSES,
    Ent,
    nation,
    token_texts,
)

# Between the two sides of a fixture: "Ashford v Riverton", "BRANDON AT MILLFORD".
_FIXTURE_LINKS = frozenset({"v", "v.", "vs", "vs.", "AT"})


def _is_score(text: str) -> bool:
    return text.isdigit() and len(text) <= 3


def _is_figure(text: str) -> bool:
    """A standings-table cell: "12", ".560", "1/2", "-" (not a year: "1996-08-30")."""
    if text.isdigit():
        return len(text) <= 3
    return text == "-" or (
        any(c.isdigit() for c in text) and all(c.isdigit() or c in "./" for c in text)
    )


def _team_word(text: str) -> bool:
    return (
        text[:1].isupper()
        and text.replace("-", "").replace(".", "").isalpha()
        and text not in _FIXTURE_LINKS
    )


def _line_names(
    texts: list[str], start: int, end: int, fixture: bool = False
) -> list[tuple[int, int]] | None:
    """Name runs of a results line ("Riverton 2 Ashford 1", "Corvo ( Italy ) 92 Lokomo
    ( Latvia ) 81") or a standings row ("Ashford 4 2 1 1 6 5 7"), else None.
    A name run is capitalised words (linked by "of", "'s" ...), optionally followed by
    a bracketed note; a line that opens with a number (a ranked list) is no table row."""
    names: list[tuple[int, int]] = []
    scores = 0
    i = start
    while i < end:
        first = i
        while i < end and (
            _team_word(texts[i])
            or (i > first and texts[i] in NAME_LINKS and i + 1 < end and _team_word(texts[i + 1]))
        ):
            i += 1
        if i == first or not texts[i - 1][:1].isupper():
            return None
        if i < end and texts[i] == "(":  # "( Italy )", "( B )": a note on the name
            close = i + 1
            while close < end and close - i <= 4 and texts[close] != ")":
                close += 1
            if close >= end or texts[close] != ")":
                return None
            note = texts[i + 1 : close]
            if len(note) == 1 and note[0].isupper() and len(note[0]) <= 2:
                names.append((first, close + 1))  # a code that tells two clubs apart
            else:
                names.append((first, i))
            i = close + 1
        else:
            names.append((first, i))
        figures = i
        while i < end and _is_figure(texts[i]):
            i += 1
        count = i - figures
        if count == 0:
            # a fixture: "Ashford v Riverton", "BRANDON AT MILLFORD" (the line is nothing else)
            if len(names) == 1 and i + 1 < end and texts[i] in _FIXTURE_LINKS:
                rest = _line_names(texts, i + 1, end, fixture=True)
                return names + rest if rest and len(rest) == 1 else None
            return names if fixture and i == end else None
        if count == 1 and _is_score(texts[figures]):
            scores += 1
        elif len(names) == 1 and i == end and sum(t.isdigit() for t in texts[figures:i]) >= 3:
            return names  # a standings row
        else:
            return None
        if i < end and texts[i] == "(":  # "( halftime 1-0 )" after the last score
            if scores == 2 and texts[end - 1] == ")":
                break
            return None
    return names if scores == 2 and len(names) == 2 else None


def _result_lines(doc: Doc, ents: list[Ent]) -> tuple[list[Ent], set[str]]:
    """Team names in sports results and standings lines are organizations ("Riverton 2
    Ashford 1"; "Ashford 4 2 1 1 6 5 7"), whatever the model made of them (towns,
    people, one entity across both teams). Countries stay places (national sides) and
    a name opening with a common given name stays a person (golf scorecards)."""
    texts = token_texts(doc)
    bounds = [i for i, t in enumerate(texts) if "\n" in t]
    teams: list[Ent] = []
    start = 0
    for stop in [*bounds, len(texts)]:
        names = _line_names(texts, start, stop) if stop - start >= 3 else None
        start = stop + 1
        for first, end in names or ():
            text = " ".join(texts[first:end])
            if nation(text) or lexicon.given_name(texts[first]):
                continue
            teams.append(Ent(first, end, "ORG"))
    if not teams:
        return ents, set()
    kept = [e for e in ents if not any(e.start < t.end and t.start < e.end for t in teams)]
    return kept + teams, {" ".join(texts[t.start : t.end]).lower() for t in teams}


def _contest_role(doc: Doc, ent: Ent) -> bool:
    """The name is a side in a contest: subject or object of "beat", "drew with",
    "lost to", "a win over" ... ("Ashford beat Riverton", "Riverton lost to Ashford")."""
    root = doc[ent.start : ent.end].root
    head = root.head
    if root.dep_ in ("nsubj", "dobj") and head.lemma_ in lexicon.contest_verbs():
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "with", "over", "against"):
        governor = head.head
        return governor.lemma_ in lexicon.contest_verbs() | lexicon.contest_nouns()
    return False


def _contest_sides(doc: Doc, ents: list[Ent], names: set[str]) -> None:
    """Towns and counties that play: a place name (not a country: national sides stay
    places) that is a side in a contest is an organization; its name joins ``names``
    so that the entity layer relabels its other mentions too."""
    texts = {id(e): doc[e.start : e.end].text for e in ents if e.label in ("GPE", "LOC", "PERSON")}
    # Words of people named in full: "Brannigan beat Okafor" is two players.
    people = {
        t.text.lower()
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1
        for t in doc[e.start : e.end]
    }
    for ent in ents:
        text = texts.get(id(ent), "")
        if not text or nation(text):
            continue
        side = ent.label != "PERSON" or (
            ent.end - ent.start == 1
            and text.lower() not in people
            and not lexicon.given_name(text)
            and not (ent.start and doc[ent.start - 1].is_title)  # a name cut in two
        )
        if side and _contest_role(doc, ent):
            ent.label = "ORG"
            names.add(text.lower())


def sports_pass(doc: Doc, ents: list[Ent], names: set[str]) -> list[Ent]:
    """The optional ``sports`` entity pass: result lines, then sides in contests."""
    ents, teams = _result_lines(doc, ents)
    names.update(teams)
    _contest_sides(doc, ents, names)
    return ents


OPTIONAL_PASSES["sports"] = sports_pass
