"""Actors: the people, organizations, countries and groups a report is about.

Built on the corrected entity layer (``flashpoint.extractors.entities``), it

- merges every mention of one actor: a full name, a bare surname, an acronym or
  known short form ("ICC"), a capital used for its government ("Caracas says"),
  "the president" for the one president named, nationality adjectives for their
  country, and resolved pronouns;
- fills ``name`` (the fullest form), ``kind``, ``country`` (ISO alpha-3, from
  titles and nationality words: "US President Donald Trump" -> USA), ``sector``
  (PLOVER, via the lexicon) and ``roles`` (from titles before the name and from
  appositions: "the minister of defence, Vladimir Padrino Lopez");
- takes the sector of the body a title names ("NATO Secretary-General" -> IGO,
  "Al Jazeera's Teresa Bo" -> JRN); defence ministers are MIL, other ministers GOV;
- gives a bare surname shared by two people to the one named last before it;
- adds unnamed collective actors whose head noun has a sector ("the Trump
  administration", "Venezuelan government officials", "protesters"), and plural
  nationalities as civilian groups ("Venezuelans");
- resolves he/she/his/her to the most recent person of a compatible gender (known
  from common given names and honorifics, else either), preferring the
  subject of the current or previous sentence, it/its to a country or
  organization subject, and they/them/their to the one group named earlier in the
  same sentence, else to the previous sentence's group when it names no other group
  or institution (two leave it unresolved). Salience follows recency and
  grammatical role (subject first);
  a pronoun outside quotation marks never takes a name quoted from someone
  else's words ("'Smith betrayed us,' he said"), and quoted sentences do not use
  up its look-back window. A possessive on an event noun takes the agent of the
  same event told as a verb just before ("Smith requested troops. Jones
  rejected his requests": Smith), since the possessor of an event noun is its agent.

Countries acting in the news are recorded with sector GOV (a country acting is its
government). It does not resolve "I", "we" or "you" (the quotes extractor knows
speakers), nor link actors across documents. For other extractors it provides
the ``actor_index`` layer (:class:`~flashpoint.extractors.context.ActorIndex`:
token -> Actor.id, the mention spans, the records by id).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from flashpoint import gazetteer, lexicon
from flashpoint.extractors.context import ActorIndex, Context
from flashpoint.models import Actor, ActorKind, Mention
from flashpoint.registry import extractor

__all__ = ["extract_actors"]

How = Literal["name", "alias", "pronoun", "title", "demonym"]
_MALE = lexicon.pronouns("male")
_FEMALE = lexicon.pronouns("female")
_NEUTER = lexicon.pronouns("neuter")
_PLURAL = lexicon.pronouns("plural")
_SUBJECT = lexicon.subject_deps()
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f"}
# Singular collective nouns name an organization; other sector heads name a group.
_INSTITUTIONS = frozenset(
    {
        "administration", "government", "regime", "military", "army", "navy", "opposition",
        "police", "parliament", "congress", "senate", "cabinet", "ministry", "court",
        "junta", "cartel", "gang", "militia", "party", "air force", "coast guard",
    }
)  # fmt: skip
_WINDOW = 5  # sentences a pronoun may look back (long quotes sit between name and "she said")


@dataclass(slots=True)
class _Draft:
    kind: ActorKind
    name: str
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, How]] = field(default_factory=list)  # token span + how
    gender: str | None = None
    words: tuple[str, ...] = ()  # the name's words, for surname matching


@dataclass(slots=True)
class _Found:
    """What was found in one document, before it becomes records."""

    drafts: list[_Draft] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens already in some mention
    entities: tuple[SpacySpan, ...] = ()  # the corrected entity layer
    # Lookups over the entities, built once (scanning every entity for every name cost
    # the square of the entity count): PERSON tokens, the first entity ending at each
    # token, the entities starting at each; and the noun chunks (two passes read them).
    people: frozenset[int] = frozenset()
    by_end: dict[int, SpacySpan] = field(default_factory=dict)
    by_start: dict[int, list[SpacySpan]] = field(default_factory=dict)
    noun_chunks: list[SpacySpan] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, entities: tuple[SpacySpan, ...]) -> _Found:
        found = cls(entities=entities, noun_chunks=list(doc.noun_chunks))
        found.people = frozenset(
            k for s in entities if s.label_ == "PERSON" for k in range(s.start, s.end)
        )
        for span in entities:
            found.by_end.setdefault(span.end, span)
            found.by_start.setdefault(span.start, []).append(span)
        return found

    def add(self, draft: _Draft, start: int, end: int, how: How) -> None:
        draft.mentions.append((start, end, how))
        self.taken.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))


@extractor(
    "actors",
    produces="actors",
    requires=("entities", "quote_marks"),
    provides=("actor_index",),
)
def extract_actors(ctx: Context) -> list[Actor]:
    """Every actor in the document with its merged mentions (see the module docstring)."""
    doc = ctx.doc
    found = _Found.of(doc, ctx.entities)
    spans = [s for s in found.entities if s.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    spans = _without_headline_fragments(ctx.text, spans)
    _people(doc, spans, found)
    _organizations(doc, spans, found)
    _countries(doc, spans, found)
    _collectives(doc, found)
    _titles_as_mentions(doc, found)
    _pronouns(doc, found, _quoted_tokens(ctx))
    return _records(ctx, found)


# --- headlines ----------------------------------------------------------------

_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with",
     "from", "over", "after", "into", "is", "are", "vs"}
)  # fmt: skip


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of lines set in title case, as headlines are ("Army Defectors
    Attack Base"): three or more capitalized words, no small word capitalized alone,
    and no closing full stop."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        words = [w for w in line.split() if w[:1].isalpha()]
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        capped = [w for w in content if w[:1].isupper()]
        if (
            len(capped) >= 3
            and len(capped) >= 0.8 * len(content)
            and len(words) <= 16
            and not line.rstrip().endswith(".")
        ):
            out.append((start, end))
        start = end + 1
    return out


def _without_headline_fragments(text: str, spans: list[SpacySpan]) -> list[SpacySpan]:
    """A person or organization named only inside a title-case headline is most often a
    run of capitalized common words ("Attack Base"), not a name: kept only when the body
    names it too."""
    lines = _headline_lines(text)
    if not lines:
        return spans

    def in_headline(span: SpacySpan) -> bool:
        return any(a <= span.start_char and span.end_char <= b for a, b in lines)

    body = [s.text for s in spans if not in_headline(s)]
    return [
        s
        for s in spans
        if s.label_ not in ("PERSON", "ORG") or not in_headline(s) or any(s.text in b for b in body)
    ]


# --- people -------------------------------------------------------------------


def _people(doc: Doc, spans: list[SpacySpan], found: _Found) -> None:
    people = [s for s in spans if s.label_ == "PERSON"]
    # Longest names first, so that "Maduro" finds "Nicolas Maduro" wherever it appears.
    for span in sorted(people, key=lambda s: (-len(s), s.start)):
        words = tuple(t.text for t in span)
        draft = _person_for(found, words, span.start)
        if draft is None:
            draft = _Draft(kind="person", name=span.text, words=words)
            found.drafts.append(draft)
        found.add(draft, span.start, span.end, _how(len(words), draft))
        _describe_person(doc, span, draft, found)
    for draft in found.drafts:
        draft.gender = draft.gender or lexicon.given_name(draft.words[0])


def _how(words: int, draft: _Draft) -> How:
    """A mention as long as the actor's name is its name; a shorter one is an alias."""
    return "name" if words >= len(draft.words) else "alias"


