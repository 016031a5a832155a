"""Corrected named entities: spaCy's NER with its known weaknesses on news text fixed.

What it fixes, each with a rule that makes sense for any news text:

- boundaries: a leading article ("the United States"), a trailing possessive
  ("Maduro's"), trailing figures and lower-case tails ("Tasman news agency", but
  not a hyphenated name's part: "Lee Hyun-woo") are trimmed; a nationality opening
  a full name is split off ("Kenyan Paul Kiprop" -> NORP + PERSON); an entity never
  runs across a line break, a stand-alone comma, bracket or dash; a name the model
  cut in two ("Maria Corina" + "Machado") is joined, and an initial joins its
  surname ("K. Okafor");
- a possessive inside one entity splits it ("Al Jazeera's Teresa Bo" -> ORG + PERSON);
- a country's name is a place (GPE), a demonym is a nationality (NORP), a known
  organization is an ORG, a named sea or region is a LOC, two or three capitalised
  words opening with a common given name are a PERSON;
- a bare surname (or full name) of a person named in the document is that PERSON,
  whatever label the model gave it;
- a town labelled ORG or PERSON becomes a place when the gazetteer knows it and a
  cue says so ("in", "near", "the city of X", "X province", a dateline), or when it
  is a national capital named alone ("Havana says");
- names the model found once are found again where it missed them in the same
  document (headlines in capitals included); countries, known organizations,
  regions and (in datelines) big cities it missed are added, as are acronyms in
  ordinary sentences (ORG) and "Given Surname" pairs (PERSON);
- names it guessed in all-capital lines are dropped unless the body, the lexicon or
  the gazetteer confirms them;
- a capitalised name ending in a legal form ("Corvella SpA", "Halden Chemical Co") is an
  organization, as is one right after a kind noun ("the club X", "publishers group X")
  or right before a member noun ("X chairman", "X striker", "X shares");
- sports pages (optional, off by default): team names in results, standings and
  fixture lines and sides in contests are organizations (``extractors/sports.py``).

It does not resolve pronouns, merge mentions into actors or pick gazetteer entries:
those are the actors and places extractors' jobs. The ``entities`` component
leaves the result as the ``entities`` layer (``ctx.entities``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from flashpoint import gazetteer, lexicon
from flashpoint.errors import UnknownComponent
from flashpoint.registry import extractor

if TYPE_CHECKING:
    from flashpoint.extractors.context import Context

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_TITLED = frozenset({"PERSON", "ORG", "GPE"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Punctuation that may sit inside a name ("AT&T", "St. Louis", "Guinea-Bissau").
_INNER_PUNCT = frozenset({"&", ".", "-", "'"})
# "the city of X": X is a place whatever the model thought.
_SETTLEMENTS = frozenset(
    {"city", "town", "village", "port", "province", "region", "state", "district", "capital"}
)
# "Anbar province": a name before one of these (in lower case) is a place.
_AREA_WORDS = frozenset(
    {"province", "governorate", "region", "district", "county", "prefecture", "municipality"}
)
# A place name after these is a location even if the model called it a person.
_LOCATIVE = lexicon.locative_prepositions() | lexicon.directional_prepositions()
# Capitals-only cities must be this big to be added without the model's help.
_CAPS_CITY_POPULATION = 200_000


@dataclass(slots=True)
class Ent:
    start: int  # token indices, half-open
    end: int
    label: str


# An optional correction pass: (doc, entities, organization names) -> entities. It may
# relabel entities and add lower-cased names that are organizations throughout.
EntityPass = Callable[[Doc, list["Ent"], set[str]], list["Ent"]]
# Optional passes by name, registered by their modules (``extractors/sports.py``).
OPTIONAL_PASSES: dict[str, EntityPass] = {}


def _passes(names: Sequence[str]) -> list[EntityPass]:
    for name in names:
        if name not in OPTIONAL_PASSES:
            known = ", ".join(sorted(OPTIONAL_PASSES))
            raise UnknownComponent(kind="entity pass", name=name, known=known)
    return [OPTIONAL_PASSES[name] for name in names]


def entity_spans(doc: Doc, passes: Sequence[str] = ()) -> list[SpacySpan]:
    """The corrected entities as spaCy spans (labels: spaCy's scheme), in text order,
    with the named optional passes (e.g. ``("sports",)``) applied."""
    chosen = _passes(passes)
    return [SpacySpan(doc, e.start, e.end, label=e.label) for e in _correct(doc, chosen)]


def entities(doc: Doc, passes: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """The corrected entities as (start_char, end_char, label), in text order."""
    return [(s.start_char, s.end_char, s.label_) for s in entity_spans(doc, passes)]


@extractor("entities", produces=None, provides=("entities",))
def extract_entities(ctx: Context) -> None:
    """The corrected entity layer, read by the actors and places extractors. The
    optional passes ``Settings.entity_passes`` names run too (none by default)."""
    ctx.provide("entities", tuple(entity_spans(ctx.doc, ctx.settings.entity_passes)))


def _correct(doc: Doc, passes: Sequence[EntityPass] = ()) -> list[Ent]:
    ents: list[Ent] = []
    for ent in doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            ents.extend(_place_before_time(doc, Ent(ent.start, ent.end, ent.label_)))
            continue
        for part in _split(doc, Ent(ent.start, ent.end, ent.label_)):
            trimmed = _trim(doc, part)
            if trimmed is not None:
                ents.append(trimmed)
    ents = _initials(doc, ents)
    ents = _join_names(doc, ents)
    ents = _split_demonyms(doc, ents)
    for fixed in ents:
        _relabel(doc, fixed)
    _people_consistency(doc, ents)
    _towns_as_places(doc, ents)
    ents = _propagate(doc, ents)
    ents = _confirmed_capitals(doc, ents)
    ents.extend(_capital_places(doc, ents))
    ents.extend(_acronyms(doc, ents))
    ents.extend(_given_name_people(doc, ents))
    ents = _companies(doc, ents)
    names: set[str] = set()  # lower-cased names that are organizations wherever they occur
    for extra in passes:
        ents = extra(doc, ents, names)
    _cued_organizations(doc, ents, names)
    ents.sort(key=lambda e: e.start)
    return ents


def _place_before_time(doc: Doc, ent: Ent) -> list[Ent]:
    """ "Maracaibo overnight" (one TIME to the model) -> the place, then the time."""
    end = ent.start
    while end < ent.end and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    if end == ent.start or end == ent.end:
        return [ent]
    name = doc[ent.start : end].text
    if not (lexicon.country_name(name) or gazetteer.is_place(name, min_population=50_000)):
        return [ent]
    return [Ent(ent.start, end, "GPE"), Ent(end, ent.end, ent.label)]


def _is_separator(token: Token) -> bool:
    """A token no name runs across: a line break, or punctuation that is not part of names."""
    if "\n" in token.text:
        return True
    if not token.is_punct or token.text in _POSSESSIVES or token.text == "&":
        return False  # "Johnson & Johnson" is one name
    if token.text in _INNER_PUNCT:
        return _stands_alone(token)
    return True


def _stands_alone(token: Token) -> bool:
    doc = token.doc
    before = token.i == 0 or bool(doc[token.i - 1].whitespace_)
    return before and bool(token.whitespace_)


def _split(doc: Doc, ent: Ent) -> list[Ent]:
    """Parts of an entity between separators, and either side of an inner possessive."""
    parts: list[Ent] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or _is_separator(doc[i]):
            if i > start:
                parts.extend(_split_possessive(doc, Ent(start, i, ent.label)))
            start = i + 1
    return parts


# A title word after a possessive that makes one newspaper's name ("the People's Daily",
# "the Farmers' Weekly"): no owner and its person.
MASTHEAD_WORDS = frozenset({"daily", "weekly", "times", "post", "journal", "herald", "gazette"})


def _split_possessive(doc: Doc, ent: Ent) -> list[Ent]:
    """ "Al Jazeera's Teresa Bo" -> the owner (ORG, or GPE for a country) + the PERSON;
    a masthead ("People's Daily", ``MASTHEAD_WORDS``) stays whole."""
    for i in range(ent.start + 1, ent.end - 1):
        if ent.end == i + 2 and doc[i + 1].lower_ in MASTHEAD_WORDS:
            return [ent]
        if doc[i].text.lower() in _POSSESSIVES and doc[i + 1].is_title:
            owner_text = doc[ent.start : i].text
            if lexicon.country_name(owner_text):
                owner = "GPE"
            elif ent.label == "PERSON" or lexicon.organization(owner_text):
                owner = "ORG"
            else:
                owner = ent.label
            names = sum(1 for t in doc[i + 1 : ent.end] if t.is_title)
            tail = "PERSON" if names >= 2 else ent.label
            return [Ent(ent.start, i, owner), Ent(i + 1, ent.end, tail)]
    return [ent]


def _trim(doc: Doc, ent: Ent) -> Ent | None:
    start, end = ent.start, ent.end
    while start < end and (
        doc[start].lower_ in _ARTICLES or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _POSSESSIVES
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or any(c.isdigit() for c in doc[end - 1].text)
        # names end in a capitalised word: "the Tasman news agency" is "Interfax",
        # but a hyphenated name's lower-case part stays ("Kim Dae-jung")
        or (
            ent.label in _TITLED
            and doc[end - 1].is_lower
            and doc[end - 1].is_alpha
            and not _hyphen_tail(doc, start, end)
        )
    ):
        end -= 1
    if end <= start or not any(c.isalpha() for c in doc[start:end].text):
        return None
    lone = doc[start] if end - start == 1 else None
    if lone is not None and _common_word(lone) and ent.label != "NORP":
        return None
    return Ent(start, end, ent.label)


def _hyphen_tail(doc: Doc, start: int, end: int) -> bool:
    """The last word hangs on a capitalised word by a hyphen, with no spaces ("Dae-jung")."""
    if end - start < 3 or doc[end - 2].text != "-":
        return False
    return not doc[end - 3].whitespace_ and not doc[end - 2].whitespace_ and doc[end - 3].is_title


def _common_word(token: Token) -> bool:
    """A lone common word the tagger does not see as a name ("Women", "Results")."""
    return token.pos_ in ("NOUN", "VERB", "ADJ") and not token.is_upper


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _initials(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "K. Okafor": an initial and a capitalised word make a PERSON, absorbing whatever
    the model made of either part on its own."""
    kept = list(ents)
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if not (_is_initial(token) and after.is_title and after.is_alpha and len(after) > 1):
            continue
        end = token.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            end += 1
        start = token.i
        while start > 0 and _is_initial(doc[start - 1]):
            start -= 1
        clash = [e for e in kept if e.start < end and start < e.end]
        inside = [e for e in clash if e.start <= start and e.end >= end]
        if any(e.label == "PERSON" or e.end - e.start > end - start for e in inside):
            continue  # already inside one name ("Anna M. Ortiz", "J. R. Fenwick Holdings")
        start = min([start, *(e.start for e in clash if e.label == "PERSON")])
        kept = [e for e in kept if e not in clash]
        kept.append(Ent(start, end, "PERSON"))
    kept.sort(key=lambda e: e.start)
    return kept


def _join_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A person's name the model cut in two ("Maria Corina" PERSON + "Machado" ORG):
    a capitalised proper noun right after a PERSON, with nothing between, belongs to it,
    as does a common given name right before it."""
    by_start = {e.start: e for e in ents}
    dropped: set[int] = set()
    for ent in ents:
        if ent.label != "PERSON" or id(ent) in dropped:
            continue
        while ent.end < len(doc) and _name_word(doc[ent.end]) and not doc[ent.end].is_sent_start:
            if doc[ent.end - 1].whitespace_ != " ":
                break
            after = by_start.get(ent.end)
            if after is not None and (after.end - after.start > 1 or after.label != "ORG"):
                break
            if after is not None:
                dropped.add(id(after))
            ent.end += 1
        before = doc[ent.start - 1] if ent.start else None
        if (
            before is not None
            and _name_word(before)
            and lexicon.given_name(before.text)
            and not any(e.start <= before.i < e.end for e in ents)
        ):
            ent.start -= 1
    return [e for e in ents if id(e) not in dropped]


def _split_demonyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Canadian Laura Fenn" as one entity: the nationality (NORP) and the person."""
    kept: list[Ent] = []
    for ent in ents:
        first = doc[ent.start]
        if (
            ent.end - ent.start >= 3
            and lexicon.demonym(first.text)
            and not lexicon.country_name(first.text)
            and lexicon.given_name(doc[ent.start + 1].text)
            and all(_name_word(t) for t in doc[ent.start + 1 : ent.end])
        ):
            kept.append(Ent(ent.start, ent.start + 1, "NORP"))
            kept.append(Ent(ent.start + 1, ent.end, "PERSON"))
        elif (
            ent.end - ent.start >= 2
            and ent.label in ("PERSON", "ORG")
            and lexicon.demonym(first.text)
            and lexicon.role(doc[ent.start + 1 : ent.end].text)
        ):
            # "Moldovan President" before the name: a nationality and a title, no one's name
            kept.append(Ent(ent.start, ent.start + 1, "NORP"))
        else:
            kept.append(ent)
    return kept


def _relabel(doc: Doc, ent: Ent) -> None:
    """Labels that the name itself settles: countries, demonyms, known orgs and regions."""
    text = doc[ent.start : ent.end].text
    if ent.label not in NAME_LABELS and ent.label not in ("PRODUCT", "WORK_OF_ART", "EVENT"):
        return
    if lexicon.country_name(text):
        ent.label = "GPE"
    elif lexicon.demonym(text):
        ent.label = "NORP"
    elif lexicon.organization(text):
        ent.label = "ORG"
    elif ent.label in ("ORG", "GPE", "LOC") and _looks_like_person(doc, ent, text):
        ent.label = "PERSON"
    elif ent.label in ("PERSON", "ORG") and any(
        e.feature == "region" for e in gazetteer.lookup(text)
    ):
        ent.label = "LOC"


def _looks_like_person(doc: Doc, ent: Ent, text: str) -> bool:
    """Two or three capitalised words starting with a common given name, with no
    organization word and no gazetteer entry: "Elise Marchand" called an ORG."""
    words = doc[ent.start : ent.end]
    if not 2 <= len(words) <= 3 or not all(_name_word(t) for t in words):
        return False
    if not lexicon.given_name(words[0].text) or lexicon.organization_name_head(words[-1].lower_):
        return False
    return not gazetteer.lookup(text)


def _people_consistency(doc: Doc, ents: list[Ent]) -> None:
    """A person's full name, surname (or, for two-word names, first word: family names
    come first in Chinese and Korean) keeps the PERSON label everywhere in the document."""
    names: set[str] = set()
    firsts: Counter[str] = Counter()
    alone = Counter(doc[e.start].text for e in ents if e.end - e.start == 1 and e.label != "PERSON")
    for ent in ents:
        if ent.label == "PERSON" and ent.end - ent.start >= 2:
            names.add(doc[ent.start : ent.end].text)
            last = doc[ent.end - 1]
            if last.is_title and len(last.text) > 2:
                names.add(last.text)
            first = doc[ent.start]
            if ent.end - ent.start == 2 and first.is_title and len(first.text) > 1:
                firsts[first.text] += 1  # family name first ("Zhou Peiran" -> "Zhou")
    # ... unless the bare word is mostly something else ("Corvella" next to "Corvella SpA").
    names.update(word for word, n in firsts.items() if alone[word] <= 2 * n)
    for ent in ents:
        if ent.label in ("ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
            text = doc[ent.start : ent.end].text
            if text in names:
                ent.label = "PERSON"


def _towns_as_places(doc: Doc, ents: list[Ent]) -> None:
    """An ORG or PERSON that is just a known town's name is a GPE when a locative word
    ("in", "near", "from" ...) or a dateline position says so and no organization
    word follows. Without such a cue, towns stay as labelled: sports teams and
    companies are often named after towns. A national capital named alone is a GPE
    unless it is also the name of a person in the document."""
    people = {
        t.text
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1
        for t in doc[e.start : e.end]
    }
    for ent in ents:
        text = doc[ent.start : ent.end].text
        # "killed 12 people in Aleppo": the tagger's NORP for a town that is no nationality
        mistaken_norp = ent.label == "NORP" and not lexicon.demonym(text)
        if ent.label not in ("ORG", "PERSON") and not mistaken_norp:
            continue
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if lexicon.organization_name_head(after):
            continue
        of_settlement = ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
        if of_settlement and doc[ent.start - 2].lower_ in _SETTLEMENTS:  # "the city of X"
            ent.label = "GPE"
            continue
        if after in _AREA_WORDS and doc[ent.end].is_lower:
            ent.label = "GPE"  # "Anbar province", "Idlib governorate"
            continue
        if not gazetteer.is_place(text, min_population=50_000):
            continue
        if lexicon.organization(text):
            continue
        before = doc[ent.start - 1].lower_ if ent.start else ""
        if before in _LOCATIVE or is_dateline(doc, ent.start, ent.end):
            ent.label = "GPE"
        elif text not in people and _is_capital(text):
            # "Havana says", "a charge Abu Dhabi denies": a national capital named alone is
            # its city (standing for its government), not a person or a company
            ent.label = "GPE"


def token_texts(doc: Doc) -> list[str]:
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def _is_capital(text: str) -> bool:
    return any(e.capital and e.main_name for e in gazetteer.lookup(text))


def _covered(ents: list[Ent], size: int) -> list[bool]:
    covered = [False] * size
    for ent in ents:
        for i in range(ent.start, ent.end):
            covered[i] = True
    return covered


def _propagate(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Label unlabelled repeats of names found elsewhere in the document."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for ent in ents:
        if ent.label in NAME_LABELS:
            words = tuple(t.text for t in doc[ent.start : ent.end])
            votes.setdefault(words, Counter())[ent.label] += 1
            if ent.label == "PERSON" and len(words) >= 2 and doc[ent.end - 1].is_title:
                votes.setdefault((words[-1],), Counter())["PERSON"] += 1
    names = {
        words: count.most_common(1)[0][0]
        for words, count in votes.items()
        if any(c.isupper() for c in words[0])
        and (len("".join(words)) > 2 or count.most_common(1)[0][0] == "PERSON")
    }
    if not names:
        return ents
    # Headlines in capitals repeat names from the body: "MADURO" is "Maduro".
    for words, label in list(names.items()):
        upper = tuple(w.upper() for w in words)
        if len("".join(words)) > 3:
            names.setdefault(upper, label)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    covered = _covered(ents, len(doc))
    texts = token_texts(doc)
    added: list[Ent] = []
    i = 0
    while i < len(doc):
        options = by_first.get(texts[i]) if not covered[i] else None
        match = None
        for words in options or ():
            end = i + len(words)
            if (
                end <= len(doc)
                and not any(covered[i:end])
                and tuple(texts[i:end]) == words
                and _whole_name(doc, i, end)
            ):
                match = words
                break
        if match:
            added.append(Ent(i, i + len(match), names[match]))
            i += len(match)
        else:
            i += 1
    return ents + added


def _confirmed_capitals(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Drop names the model found in an all-capital line (a headline, a table heading)
    that neither the body of the text (in ordinary case) nor the lexicon or gazetteer
    confirms: on capitals alone the model's guesses are mostly wrong ("WEATHER")."""
    body: dict[str, str] = {}
    for ent in ents:
        text = doc[ent.start : ent.end].text
        if ent.label in NAME_LABELS and not text.isupper():
            body.setdefault(text.upper(), ent.label)
    full_text: str | None = None  # Doc.text joins every token: built only when needed
    kept: list[Ent] = []
    for ent in ents:
        span = doc[ent.start : ent.end]
        if ent.label in NAME_LABELS and span.text.isupper() and _capital_line(span.sent):
            full_text = doc.text if full_text is None else full_text
            text = span.text
            if text in body:
                ent.label = body[text]  # the body's reading of the same name wins
            elif not (
                lexicon.organization(text)
                or lexicon.country(text)
                or gazetteer.lookup(text)
                or text.title() in full_text
            ):
                continue
        kept.append(ent)
    return kept


def _capital_line(sent: SpacySpan) -> bool:
    words = [t for t in sent if t.is_alpha]
    return bool(words) and sum(t.is_upper for t in words) * 2 > len(words)


def _whole_name(doc: Doc, start: int, end: int) -> bool:
    """The match is not a fragment of a longer capitalised name ("Kent" in "Kent State")."""
    caps = all(t.is_upper for t in doc[start:end])
    for i in (start - 1, end):
        if i < 0 or i >= len(doc):
            continue
        neighbour = doc[i]
        if neighbour.is_sent_start or not neighbour.is_alpha:
            continue
        if neighbour.is_title and neighbour.pos_ == "PROPN":
            return False
        if neighbour.is_upper and not caps and len(neighbour) > 1:
            return False
    return True


def _capital_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Countries, nationalities, known organizations and (in datelines) big cities the
    model missed."""
    covered = _covered(ents, len(doc))
    # Attributes read as arrays: making a Token object per word is slow.
    flags = doc.to_array([IS_ALPHA, IS_UPPER, IS_TITLE]).tolist()
    capital = [
        not c and bool(alpha and (upper or title))
        for (alpha, upper, title), c in zip(flags, covered, strict=True)
    ]
    texts = token_texts(doc)
    found: list[Ent] = []
    i = 0
    while i < len(doc):
        if not capital[i]:
            i += 1
            continue
        match, label = 0, "GPE"
        for size in (3, 2, 1):
            end = i + size
            if end > len(doc) or not all(capital[i:end]):
                continue
            text = " ".join(texts[i:end])
            place = _place_label(text, city=is_dateline(doc, i, end))
            if place:
                match, label = size, place
                break
            if lexicon.demonym(text) and not lexicon.country_name(text):
                match, label = size, "NORP"
                break
            if lexicon.organization(text) and (len(text) > 2 or text.isupper()):
                match, label = size, "ORG"
                break
        if match and (is_dateline(doc, i, i + match) or _whole_name(doc, i, i + match)):
            found.append(Ent(i, i + match, label))
            i += match
        else:
            i += 1
    return found


def _given_name_people(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Unlabelled "Given Surname" pairs (or triples) whose first word is a common given
    name are people ("Tom Brannigan", "Sara Okafor")."""
    covered = _covered(ents, len(doc))
    found: list[Ent] = []
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        if covered[i] or not token.is_title or not lexicon.given_name(token.text):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and not covered[end] and _name_word(doc[end]):
            end += 1
        if end - i >= 2 and not lexicon.organization_name_head(doc[end - 1].lower_):
            found.append(Ent(i, end, "PERSON"))
        i = end
    return found


def _name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ == "PROPN"


def _acronyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Unlabelled all-capital proper nouns of 2-5 letters in ordinary (not all-capital)
    sentences: in news these are nearly always organizations ("the KDP", "ELN")."""
    covered = _covered(ents, len(doc))
    found: list[Ent] = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        if not words or sum(t.is_upper for t in words) * 2 > len(words):
            continue  # a headline or table line in capitals: acronyms are not special there
        for token in sent:
            if (
                not covered[token.i]
                and token.is_alpha
                and token.is_upper
                and 2 <= len(token) <= 5
                and token.pos_ == "PROPN"
            ):
                found.append(Ent(token.i, token.i + 1, "ORG"))
    return found


def _place_label(text: str, *, city: bool) -> str | None:
    """GPE for a country (or, where ``city``, a state or big city), LOC for a named
    region or sea; None otherwise."""
    if lexicon.country_name(text) and (len(text) > 3 or not text.isupper()):
        return "GPE"
    entries = [e for e in gazetteer.lookup(text) if e.main_name]
    if len(text) > 3 and any(e.feature in ("region", "landmark") for e in entries):
        return "LOC"  # the regions and seas of regions.csv are curated
    big = any(
        e.feature == "admin" or (e.feature == "city" and e.population >= _CAPS_CITY_POPULATION)
        for e in entries
    )
    return "GPE" if city and big else None


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """The words open a line and are followed by a date, a comma or a dash (a dateline)."""
    if start > 0 and "\n" not in doc[start - 1].text:
        return False
    if end >= len(doc):
        return False
    after = doc[end]
    return after.text in (",", "-", "--", "(") or after.ent_type_ == "DATE" or after.like_num


# Words that may sit inside a team's name between capitalised words ("Wells of Dunmore").
NAME_LINKS = frozenset({"of", "'s", "de", "&"})


def _cued_organizations(doc: Doc, ents: list[Ent], names: set[str]) -> None:
    """A place or person name with an organization cue beside it ("the club Velmora",
    "Ashford striker") is an organization, and so is every other mention of that name
    (and of the names in ``names``, which optional passes found) in the document;
    countries and curated regions stay places."""
    texts = {id(e): doc[e.start : e.end].text for e in ents if e.label in ("GPE", "LOC", "PERSON")}
    for ent in ents:
        text = texts.get(id(ent), "")
        if text and not nation(text) and _organization_cue(doc, ent):
            ent.label = "ORG"
            names.add(text.lower())
    if not names:
        return
    for ent in ents:
        text = texts.get(id(ent), "")
        if text.lower() not in names or (ent.label == "PERSON" and ent.end - ent.start > 1):
            continue
        before = doc[ent.start - 1] if ent.start else None
        if is_dateline(doc, ent.start, ent.end) or (
            before is not None and before.is_lower and before.text in _LOCATIVE
        ):
            continue  # "ASHFORD 2024-05-11", "in Ashford": the town itself
        ent.label = "ORG"


def _organization_cue(doc: Doc, ent: Ent) -> bool:
    """A lower-case noun next to the name says it is an organization: "the club
    Velmora", "publishers group KNP", "Tarsus shares", "Ashford striker"."""
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and before.is_lower and lexicon.organization_kind(before.text):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        after is not None
        and after.is_lower
        and after.dep_ != "compound"  # "the Tokyo stock market" is the city's market
        and lexicon.organization_member(after.text)
    )


def nation(text: str) -> bool:
    """A country or a curated region ("Wales"): its sports teams are national sides,
    which news treats as the place."""
    return bool(lexicon.country_name(text)) or any(
        e.feature in ("country", "region") for e in gazetteer.lookup(text)
    )


def _companies(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A capitalised name that ends in a legal form ("Corvella SpA", "Halden Yards Corp")
    is an organization, whatever the model made of it or of its parts."""
    texts = token_texts(doc)
    found: list[Ent] = []
    for i, text in enumerate(texts):
        if i == 0 or not text[:1].isupper() or not lexicon.legal_suffix(text):
            continue
        start = i
        while start > 0 and _company_word(texts, start - 1):
            start -= 1
        while start < i and texts[start].lower() in _ARTICLES:
            start += 1
        if start == i or "\n" in doc[start:i].text:
            continue
        end = i + 1
        inside = [e for e in ents if e.start < end and start < e.end]
        if any(e.label == "ORG" and e.start <= start and e.end >= end for e in inside):
            continue  # already one organization
        if any(e.start < start or e.end > end for e in inside):
            continue  # part of a longer name the model found: leave it
        found.append(Ent(start, end, "ORG"))
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    return kept + found


def _company_word(texts: list[str], i: int) -> bool:
    """A capitalised word, or a link between two ("Farmers 's Trust Inc.",
    "Silver Reef of East Africa Ltd")."""
    text = texts[i]
    if text[:1].isupper() and text.isalpha():
        return True
    return text in NAME_LINKS and i > 0 and texts[i - 1][:1].isupper()
