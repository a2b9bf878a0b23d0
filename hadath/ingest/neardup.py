"""Near-duplicate articles: the same wire story on several sites, with small edits.

Exact copies share an `Article.id` (see `hadath.ingest.dedup`); near copies do
not. `NearDuplicateIndex` finds them with MinHash and LSH banding over word
5-shingles of the normalised text (`hadath.lang.ar.normalize.normalize`, the one
matching form), without a dependency:

* `signature(text)` — one-permutation MinHash (Li, Owen & Zhang 2012): every
  shingle is hashed once (BLAKE2b, stable across processes); the hash picks one of
  `NUM_HASHES` bins and each bin keeps its smallest value. Empty bins (short
  texts) borrow from the next filled bin to the right (densification by rotation,
  Shrivastava & Li 2014), so two signatures agree in a position with probability
  the Jaccard similarity of the two shingle sets.
* `similarity(a, b)` — the share of positions where two signatures agree.
* `NearDuplicateIndex` — LSH with `BANDS` bands of `NUM_HASHES // BANDS` rows:
  an article is compared only with earlier articles that share a band.

`NearDuplicateIndex.add(article)` returns the id of the earlier article it
copies (similarity >= threshold, the most similar; ties: the earliest), or None
and remembers it as an original. Copies are not indexed, so every copy points at
an original (clusters are stars). At most `capacity` originals are kept (the
oldest are forgotten first), so memory stays flat on an archive of any size.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable

from hadath.lang.ar.normalize import normalize
from hadath.records import Article

SHINGLE_WORDS = 5
NUM_HASHES = 64
BANDS = 16
THRESHOLD = 0.7  # estimated Jaccard similarity of word 5-shingles
CAPACITY = 100_000  # originals remembered (about 2 kB each)

_VALUE_BITS = 56  # a 64-bit hash: low 56 bits are the value, the bits above pick the bin
_VALUE_MASK = (1 << _VALUE_BITS) - 1
_ROTATION = 1 << _VALUE_BITS  # added per bin borrowed across: borrowed values never equal own ones


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word `size`-grams of the normalised text (the whole text when it is shorter)."""
    words = normalize(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def _densify(bins: list[int | None]) -> array:
    """Fill empty bins from the next filled one to the right (circular), marked by distance."""
    k = len(bins)
    out = array("Q", [0] * k)
    for i in range(k):
        for step in range(k):
            value = bins[(i + step) % k]
            if value is not None:
                out[i] = value + step * _ROTATION
                break
    return out


def signature(text: str, num_hashes: int = NUM_HASHES) -> array:
    """One-permutation MinHash of the text's shingles (all zeros for an empty text)."""
    bins: list[int | None] = [None] * num_hashes
    for shingle in shingles(text):
        h = _hash(shingle)
        b, value = (h >> _VALUE_BITS) % num_hashes, h & _VALUE_MASK
        if bins[b] is None or value < bins[b]:
            bins[b] = value
    if all(v is None for v in bins):
        return array("Q", [0] * num_hashes)
    return _densify(bins)


def similarity(a: array, b: array) -> float:
    """Estimated Jaccard similarity: the share of positions where two signatures agree."""
    return sum(x == y for x, y in zip(a, b)) / len(a)


class NearDuplicateIndex:
    """Originals seen so far, found again by LSH on their MinHash signatures.

    Example:
        index = NearDuplicateIndex()
        for article in articles:
            if (original := index.add(article)) is not None:
                print(article.id, "copies", original)
    """

    def __init__(self, threshold: float = THRESHOLD, bands: int = BANDS, num_hashes: int = NUM_HASHES,
                 capacity: int = CAPACITY):
        if num_hashes % bands:
            raise ValueError(f"num_hashes ({num_hashes}) must be a multiple of bands ({bands})")
        self.threshold, self.bands, self.num_hashes, self.capacity = threshold, bands, num_hashes, capacity
        self._rows = num_hashes // bands
        self._signatures: OrderedDict[str, tuple[int, array]] = OrderedDict()  # id -> (arrival, signature)
        self._arrivals = 0
        self._buckets: list[dict[tuple[int, ...], list[str]]] = [{} for _ in range(bands)]
        self.last_similarity = 0.0  # similarity of the last copy found by `add`

    def __len__(self) -> int:
        return len(self._signatures)

    def _keys(self, sig: array) -> list[tuple[int, ...]]:
        r = self._rows
        return [tuple(sig[i * r : (i + 1) * r]) for i in range(self.bands)]

    def _candidates(self, keys: list[tuple[int, ...]]) -> list[str]:
        found: dict[str, None] = {}
        for bucket, key in zip(self._buckets, keys):
            found.update(dict.fromkeys(bucket.get(key, ())))
        return list(found)

    def match(self, text: str) -> tuple[str | None, float]:
        """The most similar remembered original (earliest on ties) and its similarity, or (None, 0.0)."""
        sig = signature(text, self.num_hashes)
        return self._best(sig, self._keys(sig))

    def _best(self, sig: array, keys: list[tuple[int, ...]]) -> tuple[str | None, float]:
        best, best_sim = None, 0.0
        for candidate in sorted(self._candidates(keys), key=lambda i: self._signatures[i][0]):
            sim = similarity(sig, self._signatures[candidate][1])
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = candidate, sim
        return best, best_sim

    def add(self, article: Article) -> str | None:
        """The id of an earlier near-duplicate of `article`, else None (and remember it as an original)."""
        if article.id in self._signatures:
            return None  # the same text again: an exact duplicate, not a near one
        sig = signature(article.text, self.num_hashes)
        keys = self._keys(sig)
        best, self.last_similarity = self._best(sig, keys)
        if best is None:
            self._remember(article.id, sig, keys)
        return best

    def _remember(self, article_id: str, sig: array, keys: list[tuple[int, ...]]) -> None:
        self._signatures[article_id] = (self._arrivals, sig)
        self._arrivals += 1
        for bucket, key in zip(self._buckets, keys):
            bucket.setdefault(key, []).append(article_id)
        if len(self._signatures) > self.capacity:
            oldest, (_, old_sig) = self._signatures.popitem(last=False)
            self._forget(oldest, old_sig)

    def _forget(self, article_id: str, sig: array) -> None:
        for bucket, key in zip(self._buckets, self._keys(sig)):
            ids = bucket[key]
            ids.remove(article_id)
            if not ids:
                del bucket[key]


def near_duplicate_links(articles: Iterable[Article], index: NearDuplicateIndex | None = None,
                         ) -> list[tuple[str, str, float]]:
    """(article_id, duplicate_of, similarity) of every near copy among `articles`, in order."""
    index = index if index is not None else NearDuplicateIndex()
    links = []
    for article in articles:
        if (original := index.add(article)) is not None:
            links.append((article.id, original, index.last_similarity))
    return links