def _person_for(found: _Found, words: tuple[str, ...], at: int = -1) -> _Draft | None:
    """The person already found whose name contains ``words`` (surname preferred); where
    several share it ("Raul Castro", "Fidel Castro"), the one named last before ``at``."""
    people = [d for d in found.drafts if d.kind == "person"]
    for draft in people:
        if draft.words == words:
            return draft
    if len(words) == 1:
        candidates = [d for d in people if d.words[-1] == words[0]]
        candidates = candidates or [d for d in people if words[0] in d.words]
    else:
        candidates = [d for d in people if _contains(d.words, words)]
    if len(candidates) <= 1 or at < 0:
        return candidates[0] if len(candidates) == 1 else None
    before = [
        (max(s for s, _, _ in d.mentions if s < at), d)
        for d in candidates
        if any(s < at for s, _, _ in d.mentions)
    ]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _describe_person(doc: Doc, span: SpacySpan, draft: _Draft, found: _Found) -> None:
    """Titles, nationality and honorifics around one mention of a person."""
    start = span.start
    if start >= 2 and doc[start - 1].text in ("'s", "’s") and draft.sector is None:
        # "Al Jazeera's Teresa Bo": a person presented by a news outlet reports for it.
        owner = lexicon.organization(_ent_before(found, start - 1))
        if owner and owner.sector == "MED":
            draft.sector = "JRN"
    if start and doc[start - 1].lower_.rstrip(".") in _HONORIFICS:
        draft.gender = _HONORIFICS[doc[start - 1].lower_.rstrip(".")]
    words = _title_words(doc, start, found)
    if words:
        countries = [t for t in words if _country_of_token(t)]
        title = doc[countries[-1].i + 1 if countries else words[0].i : start].text
        _take_title(draft, title)
        for token in countries:
            draft.country = draft.country or _country_of_token(token)
        # "NATO Secretary-General", "Hamas commander": the body they serve sets the sector.
        org = None
        for k in range(words[0].i, start):
            for span in found.by_start.get(k, ()):
                if span.label_ == "ORG" and span.end <= start:
                    org = lexicon.organization(span.text) or org
        if org is not None:
            draft.sector = org.sector or draft.sector
            draft.country = draft.country or org.country
        found.taken.update(t.i for t in words if _country_of_token(t) is None)
    for phrase in _appositions(doc, span):
        # "X, Venezuela's defence minister": the country is context, the rest the title.
        countries = [t for t in phrase if _country_of_token(t)]
        _take_title(draft, " ".join(t.text for t in phrase if t not in countries))
        for token in countries:
            draft.country = draft.country or _country_of_token(token)


