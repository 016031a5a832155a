"""Near-duplicate texts: MinHash signatures over word shingles, looked up with LSH.

Syndicated wire copy and lightly edited re-posts (a new headline, a changed
byline, a sentence trimmed) share most of their word 3-grams; MinHash
estimates that Jaccard overlap from a fixed-size signature and LSH finds the
candidates without comparing every pair. A small reusable module: it knows
nothing about the store except that signatures serialize to bytes.

A copy trimmed from the end (as wire copy often is) is caught by containment:
the estimated share of the shorter text's shingles found in the longer one.
It does not catch rewrites of the same story in different words (those are
independent reports, merged later at the incident level), nor short quotes of
one article inside another (both containment and overlap stay low).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
# Estimated Jaccard overlap of word 3-grams above which two texts are one report.
THRESHOLD = 0.7
# A shorter text whose shingles lie this much inside a longer one is a trimmed copy
# (wire stories are often cut from the end); checked for LSH candidates above FLOOR.
CONTAINMENT = 0.85
FLOOR = 0.5

_WORD = re.compile(r"\w+")
_SIZE = struct.Struct("<I")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams; case and punctuation edits do not change them."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's MinHash signature and its number of distinct shingles."""

    sig: LeanMinHash
    size: int

    def jaccard(self, other: Fingerprint) -> float:
        return float(self.sig.jaccard(other.sig))

    def containment(self, other: Fingerprint) -> float:
        """Estimated share of the smaller text's shingles found in the larger one."""
        j = self.jaccard(other)
        shared = j * (self.size + other.size) / (1 + j)
        return shared / max(min(self.size, other.size), 1)


def fingerprint(text: str, num_perm: int = NUM_PERM) -> Fingerprint:
    """The MinHash fingerprint of ``text``."""
    grams = shingles(text)
    sig = MinHash(num_perm=num_perm)
    sig.update_batch(list(grams))
    return Fingerprint(LeanMinHash(sig), len(grams))


def to_bytes(fp: Fingerprint) -> bytes:
    """A portable serialization: the size, then the signature with its seed and scheme."""
    buffer = bytearray(fp.sig.bytesize(byteorder="<"))
    fp.sig.serialize(buffer, byteorder="<")
    return _SIZE.pack(fp.size) + bytes(buffer)


def from_bytes(data: bytes) -> Fingerprint:
    (size,) = _SIZE.unpack_from(data)
    return Fingerprint(LeanMinHash.deserialize(data[_SIZE.size :], byteorder="<"), size)


class Deduper:
    """Remembers originals and names the one a new text nearly duplicates, if any."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        containment: float = CONTAINMENT,
        floor: float = FLOOR,
        num_perm: int = NUM_PERM,
    ) -> None:
        self.threshold = threshold
        self.containment = containment
        self._lsh = MinHashLSH(threshold=min(floor, threshold), num_perm=num_perm)
        self._prints: dict[str, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._prints)

    def load(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Re-register stored originals (e.g. from ``Store.signatures()``)."""
        for key, data in items:
            self.add(key, from_bytes(data))

    def add(self, key: str, fp: Fingerprint) -> None:
        if key not in self._prints:
            self._lsh.insert(key, fp.sig)
            self._prints[key] = fp

    def original_of(self, fp: Fingerprint) -> str | None:
        """The best-matching known original (a near-copy or a trimmed copy), or None."""
        best: tuple[float, str] | None = None
        for key in self._lsh.query(fp.sig):
            # LSH gives candidates; the fingerprint comparison confirms them.
            known = self._prints[key]
            score = fp.jaccard(known)
            if score < self.threshold and fp.containment(known) < self.containment:
                continue
            if best is None or (score, key) > best:
                best = (score, key)
        return best[1] if best else None
