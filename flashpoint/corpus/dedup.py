"""Near-duplicate texts: MinHash signatures over word shingles, looked up with LSH.

Syndicated wire copy and lightly edited re-posts (a new headline, a changed
byline, a sentence trimmed) share most of their word 3-grams; MinHash
estimates that Jaccard overlap from a fixed-size signature and LSH finds the
candidates without comparing every pair. A small reusable module: it knows
nothing about the store except that signatures serialize to bytes.

It does not catch rewrites of the same story in different words (those are
independent reports, merged later at the incident level), nor a short excerpt
of a long article (Jaccard is low when the sizes differ a lot).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
# Estimated Jaccard overlap of word 3-grams above which two texts are one report.
THRESHOLD = 0.7

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams; case and punctuation edits do not change them."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> LeanMinHash:
    """The MinHash signature of ``text``."""
    sig = MinHash(num_perm=num_perm)
    sig.update_batch(list(shingles(text)))
    return LeanMinHash(sig)


def to_bytes(sig: LeanMinHash) -> bytes:
    """A portable serialization that keeps the seed and the permutation scheme."""
    buffer = bytearray(sig.bytesize(byteorder="<"))
    sig.serialize(buffer, byteorder="<")
    return bytes(buffer)


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data, byteorder="<")


class Deduper:
    """Remembers originals and names the one a new text nearly duplicates, if any."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def load(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Re-register stored originals (e.g. from ``Store.signatures()``)."""
        for key, data in items:
            self.add(key, from_bytes(data))

    def add(self, key: str, sig: LeanMinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, sig)
            self._sigs[key] = sig

    def original_of(self, sig: LeanMinHash) -> str | None:
        """The best-matching known original above the threshold, or None."""
        best: tuple[float, str] | None = None
        for key in self._lsh.query(sig):
            # LSH gives candidates; the signature comparison confirms them.
            score = sig.jaccard(self._sigs[key])
            if score >= self.threshold and (best is None or (score, key) > best):
                best = (score, key)
        return best[1] if best else None