def _ent_before(found: _Found, end: int) -> str:
    """The text of the entity that ends right before token ``end``."""
    ent = found.by_end.get(end)
    return ent.text if ent is not None else ""


def _take_title(draft: _Draft, phrase: str) -> None:
    words = phrase.split()
    if not words:
        return
    for k in range(len(words), 0, -1):
        candidate = " ".join(words[-k:])
        role = lexicon.role(candidate)
        if role:
            if role not in draft.roles:
                draft.roles.append(role)
            draft.sector = draft.sector or lexicon.sector(candidate) or lexicon.sector(role)
            return
    sector = lexicon.sector(phrase)
    if sector and draft.sector is None:
        draft.sector = sector


def _title_words(doc: Doc, start: int, found: _Found) -> list[Token]:
    """The words right before a name that may hold a title or nationality
    ("Venezuelan President", "Sudanese army chief"); empty when they hold neither."""
    words: list[Token] = []
    i = start - 1
    sent_start = doc[start].sent.start
    people = found.people
    while i >= sent_start and len(words) < 6:
        token = doc[i]
        if token.text in ("'s", "’s"):
            if i - 1 >= sent_start and doc[i - 1].ent_type_ == "GPE":
                i -= 1  # "Venezuela's President X": the country is part of the title
                continue
            break  # "Al Jazeera's Teresa Bo": an owner, not a title
        inner_hyphen = token.text == "-" and not token.whitespace_
        if token.is_punct and not inner_hyphen:
            break  # "Secretary-General" goes on; a comma or a quote ends the title
        if token.is_space or token.pos_ in ("DET", "VERB", "AUX", "PRON"):
            break
        if token.pos_ == "ADP" and token.lower_ not in ("of", "for"):
            break
        if i in people:
            break  # "Trump ally X": another person's name ends the title
        words.insert(0, token)
        i -= 1
    phrase = " ".join(t.text for t in words)
    if not words:
        return []
    if any(_country_of_token(t) for t in words) or lexicon.sector(phrase):
        return words
    if any(lexicon.role(" ".join(t.text for t in words[j:])) for j in range(len(words))):
        return words
    return []


