"""Near-duplicates: MinHash fingerprints, LSH lookups, serialization."""

from __future__ import annotations

from flashpoint.corpus.dedup import (
    THRESHOLD,
    Deduper,
    fingerprint,
    from_bytes,
    shingles,
    to_bytes,
)

ORIGINAL = (
    "Rescue teams searched through the night for survivors after a landslide buried part of "
    "a mountain village on Sunday. The regional governor said eleven bodies had been "
    "recovered and that dozens of residents were still missing. Heavy rain had fallen for "
    "four days before the hillside gave way, and roads into the valley remain blocked."
)
MORE = (
    "Engineers said the old retaining wall above the school had cracked in the spring. "
    "Families who lost their homes spent the night in a sports hall, where volunteers "
    "handed out blankets and hot food. The national weather service expects more rain "
    "on Tuesday and has asked people living below steep slopes to leave their houses."
)
REWORDED = (
    "A landslide in a mountain village killed at least eleven people, officials said, as the "
    "search for dozens of missing residents continued. Days of torrential rain preceded the "
    "collapse, which cut off the only road into the valley."
)


def syndicated(text: str) -> str:
    """A wire copy: a dateline, a changed word, different punctuation and case."""
    return "VALLEY TOWN, Monday (Agency) -- " + text.replace("eleven", "11").upper()


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Troops, Tanks and GUNS!") == shingles("troops tanks and guns")
    assert shingles("two words") == {b"two words"} and shingles("") == set()


def test_edited_copy_is_found_and_rewrite_is_not() -> None:
    dedup = Deduper()
    dedup.add("orig", fingerprint(ORIGINAL))
    assert dedup.original_of(fingerprint(syndicated(ORIGINAL))) == "orig"
    assert dedup.original_of(fingerprint(REWORDED)) is None
    assert len(dedup) == 1


def test_best_original_wins_and_fingerprints_round_trip() -> None:
    other = ORIGINAL.replace("Sunday", "Saturday").replace("four days", "a week")
    dedup = Deduper()
    dedup.load([("a", to_bytes(fingerprint(other))), ("b", to_bytes(fingerprint(ORIGINAL)))])
    assert dedup.original_of(fingerprint(ORIGINAL)) == "b"
    fp = fingerprint(ORIGINAL)
    back = from_bytes(to_bytes(fp))
    assert back.jaccard(fp) == 1.0 and back.size == fp.size == len(shingles(ORIGINAL))


def test_threshold_is_respected() -> None:
    strict = Deduper(threshold=0.95, containment=0.99)
    strict.add("orig", fingerprint(ORIGINAL))
    assert strict.original_of(fingerprint(syndicated(ORIGINAL))) is None


def test_copy_trimmed_from_the_end_is_found() -> None:
    article = ORIGINAL + " " + MORE
    sentences = article.split(". ")
    trimmed = ". ".join(sentences[:-2]) + "."  # the end cut, as wire copy often is
    dedup = Deduper()
    dedup.add("orig", fingerprint(article))
    fp = fingerprint(trimmed)
    assert fp.jaccard(dedup._prints["orig"]) < THRESHOLD < fp.containment(dedup._prints["orig"])
    assert dedup.original_of(fp) == "orig"
    # Only one sentence of the article, quoted elsewhere, is not a copy of it.
    quoted = "Officials added: " + sentences[1] + ". Aid groups said more help was needed soon."
    assert dedup.original_of(fingerprint(quoted)) is None
