"""The ``claimex`` spaCy component: fills ``doc._.claims`` with plain claim dicts and
``doc._.attributions`` with plain attribution dicts (who says what, numbers or not).

Plain dicts (the schema's JSON shape) survive ``nlp.pipe(n_process=2)`` and
``DocBin(store_user_data=True)``. The document id and publication date travel in
``doc.user_data`` (set by :class:`claimex.api.Extractor`); without them the id is the text's
hash and the date comes from a ``date YYYY-MM-DD`` header, when the text has one.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Attributor
from .claims import claims_for_doc
from .fields import category_lexicon
from .quantities import warm_units

META_KEY = "claimex_meta"

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)  # plain dicts of claimex.records.Attribution


class ClaimexComponent:
    """Runs the claim stages on a parsed Doc: attributions, number spans, fields, speaker, date, records."""

    def __init__(self, nlp: Language, name: str, categories: Optional[str] = None):
        self.name = name
        self.categories = category_lexicon(categories)
        warm_units()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc.user_data.get(META_KEY) or {}
        # one attribution pass per document: the claims' speakers and doc._.attributions share it
        text = doc.text  # built once: spaCy rebuilds it on every access
        attributor = Attributor(doc, text) if text.strip() else None
        claims = claims_for_doc(doc, doc_id=meta.get("doc_id"), published=meta.get("published"),
                                categories=self.categories, attributor=attributor)
        doc._.claims = [c.to_dict() for c in claims]
        doc._.attributions = [a.to_dict() for a in attributor.attributions()] if attributor is not None else []
        return doc


#: bounds on one sentence, so that the claim stages (which look over a claim's sentence) stay
#: linear on text without sentence ends. A "run" is the text since the last ".", "!", "?", line
#: break or cut: past MAX_RUN_TOKENS tokens or MAX_RUN_CHARS characters it is cut between two
#: words that are not numbers, past twice that anywhere. Past MAX_SENT_TOKENS tokens since the
#: last cut, a sentence-final mark is a cut, and past twice that anywhere. Prose never gets there.
MAX_RUN_TOKENS = 150
MAX_RUN_CHARS = 2000
MAX_SENT_TOKENS = 300
_FINAL = frozenset({".", "!", "?", "…", "。", "！", "？"})


#: an apostrophe inside a word, curly: the statistical English pipelines are trained mostly on
#: straight ones, and tag "O’Hara" (curly) as an interjection or adverb where they tag "O'Hara"
#: as a proper noun
_INNER_CURLY = re.compile(r"(?<=\w)[\u2019\u2018](?=\w)")


@Language.component("claimex_typography")
def straight_apostrophes(doc: Doc) -> Doc:
    """Give each word with a curly apostrophe inside it the features (norm, shape, prefix,
    suffix) of its straight form, so the tagger, parser and entity recognizer read "O’Hara" as
    they read "O'Hara".

    The text and the tokens are unchanged; the features live on the vocabulary's lexemes, so each
    word is mapped once. Quotation marks are left as they are. Runs before the first statistical
    component.
    """
    vocab = doc.vocab
    for tok in doc:
        text = tok.text
        if text.isascii() or not _INNER_CURLY.search(text):
            continue
        lex = vocab[text]
        if _INNER_CURLY.search(lex.shape_) or _INNER_CURLY.search(lex.norm_) \
                or lex.suffix_ != vocab[_INNER_CURLY.sub("'", text)].suffix_:
            straight = vocab[_INNER_CURLY.sub("'", text)]
            lex.norm_, lex.shape_ = straight.norm_, straight.shape_
            lex.prefix_, lex.suffix_ = straight.prefix_, straight.suffix_
    return doc


@Language.component("claimex_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs never run together.

    Text without sentence ends (adversarial runs of numbers, quotes or markup) is cut into
    bounded sentences (see MAX_RUN_TOKENS); ordinary prose never reaches these bounds.
    """
    if len(doc) < 2:
        return doc
    starts = []
    run_tokens = run_chars = since = 0
    last = doc[0]  # the last token that is not whitespace
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        since += 1
        line = "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        if not prev.is_space:
            last = prev
        if line or prev.text in _FINAL:
            run_tokens = run_chars = 0
        run_tokens += 1
        run_chars += len(prev.text_with_ws)
        if tok.is_space:
            continue
        # between words, away from numbers: "one hundred and one", "1,200 to 1,500" stay whole
        safe = (bool(prev.whitespace_) or prev.is_space) and not last.like_num and not tok.like_num \
            and not tok.is_punct
        if line or (safe and (run_tokens >= MAX_RUN_TOKENS or run_chars >= MAX_RUN_CHARS)) \
                or run_tokens >= 2 * MAX_RUN_TOKENS or run_chars >= 2 * MAX_RUN_CHARS \
                or (since >= MAX_SENT_TOKENS and last.text in _FINAL and not tok.is_punct) \
                or since >= 2 * MAX_SENT_TOKENS:
            starts.append(tok.i)
            run_tokens = run_chars = since = 0
    if starts:  # in one go: each ``tok.is_sent_start = True`` scans the whole Doc
        values = doc.to_array(SENT_START)  # 1 start, -1 not a start, 0 unknown (the parser decides)
        values[starts] = 1
        doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


@Language.factory("claimex", default_config={"categories": None})
def make_claimex(nlp: Language, name: str, categories: Optional[str]) -> ClaimexComponent:
    """``categories``: path to a JSON file of {category: [measure lemmas]} replacing the packaged one."""
    return ClaimexComponent(nlp, name, categories)