def _appositions(doc: Doc, span: SpacySpan) -> Iterable[list[Token]]:
    """Title phrases in apposition: "the minister of defence, X" and "X, the minister"."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        left = head.left_edge.i
        yield [t for t in doc[left : span.start] if not t.is_punct and t.pos_ != "DET"]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            # "X, the RSF commander known as Y": the title ends at the apposition's head.
            words = [
                t
                for t in doc[child.left_edge.i : child.i + 1]
                if not t.is_punct and t.pos_ != "DET"
            ]
            if len(words) <= 6:
                yield words


def _country_of_token(token: Token) -> str | None:
    if token.ent_type_ in ("GPE", "NORP") or token.is_title or token.is_upper:
        return lexicon.country(token.text)
    return None


# --- organizations and countries ----------------------------------------------


def _acronym(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _organizations(doc: Doc, spans: list[SpacySpan], found: _Found) -> None:
    by_key: dict[str, _Draft] = {}
    orgs = [s for s in spans if s.label_ == "ORG" and found.free(s.start, s.end)]
    for span in sorted(orgs, key=lambda s: (-len(s), s.start)):
        if _split_compound(doc, span, found):
            continue
        known = lexicon.organization(span.text)
        key = known.name if known else lexicon.normalize(span.text)
        draft = by_key.get(key)
        if draft is None and span.text.isupper() and len(span) == 1:
            draft = next((d for d in by_key.values() if _acronym(d.words) == span.text), None)
        if draft is None:
            draft = _Draft(kind="organization", name=span.text, words=tuple(t.text for t in span))
            if known:
                draft.country, draft.sector = known.country, known.sector
            draft.sector = draft.sector or lexicon.sector(span.text)
            draft.country = draft.country or _country_in(doc, span)
            found.drafts.append(draft)
            by_key[key] = draft
            if len(span) > 1:
                by_key.setdefault(_acronym(t.text for t in span), draft)
        found.add(draft, span.start, span.end, _how(len(span), draft))


def _split_compound(doc: Doc, span: SpacySpan, found: _Found) -> bool:
    """ "Trump-Maduro" (one ORG to the model) is two people already named."""
    parts = [t for t in span if t.text not in ("-", "–", "/")]
    if len(parts) < 2 or len(parts) == len(span):
        return False
    people = [_person_for(found, (t.text,)) for t in parts]
    if not all(people):
        return False
    for token, draft in zip(parts, people, strict=True):
        if draft is not None:
            found.add(draft, token.i, token.i + 1, "alias")
    return True


def _country_in(doc: Doc, span: SpacySpan) -> str | None:
    """A country named inside an organization's name or just before it."""
    for token in span:
        iso = lexicon.country(token.text) if token.is_title or token.is_upper else None
        if iso:
            return iso
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s"):
        return lexicon.country(doc[span.start - 2].text)
    if span.start >= 1:
        return _country_of_token(doc[span.start - 1])
    return None


def _country_draft(found: _Found, iso3: str) -> _Draft:
    for draft in found.drafts:
        if draft.kind == "country" and draft.country == iso3:
            return draft
    info = lexicon.country_info(iso3)
    draft = _Draft(kind="country", name=info.name if info else iso3, country=iso3, sector="GOV")
    found.drafts.append(draft)
    return draft


