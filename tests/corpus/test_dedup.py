"""Near-duplicates: MinHash signatures, LSH lookups, serialization."""

from __future__ import annotations

from flashpoint.corpus.dedup import Deduper, from_bytes, shingles, signature, to_bytes

ORIGINAL = (
    "Rescue teams searched through the night for survivors after a landslide buried part of "
    "a mountain village on Sunday. The regional governor said eleven bodies had been "
    "recovered and that dozens of residents were still missing. Heavy rain had fallen for "
    "four days before the hillside gave way, and roads into the valley remain blocked."
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
    dedup.add("orig", signature(ORIGINAL))
    assert dedup.original_of(signature(syndicated(ORIGINAL))) == "orig"
    assert dedup.original_of(signature(REWORDED)) is None
    assert len(dedup) == 1


def test_best_original_wins_and_signatures_round_trip() -> None:
    other = ORIGINAL.replace("Sunday", "Saturday").replace("four days", "a week")
    dedup = Deduper()
    dedup.load([("a", to_bytes(signature(other))), ("b", to_bytes(signature(ORIGINAL)))])
    assert dedup.original_of(signature(ORIGINAL)) == "b"
    sig = signature(ORIGINAL)
    assert from_bytes(to_bytes(sig)).jaccard(sig) == 1.0


def test_threshold_is_respected() -> None:
    strict = Deduper(threshold=0.95)
    strict.add("orig", signature(ORIGINAL))
    assert strict.original_of(signature(syndicated(ORIGINAL))) is None
