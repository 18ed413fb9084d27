"""The ``claimex`` spaCy component: fills ``doc._.claims`` with plain claim dicts.

Plain dicts (the schema's JSON shape) survive ``nlp.pipe(n_process=2)`` and
``DocBin(store_user_data=True)``. The document id and publication date travel in
``doc.user_data`` (set by :class:`claimex.api.Extractor`); without them the id is the text's
hash and the date comes from a ``date YYYY-MM-DD`` header, when the text has one.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .claims import claims_for_doc
from .fields import category_lexicon

META_KEY = "claimex_meta"

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


class ClaimexComponent:
    """Runs the claim stages on a parsed Doc: number spans, fields, speaker, date, records."""

    def __init__(self, nlp: Language, name: str, categories: Optional[str] = None):
        self.name = name
        self.categories = category_lexicon(categories)

    def __call__(self, doc: Doc) -> Doc:
        meta = doc.user_data.get(META_KEY) or {}
        claims = claims_for_doc(doc, doc_id=meta.get("doc_id"), published=meta.get("published"),
                                categories=self.categories)
        doc._.claims = [c.to_dict() for c in claims]
        return doc


@Language.component("claimex_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            tok.is_sent_start = True
    return doc


@Language.factory("claimex", default_config={"categories": None})
def make_claimex(nlp: Language, name: str, categories: Optional[str]) -> ClaimexComponent:
    """``categories``: path to a JSON file of {category: [measure lemmas]} replacing the packaged one."""
    return ClaimexComponent(nlp, name, categories)