def _countries(doc: Doc, spans: list[SpacySpan], found: _Found) -> None:
    """Countries by name, capitals used for their government, nationality words."""
    for span in spans:
        if not found.free(span.start, span.end):
            continue
        if span.label_ == "GPE":
            iso = lexicon.country_name(span.text)
            how: How = "name"
            if iso is None and _acts(span) and not span.text.isupper():  # not a dateline
                iso = _capital_of(span.text)
                how = "alias"
            if iso:
                draft = _country_draft(found, iso)
                found.add(draft, span.start, span.end, how)
        elif span.label_ == "NORP" and lexicon.demonym(span.text):
            iso = lexicon.demonym(span.text)
            if iso and span.root.tag_ in ("NNS", "NNPS") and span.root.dep_ != "compound":
                # "Venezuelans took to the streets": the people, not their state
                _people_of(found, span, iso)
            elif iso:
                found.add(_country_draft(found, iso), span.start, span.end, "demonym")


def _people_of(found: _Found, span: SpacySpan, iso3: str) -> None:
    for draft in found.drafts:
        if draft.kind == "group" and draft.country == iso3 and draft.words == ("*people*",):
            found.add(draft, span.start, span.end, "demonym")
            return
    draft = _Draft(kind="group", name=span.text, country=iso3, sector="CVL", words=("*people*",))
    found.drafts.append(draft)
    found.add(draft, span.start, span.end, "demonym")


def _acts(span: SpacySpan) -> bool:
    """The name is the grammatical subject (or agent) of a verb: "Caracas says"."""
    root = span.root
    if root.dep_ in _SUBJECT:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _capital_of(text: str) -> str | None:
    for entry in gazetteer.lookup(text):
        if entry.feature == "city" and entry.capital and entry.main_name:
            return entry.country
    return None


# --- unnamed collective actors ----------------------------------------------------


_QUANTIFIERS = frozenset(
    {"at", "least", "more", "than", "less", "fewer", "about", "around", "nearly", "over",
     "some", "many", "several", "other", "few", "all", "most", "up", "to", "dozens", "hundreds",
     "thousands", "of", "both", "such"}
)  # fmt: skip


def _collectives(doc: Doc, found: _Found) -> None:
    """Noun phrases headed by a sector word: "the Trump administration", "protesters"."""
    by_name: dict[str, _Draft] = {}
    named = {
        i
        for span in found.entities
        if span.label_ in ("PERSON", "ORG", "GPE")
        for i in range(span.start, span.end)
    }
    for chunk in found.noun_chunks:
        head = chunk.root
        if head.pos_ not in ("NOUN", "PROPN") or head.i in named:
            continue
        if not found.free(head.i, head.i + 1) or head.dep_ in ("attr", "appos"):
            continue
        if head.dep_ == "pobj" and head.head.lower_ == "as":
            continue  # "describes it as a cartel": a description, not another actor
        start = _collective_start(doc, chunk)
        if start is None or any(
            t.is_punct and t.text not in ("'s", "’s") for t in doc[start : head.i]
        ):
            continue
        phrase = " ".join(t.text for t in doc[start : head.i + 1])
        sector = lexicon.sector(phrase)
        if sector is None or lexicon.role(head.text):
            continue
        name = doc[start : head.i + 1].text
        singular = head.tag_ in ("NN", "NNP")
        institution = head.lower_ in _INSTITUTIONS or _last_words(phrase, 2) in _INSTITUTIONS
        kind: ActorKind = "organization" if singular and institution else "group"
        if singular and kind == "group" and head.lower_ not in ("crowd", "opposition", "public"):
            continue  # one soldier or one resident is not a collective actor
        key = lexicon.normalize(name)
        # Institutions with the same name are one actor; bare groups ("people") often are not.
        draft = by_name.get(key) if kind == "organization" or start < head.i else None
        if draft is None:
            draft = _Draft(kind=kind, name=name, sector=sector, words=(head.text,))
            draft.country = _collective_country(doc, doc[start : head.i + 1], found)
            found.drafts.append(draft)
            by_name[key] = draft
        draft.mentions.append((start, head.i + 1, "name"))
        found.taken.add(head.i)


def _last_words(phrase: str, n: int) -> str:
    return " ".join(phrase.lower().split()[-n:])


def _collective_start(doc: Doc, chunk: SpacySpan) -> int | None:
    """Where the actor's words begin: after articles, numbers and quantifiers, and after
    a possessive unless the owner is a name ("Maduro's government" keeps "Maduro's")."""
    start = chunk.start
    for token in chunk:
        if token.text in ("'s", "’s") and token.i > chunk.start:
            owner = doc[token.i - 1]
            start = token.i - 1 if owner.ent_type_ in ("PERSON", "GPE", "ORG") else token.i + 1
    while start < chunk.root.i:
        token = doc[start]
        if (
            token.pos_ in ("DET", "PRON", "NUM", "ADV")
            or token.like_num
            or token.lower_ in _QUANTIFIERS
            or token.is_punct
        ):
            start += 1
        else:
            break
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].i >= chunk.start:
        start -= 1
    return start


def _collective_country(doc: Doc, chunk: SpacySpan, found: _Found) -> str | None:
    for token in chunk:
        iso = _country_of_token(token)
        if iso:
            return iso
    for prep in chunk.root.children:  # "the people of Venezuela"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                iso = _country_of_token(obj) if obj.dep_ == "pobj" else None
                if iso:
                    return iso
    # "the Trump administration", "Maduro's government": the leader's country.
    for token in chunk:
        for draft in found.drafts:
            if draft.kind == "person" and any(s <= token.i < e for s, e, _ in draft.mentions):
                return draft.country
    return None


def _titles_as_mentions(doc: Doc, found: _Found) -> None:
    """ "the president" refers to the one person in the document holding that role."""
    holders: dict[str, list[_Draft]] = {}
    for draft in found.drafts:
        for role in draft.roles:
            holders.setdefault(role, []).append(draft)
    if not holders:
        return
    for chunk in found.noun_chunks:
        words = [t for t in chunk if not t.is_punct]
        if len(words) < 2 or words[0].lower_ != "the" or not found.free(chunk.start, chunk.end):
            continue
        title = lexicon.role(" ".join(t.text for t in words[1:]))
        if title and len(holders.get(title, [])) == 1 and chunk.end < len(doc):
            if doc[chunk.end].ent_type_ == "PERSON" or doc[chunk.end].text == ",":
                continue  # a title introducing a name, not standing for one
            found.add(holders[title][0], words[1].i, chunk.end, "title")


# --- pronouns ---------------------------------------------------------------------


def _quoted_tokens(ctx: Context) -> frozenset[int]:
    """Indices of the tokens inside quotation marks."""
    marked = ctx.quote_marks
    if not marked or not len(ctx.doc):
        return frozenset()
    starts = ctx.doc.to_array([IDX]).tolist()
    quoted: set[int] = set()
    for m in marked:
        quoted.update(range(bisect_left(starts, m.start), bisect_left(starts, m.end)))
    return frozenset(quoted)


def _pronouns(doc: Doc, found: _Found, quoted: frozenset[int] = frozenset()) -> None:
    owner: dict[int, _Draft] = {}
    for draft in found.drafts:
        for start, end, _ in draft.mentions:
            for i in range(start, end):
                owner[i] = draft
    for token in doc:
        if token.i in owner:
            continue
        lower = token.lower_
        if token.pos_ != "PRON" and lower not in ("his", "her", "its", "their"):
            continue
        target: _Draft | None = None
        if lower in _MALE or lower in _FEMALE:
            gender = "m" if lower in _MALE else "f"
            target = _event_agent(doc, token, owner, _person_filter(gender), quoted)
            if target is None:
                target = _antecedent(doc, token, owner, _person_filter(gender), quoted=quoted)
        elif lower in _NEUTER and (token.dep_ in _SUBJECT or token.dep_ == "poss"):
            # "it" is often no one ("it is clear"): only a country or organization that
            # is itself a subject nearby, never a mere earlier mention.
            target = _antecedent(
                doc,
                token,
                owner,
                lambda d: d.kind in ("country", "organization"),
                2,
                False,
                quoted,
            )
        elif lower in _PLURAL:
            target = _plural_antecedent(doc, token, owner, quoted)
        if target is not None:
            found.add(target, token.i, token.i + 1, "pronoun")
            owner[token.i] = target


def _plural_antecedent(
    doc: Doc, pronoun: Token, owner: dict[int, _Draft], quoted: frozenset[int]
) -> _Draft | None:
    """they/them/their: the one group named earlier in the same sentence ("residents
    said they had fled"), else, when the sentence names none, the previous sentence's
    group when it names one group and no other group or institution. With two there
    ("the army and the rebels clashed. They killed ...", "police dispersed the
    activists after they marched") the pronoun is left unresolved: a wrong doer is
    worse than none."""
    if pronoun.i in quoted:
        quoted = frozenset()  # inside a quote, the quote's own names are fair game
    sent = pronoun.sent
    before: list[int] = list(range(sent.start, pronoun.i))
    if pronoun.dep_ not in _SUBJECT and pronoun.dep_ != "poss":
        # an object pronoun is never the subject of its own clause ("police chased them")
        own = _clause(pronoun)
        before = [i for i in before if not (_is_subject(doc[i]) and _clause(doc[i]) == own)]
    here = _parties(doc, owner, before, quoted)
    if here:
        return here[0] if len(here) == 1 and here[0].kind == "group" else None
    sentences = _sentences_back(doc, pronoun, 2, quoted)
    if len(sentences) < 2:
        return None
    earlier = sentences[-1]
    named = _parties(doc, owner, range(earlier.start, earlier.end), quoted)
    # an institution ("the police") competes with a group but is not taken alone: "the
    # police failed to stop the pilgrims. They kept arriving" is the pilgrims
    return named[0] if len(named) == 1 and named[0].kind == "group" else None


def _parties(
    doc: Doc, owner: dict[int, _Draft], tokens: Iterable[int], quoted: frozenset[int]
) -> list[_Draft]:
    """The distinct groups mentioned over ``tokens`` outside quotes, and the institutions
    that are subjects there ("the police failed"; not "outside the ministry")."""
    named: list[_Draft] = []
    for i in tokens:
        draft = owner.get(i)
        if draft is None or i in quoted or draft.kind not in ("group", "organization"):
            continue
        if draft.kind == "organization" and not _is_subject(doc[i]):
            continue
        if all(d is not draft for d in named):
            named.append(draft)
    return named


def _person_filter(gender: str) -> Callable[[_Draft], bool]:
    def accept(draft: _Draft) -> bool:
        return draft.kind == "person" and draft.gender in (None, gender)

    return accept


def _antecedent(
    doc: Doc,
    pronoun: Token,
    owner: dict[int, _Draft],
    check: Callable[[_Draft], bool],
    window: int = _WINDOW,
    any_mention: bool = True,
    quoted: frozenset[int] = frozenset(),
) -> _Draft | None:
    """The most recent compatible actor, preferring a subject nearby.

    Outside quotation marks, names inside them are someone else's words: they are
    skipped, and a wholly quoted sentence does not count against ``window``.
    """
    if pronoun.i in quoted:
        quoted = frozenset()  # inside a quote, the quote's own names are fair game
    sentences = _sentences_back(doc, pronoun, window, quoted)
    sent, first_sent = sentences[0], sentences[-1]
    # 1) a compatible subject earlier in the same sentence, the closest first; an object
    # pronoun is never the subject of its own clause ("police fired at them").
    for i in range(pronoun.i - 1, sent.start - 1, -1):
        if i in quoted:
            continue
        draft = owner.get(i)
        if draft is not None and check(draft) and _is_subject(doc[i]):
            is_object = pronoun.dep_ not in _SUBJECT and pronoun.dep_ != "poss"
            if is_object and _clause(doc[i]) == _clause(pronoun):
                continue
            return draft
    # 2) the subject of an earlier sentence, most recent first
    for earlier in sentences[1:]:
        for token in earlier:
            draft = owner.get(token.i)
            if draft is not None and token.i not in quoted and check(draft) and _is_subject(token):
                return draft
    if not any_mention:
        return None
    # 3) any compatible mention, most recent first
    for i in range(pronoun.i - 1, first_sent.start - 1, -1):
        draft = owner.get(i)
        if draft is not None and i not in quoted and check(draft):
            return draft
    return None


def _sentences_back(
    doc: Doc, pronoun: Token, window: int, quoted: frozenset[int]
) -> list[SpacySpan]:
    """The pronoun's sentence and up to ``window - 1`` earlier ones, newest first."""
    sent = pronoun.sent
    sentences = [sent]
    counted = 1
    while counted < window and sent.start > 0 and len(sentences) < 4 * window:
        sent = doc[sent.start - 1].sent
        sentences.append(sent)
        if not all(i in quoted for i in range(sent.start, sent.end)):
            counted += 1
    return sentences


def _event_agent(
    doc: Doc,
    pronoun: Token,
    owner: dict[int, _Draft],
    check: Callable[[_Draft], bool],
    quoted: frozenset[int],
) -> _Draft | None:
    """For "his requests" after "X requested ...": X, the agent of the same event.

    The possessor of an event noun is its agent; when the event was just told as a
    verb (same lemma, this or the previous sentence), its subject is that agent.
    """
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.pos_ != "NOUN" or pronoun.i in quoted:
        return None
    lemma = noun.lemma_.lower()
    sent = pronoun.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(pronoun.i - 1, lo - 1, -1):
        verb = doc[i]
        if verb.pos_ != "VERB" or verb.lemma_.lower() != lemma or i in quoted:
            continue
        for child in verb.children:
            if child.dep_ == "nsubj":
                draft = owner.get(child.i)
                return draft if draft is not None and check(draft) else None
    return None


def _clause(token: Token) -> int:
    """The index of the verb heading the clause a token sits in."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.i


def _is_subject(token: Token) -> bool:
    """The token is (in the name of) a subject, or of an apposition to one ("The US
    ambassador, Robert Ford, posted ...")."""
    head = token
    while head.dep_ in ("compound", "flat", "amod", "poss", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ in _SUBJECT


# --- records --------------------------------------------------------------------


def _records(ctx: Context, found: _Found) -> list[Actor]:
    doc = ctx.doc
    token_actor: dict[int, str] = {}
    widths: dict[int, int] = {}
    char_spans: list[tuple[int, int, str]] = []
    actors: list[Actor] = []
    full_text = ctx.text
    # Character offsets read as arrays: a Span object per mention is slow.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    drafts = [d for d in found.drafts if d.mentions]
    drafts.sort(key=lambda d: min(s for s, _, _ in d.mentions))
    for draft in drafts:
        actor_id = ctx.new_id("a")
        mentions = []
        for start, end, how in sorted(set(draft.mentions)):
            first, last = starts[start], starts[end - 1] + lengths[end - 1]
            text = full_text[first:last]
            mentions.append(Mention(start=first, end=last, text=text, how=how))
            char_spans.append((first, last, actor_id))
            for i in range(start, end):
                # Where mentions nest ("the Trump administration"), the innermost wins.
                if i not in widths or end - start < widths[i]:
                    token_actor[i], widths[i] = actor_id, end - start
        named = [m.text for m in mentions if m.how == "name"]
        name = max(named, key=len) if named and draft.kind != "country" else draft.name
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                kind=draft.kind,
                country=draft.country,
                sector=draft.sector,
                roles=draft.roles,
                mentions=mentions,
            )
        )
    ctx.provide(
        "actor_index",
        ActorIndex(by_token=token_actor, spans=sorted(char_spans), by_id={a.id: a for a in actors}),
    )
    return actors
