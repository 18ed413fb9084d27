"""Speakers and attributions: who says what, in one pass over each document.

``Attributor(doc)`` reads a document once: its quotations (which may run over sentences and
paragraphs) and their speakers, every reporting verb outside quotations with its source, and
an entity table (``claimex.entities``) of the speakers and main-clause subjects in text order,
through which pronoun sources ("it said") resolve; surnames and "the agency" resolve to the
fullest earlier name. From these,
``attributions()`` lists every attribution as data: source mention, resolved speaker, cue and
the content spans it reports (``claimex.content``).

A claim's speaker is the speaker of the attribution whose content holds it (of nested reports,
the outermost reporter; a cue inside a relative clause speaks for its own content). Where no
listed attribution holds the number, a walk up the parse from it reads the frames the pass does
not list ("in a poll", a forecaster's own forecast, "by X's count" with a noun read as a verb,
a headline led by a name); a cue the pass lists never speaks, through the walk, for a figure in
its source or an opening adverbial. Outlets spoken to become ``via``.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from .entities import EntityTable, Mention, is_plural
from .posts import Post, embedded_posts
from .lexicon import load
from .content import (before, gapped_head, object_span, parenthetical_cue, sentence_without, setting_prep,
                      subtree_span, trimmed, valuation)
from .records import Attribution, Speaker

_C = load("cues.json")
_SPEECH = frozenset(_C["speech_verbs"])
_EVIDENCE = frozenset(_C["evidence_verbs"])
_CUE_LEMMAS = _SPEECH | _EVIDENCE
_SHARE_NOUNS = frozenset(_C["share_nouns"])  # "a majority -- 58% -- said": poll respondents
_FORECAST_NOUNS = frozenset(_C["forecast_nouns"])  # "cut its forecast to 2 pct": the owner's figure
_HEADLINE_TAGS = frozenset(_C["headline_tags"])  # "Storm cuts power to 40,000 homes: report"
# "Harbor Board Confirms 40 Layoffs", "Mayor calls for $2M park fund": a headline's present-tense cue
# verb after a name; the value lists the preposition the figure must follow ("doc": a record speaks)
_HEADLINE_CUES: dict[str, list[str]] = _C["headline_cue_verbs"]
_HEADLINE_MARKS = frozenset(_C["headline_clause_marks"])  # "X says ... as crews cut 300 jobs": the writer's
_DOC_NOUNS = frozenset(_C["document_nouns"])
_COUNT_NOUNS = frozenset(_C["count_nouns"])
_ANON = frozenset(_C["anonymous_heads"])
_ANON_PRONOUNS = frozenset(_C["anonymous_pronouns"])  # "another said", "both vowed": unnamed people
_OUTLETS: dict[str, str] = _C["outlets"]
_OUTLETS_LOWER = {k.lower(): v for k, v in _OUTLETS.items()}
_PRON_PERSON = frozenset(_C["pronouns_person"])
_ORG_ANAPHORS = frozenset(_C["org_anaphors"])
_TITLES = frozenset(_C["titles"]) | frozenset(load("entities.json")["title_abbreviations"])  # "Sens.", "Lt."
_ORG_WORDS = frozenset(_C["organization_words"])  # "Harbor Research", "Field Poll": no person's name
_RESPONDENT_VERBS = frozenset(_C["respondent_verbs"])  # "59 percent said that ...": a share of a poll speaks
_ADVERBIAL_MARKS = frozenset(_C["adverbial_marks"])  # "said ... after Crumbco announced ...": a time, not a report
_CONTRAST_MARKS = frozenset(_C["contrast_marks"])  # "While one firm says ..., another says ...": two reports
_CLAUSE_OBJECT = frozenset(_C["clause_object_verbs"])  # "said 80 personnel assisted": no addressee, a clause
_CONTENT_ONLY = frozenset(_C["content_speech_verbs"])  # their dobj is the addressee or a quote, not a figure
_COLON_VERBS = frozenset(_C["colon_verbs"])  # they introduce a quotation after a colon
_APPROX_PREPS = frozenset(_C["approximator_preps"])  # "said about half ...": a bound the parser may read as a preposition
_SPEAKER_ADJS = frozenset(_C["speaker_adjectives"])  # "quick to point out": the adjective's subject speaks ("likely to say" is a poll's)
_COLON_NOUNS = frozenset(_C["colon_nouns"])
_ANNOUNCEMENTS = frozenset(_C["announcement_nouns"])  # "issued a statement. “...”": the quotation is what was issued
_INTENT = frozenset(_C["intention_verbs"])  # "vowed to hire 300": a cue only for the clause it governs
_SHOWING = frozenset(_C["showing_verbs"])  # evidence verbs whose subject can only be a record
_RECORD_NOUNS = frozenset(_C["record_nouns"])
_RELEASE = frozenset(_C["release_verbs"])  # "released 2,400 pages": a count of what is released is no report
_SHOW_FORMS = frozenset(_C["show_forms"])  # "show" as the tagger may read it after "records"
_OBJECT_CUES = frozenset(_C["object_cue_verbs"])  # a figure in their object is put forward by the subject
_CLAUSE_CUES = frozenset(_C["clause_cue_verbs"])  # a cue only for a clause they govern
_ATTR_LEMMAS = _CUE_LEMMAS | _INTENT | _OBJECT_CUES | _CLAUSE_CUES  # every verb that can open an attribution
_POINT_TO = frozenset(_C["point_to_verbs"])  # "pointed to the nine times ...", only with "to"
_ACCUSE: dict[str, list[str]] = _C["accusation_verbs"]  # verb -> the prepositions that carry the charge or topic
_CLAIM_NOUNS = frozenset(_C["claim_nouns"])  # "Ortiz's claim that ...": the owner's report, in the clause
_FINDING = frozenset(_C["finding_verbs"])  # "the Ledger found that ...": anyone's finding, as a clause
_NEEDS_AT: dict[str, list[str]] = _C["estimate_at_verbs"]  # "put the cost at ...": a cue only with these prepositions
_BASELINE_HEADS = frozenset(_C["baseline_heads"])  # "up 4% from the average": what is compared with
_IN_SOURCES = frozenset(_C["in_source_nouns"])  # "in a poll ...", "from the survey ..."
_VIEW_NOUNS = frozenset(_C["view_nouns"])  # "in Boltwood's view", "in the mayor's estimation": the owner's claim
_POSSIBILITY = frozenset(_C["possibility_modals"])  # "can expect $15": what one gets, not a belief
_BELIEF = frozenset(_C["belief_verbs"])  # "the Chamber thinks ...": a reporter above them tells the reader
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "dep", "conj", "csubj"})
_QUOTE_CHARS = re.compile(r"[“”\"]|''")  # two apostrophes: the straight mark of some wire copy
_ASIDE_DEPS = frozenset({"relcl"})
_MODIFIER_DEPS = frozenset({"relcl", "acl", "appos", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "conj"})
_MAX_QUOTE = 3000  # characters; an unclosed quotation never runs past its paragraph either
_DASHES = frozenset({"--", "—", "–"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s")  # "Mathers: ..." opening a paragraph
# "HARWICK: ..." / "“KESTREL: ..." opening a paragraph of a transcript
_CAPS_LABEL = re.compile(r"^[ \t]*(?:[“\"][ \t]*)?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]", re.MULTILINE)
_PRONOUN_NAMES = frozenset({"he", "she", "it", "they", "we", "i", "you"})  # an unresolved pronoun names no one
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass
class _Quote:
    start: int  # offset of the opening mark
    end: int    # offset after the closing mark (or paragraph end when unclosed)
    speaker: Optional[Speaker] = None


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\s*\n|\n(?=[ \t]*(?:[“\"]|''))", text)] + [len(text)]


def find_quotes(text: str) -> list[_Quote]:
    """Quotation spans, pairing curly and straight marks; an unclosed one ends at its paragraph."""
    ends = _paragraph_ends(text)
    quotes: list[_Quote] = []
    open_at: Optional[int] = None
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group(0)
        width = len(ch)
        if ch == "''":
            ch = '"'
        if open_at is not None:
            para_end = ends[bisect_right(ends, open_at)] if bisect_right(ends, open_at) < len(ends) else len(text)
            if i > para_end or i - open_at > _MAX_QUOTE:
                quotes.append(_Quote(open_at, min(para_end, open_at + _MAX_QUOTE)))
                open_at = None
        if open_at is None:
            if ch == "”" and (i == 0 or text[i - 1] == "\n"):
                open_at = i  # a closing mark typed where a paragraph opens a quotation
                continue
            if ch in "“\"":
                # a straight quote right after a letter is a closing or an inch mark, not an opening
                if ch == '"' and i > 0 and text[i - 1].isalnum():
                    continue
                open_at = i
        else:
            if ch in "”\"" or (ch == "“" and text[i - 1] in ",.!?" and text[i + 1:i + 2] in (" ", "\n")):
                # an opening mark typed after the closing comma ("“It's unusual,“ said ...") closes
                quotes.append(_Quote(open_at, i + width))
                open_at = None
            elif ch == "“":
                open_at = i  # a new opening: the previous mark was unbalanced
    if open_at is not None:
        k = bisect_right(ends, open_at)
        para_end = ends[k] if k < len(ends) else len(text)
        quotes.append(_Quote(open_at, min(para_end, open_at + _MAX_QUOTE)))
    return [q for q in quotes if q.end - q.start > 2]


# what each per-sentence look-up of the claim walk scans for (Attributor._sent_toks)
_SENT_FILTERS: dict[str, Callable[[Token], bool]] = {
    "words": lambda t: not t.is_space,
    "content": lambda t: not (t.is_punct or t.is_space),
    "colon": lambda t: t.text == ":",
    "in_from": lambda t: t.dep_ == "prep" and t.lower_ in ("in", "from"),
    "according": lambda t: t.lower_ == "according",
    "cue_verb": lambda t: t.pos_ == "VERB" and (t.lemma_.lower() in _SPEECH or t.lemma_.lower() in _EVIDENCE),
    "by": lambda t: t.lower_ == "by" and t.dep_ == "prep",
    "show": lambda t: t.lower_ in _SHOW_FORMS,
}


class Attributor:
    """Per-document attribution: quotes, names and cues read once per Doc."""

    def __init__(self, doc: Doc, text: Optional[str] = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # spaCy rebuilds ``doc.text`` on every access
        self.quotes = find_quotes(self.text)
        self._qstarts = [q.start for q in self.quotes]
        self.persons: list[tuple[int, str]] = []   # (offset, full name)
        self.orgs: list[tuple[int, str]] = []
        self.full: dict[str, str] = {}             # surname / short form -> full name
        # surname -> every full name with it, in text order: (offset, full name, said or did something)
        self._namesakes: dict[str, list[tuple[int, str, bool]]] = {}
        self._ents = list(doc.ents)
        self._ent_starts = [e.start for e in self._ents]
        for ent in self._ents:
            name = _clean_name(ent.text)
            if not name:
                continue
            if ent.label_ == "PERSON":
                name = _untitled(name)
                parts = name.split()
                if len(parts) >= 2:
                    self.full.setdefault(parts[-1], name)
                    self.full.setdefault(name, name)
                    self._namesakes.setdefault(parts[-1], []).append(
                        (ent.start_char, name, ent.root.dep_ not in ("pobj", "poss", "compound", "dobj")))
                full = self.full.get(parts[-1], name) if len(parts) == 1 else name
                self.persons.append((ent.start_char, full))
            elif ent.label_ in ("ORG", "GPE", "NORP"):
                self.orgs.append((ent.start_char, name))
                if name.lower() in _OUTLETS_LOWER:
                    self.full.setdefault(name, name)
        covered = {i for ent in self._ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        for name, start in _propn_names(doc, covered):
            parts = name.split()
            self.full.setdefault(parts[-1], name)
            self.full.setdefault(name, name)
            self.persons.append((start, name))
        self.persons.sort()
        # an embedded post is a quotation of its author ("... — Tamsin Ruvane (@truvane) May 3, 2016")
        self.posts = embedded_posts(self.text)
        self._post_starts = [p.start for p in self.posts]
        self.table = EntityTable(self.text, [(q.start, q.end) for q in self.quotes]
                                 + [(p.start - 1, p.end) for p in self.posts])
        self._atts: Optional[list[Attribution]] = None  # the pass, listed once
        self._pieces: Optional[list[tuple[int, int, Attribution]]] = None  # content spans, by start
        self._stoks: dict[tuple[int, str], list[Token]] = {}  # per sentence: the tokens each look-up wants
        self._tags: dict[int, Optional[Speaker]] = {}  # per sentence: its headline tag
        self._piece_starts: list[int] = []
        self._leads: dict[int, Optional[tuple[Speaker, Token, int]]] = {}  # per headline line: its lead cue
        self._pass_cues: dict[tuple[int, str], int] = {}
        self._cues: list[tuple[Token, Token]] = []  # every cue verb outside quotations, with its source
        self._free_persons = [(o, n) for o, n in self.persons if not self.table.excluded(o)]
        self._speakers_of_labels = self._transcript_labels()
        self._filling = True
        self._fill_table()
        self._filling = False
        self._cue_starts = [t.idx for t, _ in self._cues]
        self._quote_speakers()

    def _fill_table(self) -> None:
        """One pass over the document: every cue's source and every named main-clause subject,
        in order, so that a pronoun source resolves against what came before it."""
        doc = self.doc
        for t in doc:
            verb = t.pos_ == "VERB"
            lem = t.lemma_.lower() if verb else ""
            if verb and lem in _ATTR_LEMMAS and not self._in_quote(t.idx):
                src = _source_of(t)
                if src is None or self._in_quote(src.idx):
                    continue
                self._cues.append((t, src))
                # "murders fell, marking a turnaround": an evidence verb speaks only for a record or a finder
                evidence = lem in _SPEECH or lem in _FINDING or _is_evidence_source(src, lem)
                if lem in _CUE_LEMMAS and evidence and not self.table.excluded(t.idx) \
                        and not self.table.excluded(src.idx) and not _reported(t):
                    sp = self._mention(src, t.text, "indirect")
                    # "officials said ... They added": a plural group is a "they"; a pronoun keeps
                    # the number of what it resolved to
                    plural = src.lower_ == "they" if src.pos_ == "PRON" else is_plural(src.tag_, src.lower_)
                    if sp is not None and sp.name.lower() not in _PRONOUN_NAMES and _table_worthy(sp, src, plural):
                        # "the analyst said ... she added": a singular person noun is a person
                        stype = "person" if sp.type == "anonymous" and not plural else sp.type
                        self.table.add(Mention(src.idx, sp.name, stype, plural, True,
                                               unnamed=sp.type == "anonymous"))
                        ent = _entity_of(src)
                        if stype == "person" and ent is not None:
                            self._title_gender(ent, sp.name)
            elif t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")
                                                       or _colon_clause(t.head)):
                ent = _entity_of(t)
                if ent is None and t.pos_ == "NOUN" and t.tag_ == "NN" \
                        and (t.lemma_.lower() in _DOC_NOUNS or t.lemma_.lower() in _ORG_ANAPHORS) \
                        and not self.table.excluded(t.idx):
                    # "The independent research institute cut its forecast. It said ...": a definite
                    # organisation or document subject
                    # "the organisation" with no name of its own goes on with the latest one
                    m = self.table.antecedent("it", t.idx) if t.lemma_.lower() in _ORG_ANAPHORS else None
                    sp = self._mention(t, t.head.text, "indirect") if m is None else None
                    if m is not None:
                        self.table.add(Mention(t.idx, m.name, m.type, False, False))
                    elif sp is not None and sp.type in ("organization", "document", "outlet"):
                        self.table.add(Mention(t.idx, sp.name, sp.type, False, False))
                    continue
                if ent is None and t.pos_ == "NOUN" and t.tag_ == "NNS" and (t.lower_ in _ANON or t.lemma_.lower() in _ANON) \
                        and not self.table.excluded(t.idx):
                    # "Tenant advocates have raised concerns. They cite ...": a group of people as subject
                    sp = self._mention(t, t.head.text, "indirect")
                    if sp is not None:
                        self.table.add(Mention(t.idx, sp.name, "anonymous", True, False))
                    continue
                if ent is None or not (ent.start <= t.i < ent.end):
                    continue  # (the parser may make any word of a long name the subject)
                name = _clean_name(ent.text)
                if not name:
                    continue
                # a lone surname seen before as a person's full name is that person, whatever the NER says now
                surname = self._known_person(name, ent.start_char) is not None
                if ent.label_ == "PERSON" or surname:
                    name = self._resolve_person(name, ent.start_char)
                    self.table.add(Mention(ent.start_char, name, "person", False, False))
                    self._title_gender(ent, name)
                elif ent.label_ == "ORG" or (ent.label_ == "GPE" and t.head.pos_ in ("VERB", "AUX")
                                             and t.dep_ == "nsubj"):
                    # "Ostrava has raised $5 million of the $9 million it pledged": a place that acts
                    self.table.add(Mention(ent.start_char, name, _org_type(name), False, False))

    def _transcript_labels(self) -> set[str]:
        """The capitalised labels of a transcript ("HARWICK: ...", "KESTREL: ..."): a dialogue of
        at least two labels that each open two or more paragraphs. A label that opens one paragraph
        ("UPDATE: ...") labels no speaker."""
        counts: dict[str, int] = {}
        for m in _CAPS_LABEL.finditer(self.text):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        labels = {k for k, n in counts.items() if n >= 2 and len(k) > 2}
        return labels if len(labels) >= 2 else set()

    def _label_speaker(self, para: int) -> Optional[Speaker]:
        """The transcript label opening the paragraph at offset ``para``, as its speaker: the full
        name it stands for when the document has one ("MORROW" -> "Ada Morrow"), else the label."""
        if not self._speakers_of_labels:
            return None
        m = _CAPS_LABEL.match(self.text, para)
        if m is None or m.group(1) not in self._speakers_of_labels:
            return None
        label = m.group(1)
        last = label.split()[-1].capitalize()
        full = self.full.get(last)
        name = full if full is not None and " " in full and full not in _OUTLETS else label.title()
        return Speaker(name=name, type="person", cue=":", mode="direct", start=m.start(1), end=m.end(1))

    def _title_gender(self, ent: Span, name: str) -> None:
        """ "Ms. Arliss", "Mr. Toller": a courtesy title tells the person's gender."""
        for i in (ent.start - 1, ent.start):
            if 0 <= i < len(self.doc):
                self.table.note_gender(name, self.doc[i].lower_)

    def _antecedent_name(self, tok: Token) -> Optional[Mention]:
        m = self.table.antecedent(tok.lower_, tok.idx)
        if m is not None and self._filling:
            self.table.note_gender(m.name, tok.lower_)
        return m

    # --- the document's attributions ----------------------------------------------------
    def attributions(self) -> list[Attribution]:
        """Every attribution of the document, in text order: quotations with their speakers,
        reporting verbs with their sources and complements, "according to X" and headline
        tags. Nested reports are listed each on their own."""
        if self._atts is None:
            self._atts = self._list_attributions()
        return list(self._atts)

    def _list_attributions(self) -> list[Attribution]:
        text, doc = self.text, self.doc
        out: list[Attribution] = []
        quote_cues: dict[int, list[tuple[int, int]]] = {}  # cue token -> the quotations it opens
        for q in self.quotes:
            sp = q.speaker
            # a transcript's turn reports what follows its label
            after_label = sp.end + 1 if sp is not None and sp.cue == ":" and sp.end is not None \
                and q.start < sp.end < q.end else q.start
            body = trimmed(text, after_label, q.end)
            if sp is None or sp.start is None or body is None:
                continue
            cue = self._cue_token(sp, q)
            if cue is not None:
                quote_cues.setdefault(cue.i, []).append(body)
                cs, ce, ct = cue.idx, cue.idx + len(cue), cue.text
            else:
                cs, ce, ct = q.start, q.start + 1, text[q.start]  # the quotation mark itself
            out.append(_record(text, sp, ct, cs, ce, "direct", [body]))
        for t, src in self._cues:
            lem = t.lemma_.lower()
            if t.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent")
                                           for c in t.children):
                continue  # "with growth expected to reach 3 pct": a participle names what is expected, not who
            content = self._verb_content(t, src)
            # "Ortiz said the plan “will cost $4 million” over two years": a quotation's cue reports
            # its whole clause too; a clause that is only the quotation is listed once
            content = [(x, y) for x, y in content
                       if not any(a <= x and y <= b for a, b in quote_cues.get(t.i, ()))]
            if not content:
                continue
            if lem not in _SPEECH and lem not in _INTENT and lem not in _OBJECT_CUES and lem not in _CLAUSE_CUES \
                    and not _is_evidence_source(src, lem) and not (lem in _FINDING and _can_speak(src)
                                                                   and _finding_clause(t, src)):
                # "the storm left 40 homes flooded": an evidence verb needs a record; anyone can find a
                # clause ("the group found that ...", "Revenues, the group found, would ..."), not an object
                continue
            sp = _at_pronoun(self._mention(src, t.text, "indirect", self._via(t)), t, src)
            if sp is not None and sp.start is not None:
                out.append(_record(text, sp, t.text, t.idx, t.idx + len(t), sp.mode, content))
        for post in self.posts:
            body = trimmed(text, post.start, post.end)
            if body is not None:
                sp = self._post_speaker(post)
                out.append(_record(text, sp, "post", post.author_start, post.author_end, "direct", [body]))
        for m in _CAPS_LABEL.finditer(text) if self._speakers_of_labels else ():
            # a transcript's turn that is no quotation: the paragraph after its label
            if m.group(1) not in self._speakers_of_labels:
                continue
            sp = self._label_speaker(m.start(0))
            k = bisect_right(self._qstarts, m.start(1)) - 1
            if k >= 0 and self.quotes[k].start < m.start(1) < self.quotes[k].end and self.quotes[k].speaker == sp \
                    and text.find("\n", m.end()) in (-1, text.find("\n", self.quotes[k].end - 1)):
                continue  # the turn is a quotation the label already speaks
            para_end = text.find("\n", m.end())
            body = trimmed(text, m.end(), para_end if para_end >= 0 else len(text))
            if sp is not None and sp.start is not None and body is not None:
                out.append(_record(text, sp, ":", m.end(1), m.end(1) + 1, "direct", [body]))
        for sent in doc.sents:
            self._sentence_attributions(sent, out)
        out.sort(key=lambda a: (a.content[0][0] if a.content else a.cue_start, a.cue_start))
        return out

    def _sentence_attributions(self, sent: Span, out: list[Attribution]) -> None:
        """ "according to X" and a headline's closing tag: what the rest of the line reports."""
        doc, text = self.doc, self.text
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to" \
                    and not self._in_quote(t.idx):
                objs = [o for o in doc[t.i + 1].children if o.dep_ == "pobj"]
                sp = self._mention(objs[0], "according to", "according_to") if objs else None
                if sp is not None and sp.start is not None:
                    end = max(_source_end(objs[0]), t.i + 2)
                    scope = self._according_scope(t, sent)
                    dash = _aside_dash(t, objs[0], scope)
                    if dash is not None:
                        scope = doc[scope.start:dash.i]
                    content = sentence_without(text, scope, t.i, end)
                    if content:
                        to = doc[t.i + 1]
                        out.append(_record(text, sp, "according to", t.idx, to.idx + len(to), "according_to", content))
            if t.pos_ == "NOUN" and t.lemma_.lower() in _CLAIM_NOUNS and not self._in_quote(t.idx):
                # "Tolvane's claim that 40 shops closed", "the mayor's estimate that ...": the owner reports
                # the that-clause
                poss = [c for c in t.children if c.dep_ == "poss"]
                clause = [c for c in t.children if c.dep_ in ("acl", "ccomp") and c.i > t.i
                          and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                sp = self._mention(poss[0], t.text, "indirect") if poss and clause else None
                content = subtree_span(text, clause[0]) if clause else []
                if sp is not None and sp.start is not None and content:
                    out.append(_record(text, sp, t.text, t.idx, t.idx + len(t), "indirect", content))
            if t.lower_ == "by" and t.dep_ == "prep" and not self._in_quote(t.idx):
                # "by one estimate", "by the union's count": the estimate or its owner reports the
                # rest of the sentence
                for o in t.children:
                    if o.dep_ != "pobj" or o.lemma_.lower() not in _COUNT_NOUNS:
                        continue
                    poss = [c for c in o.children if c.dep_ == "poss"]
                    if not poss and not any(c.dep_ in ("det", "nummod", "amod") and c.lower_ not in _DEMONSTRATIVES
                                            for c in o.children):
                        continue  # "by estimate" names no one's; "by that count" points back to one
                    sp = self._mention(poss[0], f"by {o.text}", "according_to") if poss else \
                        self._mention(o, f"by {o.text}", "report")
                    content = sentence_without(text, sent, t.i, o.right_edge.i + 1)
                    if sp is not None and sp.start is not None and content:
                        out.append(_record(text, sp, sp.cue, t.idx, o.idx + len(o), sp.mode, content))
        line = text.rfind("\n", 0, sent.start_char) + 1
        lead = self._headline_lead(line) if sent.start_char - line < 2 else None
        if lead is not None and lead[0].start is not None:
            sp, verb, stop = lead
            content = trimmed(text, verb.idx + len(verb), stop)
            if content:
                out.append(_record(text, sp, verb.text, verb.idx, verb.idx + len(verb), "indirect", [content]))
        tag = self._headline_tag(sent) if len(sent) >= 4 else None
        if tag is not None and tag.start is not None:
            cue = [t for t in sent if t.idx < tag.start and not t.is_space][-1]  # the colon or dash
            content = before(text, sent, cue.i)
            if content:
                out.append(_record(text, tag, cue.text, cue.idx, cue.idx + len(cue), "report", content))

    def _verb_content(self, verb: Token, src: Token) -> list[tuple[int, int]]:
        """What a reporting verb reports: its clausal complements, the object of a verb that puts
        a figure forward, or the sentence before a cue that closes it."""
        lem = verb.lemma_.lower()
        if lem in _NEEDS_AT and not any(c.dep_ == "prep" and c.lower_ in _NEEDS_AT[lem] for c in verb.children):
            return []  # "put 12 rookies on the roster" estimates nothing; "put the cost at $5 million" does
        if lem in _CLAUSE_CUES and lem not in _SPEECH and lem not in _INTENT and lem not in _OBJECT_CUES:
            # "agreed that 40 jobs would go", "charges that rivals gave millions": the clause only
            return [p for c in verb.children if c.dep_ == "ccomp" and not _misread_relative(c)
                    for p in subtree_span(self.text, c)]
        sent = _sent(verb)
        aside = parenthetical_cue(src, verb) if src.i < verb.i and src.head.i == verb.i else None
        if aside is not None:
            # "Exports, the ministry said on Monday, fell 4%": the sentence around the cue
            return sentence_without(self.text, sent, *aside)
        parts: list[tuple[int, int]] = []
        for c in verb.children:
            if _misread_relative(c) is not None:
                continue  # "Ortiz, who has zero endorsements, said ...": a relative clause on the source
            if c.i < verb.i and any(t.text in (";", ":") for t in verb.doc[c.right_edge.i + 1:verb.i]):
                # "Officials said 40 homes flooded; the mayor said ...": a sentence of its own; "The poll
                # shows a close race: six in 10 said ...": a colon opens what comes after it, never before
                continue
            clause = c.dep_ in ("ccomp", "xcomp") or _for_clause(c) or _split_subject(c)
            obj = c.dep_ == "dobj" and c.i != src.i and not _can_expect(verb) \
                and (lem in _OBJECT_CUES or (lem not in _CONTENT_ONLY and lem not in _INTENT)) \
                and c.lemma_.lower() not in _ANNOUNCEMENTS and not _released_count(verb, c)
            demand = c.dep_ == "prep" and c.lower_ == "for" and lem in _INTENT
            # "reported on 40 open probes", "bragged about his 11 wins": the topic is the report
            topic = c.dep_ == "prep" and (c.lower_ in _ACCUSE.get(lem, ()) or c.lower_ in _NEEDS_AT.get(lem, ())
                                          or (c.lower_ == "at" and lem in _SPEECH and lem not in _CONTENT_ONLY
                                              and valuation(c)))
            # "said 19 cases came from schools, and four from churches": a clause joined to the
            # reported one, with a subject of its own and no contrast, is reported too
            clause = clause or (c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                                and lem in _SPEECH and c.lemma_.lower() not in _ATTR_LEMMAS
                                and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
                                and not _contrast_conj(c))
            # "says the toll would trim income at first, but would later raise $60 million": a predicate with
            # a modal the cue lacks goes on with the reported clause, however the parser joined it
            clause = clause or (c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and lem in _SPEECH
                                and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
                                and any(d.dep_ == "aux" and d.tag_ == "MD" for d in c.children)
                                and not any(d.dep_ == "aux" and d.tag_ == "MD" for d in verb.children))
            if (clause or obj or demand or topic) and not (c.left_edge.i <= src.i <= c.right_edge.i and c.i == src.i):
                if obj and not c.left_edge.i <= src.i <= c.right_edge.i:
                    parts.extend(object_span(self.text, verb, c))
                else:
                    # "found that the plan fell short, and the rival called for $2 billion": a
                    # conjunct with a subject and a cue of its own is another report, not this one
                    own = [d for d in c.children if d.dep_ == "conj" and d.i > c.i and d.lemma_.lower() in _ATTR_LEMMAS
                           and any(e.dep_ in ("nsubj", "nsubjpass") for e in d.children)
                           and not any(e.dep_ == "mark" for e in d.children)]  # "and that X thinks ..." is still said
                    pieces = subtree_span(self.text, c, ([src] if c.left_edge.i <= src.i <= c.right_edge.i else [])
                                          + own)
                    if c.i > verb.i and c.dep_ == "ccomp":
                        # "12 clinics closed – sites she said would reopen in May –": a complement after its
                        # cue starts after it, whatever the parser hung on it from before ("12 clinics")
                        after = verb.idx + len(verb)
                        pieces = [p for x, y in pieces if y > after
                                  and (p := trimmed(self.text, max(x, after), y)) is not None]
                    parts.extend(pieces)
        gap = gapped_head(verb, src, lem in _OBJECT_CUES or (lem not in _CONTENT_ONLY and lem not in _INTENT))
        if gap is not None:
            # "the $12 million the council says it can spare": the head fills a gap in the report
            a, b = verb.doc[gap[0]], verb.doc[gap[1] - 1]
            piece = trimmed(self.text, a.idx, b.idx + len(b))
            parts = parts + ([piece] if piece is not None else [])
        if parts and _trailing_cue(verb):
            # "Hiring slowed to 4,000, a pace that kept the rate at 5%, the agency said.": a cue
            # closing its sentence reports all of it, whatever the parser made its complement
            return before(self.text, sent, min(c.left_edge.i for c in verb.children if c.dep_ == "nsubj"))
        if parts:
            return parts + self._after_semicolon(verb)
        rel = _relative_report(verb)
        if rel is not None:
            piece = trimmed(self.text, verb.doc[rel[0]].idx, verb.doc[rel[1] - 1].idx + len(verb.doc[rel[1] - 1]))
            return [piece] if piece is not None else []
        if _leading_cue(verb):
            # "The Ledger reported, the council kept 1,076 names secret": the sentence after the comma
            return sentence_without(self.text, sent, sent.start, verb.right_edge.i + 2)
        if _trailing_cue(verb) or (verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i
                                   and verb.doc[verb.left_edge.i - 1].text in (",", "—", "–")
                                   if verb.left_edge.i > sent.start else False):
            return before(self.text, sent, verb.left_edge.i if not _trailing_cue(verb) else
                          min(c.left_edge.i for c in verb.children if c.dep_ == "nsubj"))
        return []

    def _after_semicolon(self, verb: Token) -> list[tuple[int, int]]:
        """ "reported that Acme holds $9 billion; Zenco holds $2 billion.": a clause after a
        semicolon that closes the reported clause goes on with the report, up to the next
        semicolon or the sentence's end, unless it has a cue or a quotation of its own."""
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if not comps:
            return []
        doc, sent = self.doc, _sent(verb)
        semi = comps[-1].right_edge.i + 1
        if semi >= sent.end or doc[semi].text != ";":
            return []
        end = semi + 1
        verbs = []
        while end < sent.end and doc[end].text != ";":
            t = doc[end]
            if (t.pos_ == "VERB" and t.lemma_.lower() in _ATTR_LEMMAS) or _QUOTE_CHARS.match(t.text):
                return []
            if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.i < semi):
                verbs.append(t.lemma_.lower())  # the clause's top verb
            end += 1
        # only a parallel clause goes on with the list ("Acme holds ...; Zenco holds ..."); another
        # ("said fares would rise; 40 buses sat idle") is the writer's
        if not verbs or verbs[0] != comps[-1].lemma_.lower():
            return []
        return sentence_without(self.text, sent, sent.start, semi + 1) if end >= sent.end else \
            [p for p in sentence_without(self.text, sent, sent.start, semi + 1) if p[1] <= doc[end].idx]

    def _cue_token(self, sp: Speaker, q: _Quote) -> Optional[Token]:
        """The token of a quotation's cue: the word ``sp.cue`` nearest the quotation, outside it."""
        if not sp.cue or not sp.cue[:1].isalpha():
            return None
        lo, hi = max(0, q.start - 300), min(len(self.text), q.end + 300)
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            return None
        best = None
        for t in span:
            if t.text == sp.cue and not (q.start <= t.idx < q.end):
                d = min(abs(t.idx - q.start), abs(t.idx - q.end))
                if best is None or d < best[0]:
                    best = (d, t)
        return best[1] if best else None

    def _in_quote(self, off: int) -> bool:
        k = bisect_right(self._qstarts, off) - 1
        return k >= 0 and self.quotes[k].start < off < self.quotes[k].end

    # --- names --------------------------------------------------------------------------
    def _full_name(self, surname: str, at: Optional[int] = None) -> Optional[str]:
        """The full name a bare surname stands for at offset ``at``. Of namesakes ("Ray Dorn's
        daughter ... Mira Dorn, the daughter of Senator Ray Dorn, filed"), the first named as one
        who acts or speaks, not one only mentioned in an "of" phrase or a possessive; else the first
        named. (The first, not the latest: a story keeps its main person's surname for them.)"""
        full = self.full.get(surname)
        people = self._people(surname)
        if full is None or at is None or len(people) < 2:
            return full
        lows = {n.lower() for n in people}
        before = [(o, n) for o, n, active in self._namesakes[surname]
                  if o < at and active and n.lower() in lows and not self.table.excluded(o)]
        return before[0][1] if before else full

    def _people(self, surname: str) -> set[str]:
        """The different people named with ``surname``: "Ada Vell" and "Tom Vell", but "Guajardo
        Villarreal" is the "Ildefonso Guajardo Villarreal" named before."""
        names: dict[str, str] = {}
        for _, n, _ in self._namesakes.get(surname, ()):
            names.setdefault(n.lower(), n)  # "De Blasio" opening a sentence is "de Blasio"
        return {n for low, n in names.items() if not any(m != low and m.endswith(" " + low) for m in names)}

    def _known_person(self, name: str, at: Optional[int] = None) -> Optional[str]:
        """The full name of a person named before whose surname (or last names) ``name`` is, whatever
        the NER reads now: "Hagerty" or "Kettleby Hagerty" after "Harriet Kettleby Hagerty"."""
        parts = name.split()
        full = (self._full_name(parts[-1], at) or "") if parts else ""
        if " " in full and full not in _OUTLETS and full != name and full.endswith(" " + name):
            return full
        return None

    def _resolve_person(self, name: str, at: Optional[int] = None) -> str:
        name = _untitled(name)
        parts = name.split()
        if parts and parts[-1] in self.full:
            if len(parts) >= 2 and name in self._people(parts[-1]) and len(self._people(parts[-1])) > 1:
                return name  # "Tom Vell" after "Ada Vell": a full name stands for itself
            return self._full_name(parts[-1], at) or name
        return self.full.get(name, name)

    def _nearest(self, mentions: list[tuple[int, str]], before: int) -> Optional[str]:
        """The name of the last mention that starts before ``before`` (``mentions`` are sorted)."""
        k = bisect_left(mentions, before, key=lambda m: m[0])
        return mentions[k - 1][1] if k > 0 else None

    def _ents_in(self, start: int, end: int) -> list[Span]:
        """The entities within tokens ``start:end`` (``doc.ents`` rebuilds the whole list per call)."""
        k = bisect_left(self._ent_starts, start)
        out = []
        while k < len(self._ents) and self._ents[k].start < end:
            if self._ents[k].end <= end:
                out.append(self._ents[k])
            k += 1
        return out

    def _mention(self, tok: Token, cue: str, mode: str, via: Optional[str] = None) -> Optional[Speaker]:
        """Speaker for the source token attached to a cue: its phrase, type, title, resolved name."""
        doc = self.doc
        if tok.pos_ == "PRON" or tok.lower_ in _PRON_PERSON or (tok.lower_ in _ANON_PRONOUNS and tok.dep_ == "nsubj"):
            low = tok.lower_
            if low in ("he", "she", "him", "her"):
                m = self._antecedent_name(tok)
                # no speaker or subject fits: the latest person named outside quotations and credits
                name = m.name if m is not None else (self._nearest(self._free_persons, tok.idx) or tok.text)
                # a pronoun is what it stands for: "A spokeswoman said ... She added ..." stays unnamed
                stype = "anonymous" if m is not None and m.unnamed else "person"
                return Speaker(name=name, type=stype, cue=cue, mode=mode, via=via, start=tok.idx,
                               end=tok.idx + len(tok))
            if low in ("it", "they", "we"):
                m = self._antecedent_name(tok) if low in ("it", "they") else None
                if m is not None:
                    return Speaker(name=m.name, type=m.type, cue=cue, mode=mode, via=via, start=tok.idx,
                                   end=tok.idx + len(tok))
                name = self._nearest(self.orgs, tok.idx) if low in ("it", "we") else None
                stype = _org_type(name) if name else "anonymous"
                return Speaker(name=name or tok.text, type=stype, cue=cue, mode=mode, via=via, start=tok.idx,
                               end=tok.idx + len(tok))
            if low in ("i",):
                return Speaker(name=tok.text, type="person", cue=cue, mode=mode, via=via, start=tok.idx,
                               end=tok.idx + len(tok))
            if low in _ANON_PRONOUNS:
                phrase = _phrase(tok)  # "another", "some of the donors"
                return Speaker(name=phrase.text, type="anonymous", cue=cue, mode=mode, via=via,
                               start=phrase.start_char, end=phrase.end_char)
            return None
        if tok.pos_ not in ("NOUN", "PROPN") and tok.text[:1].isupper() and tok.is_alpha:
            # "said Skerritt" with the name mis-tagged: a surname, resolved like one
            return Speaker(name=self._resolve_person(tok.text, tok.idx), type="person", cue=cue, mode=mode, via=via,
                           start=tok.idx, end=tok.idx + len(tok))
        ent = _entity_of(tok)
        if (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper())) \
                and tok.text in self.full and " " in self.full[tok.text] \
                and (ent is None or ent.label_ != "PERSON") and (ent is None or len(ent) == 1) \
                and self.full[tok.text] not in _OUTLETS:
            full = self._full_name(tok.text, tok.idx) or self.full[tok.text]  # a surname seen before as a full name
            return Speaker(name=full, type="person", cue=cue, mode=mode, via=via,
                           title=_title_words(doc, tok, full), start=tok.idx, end=tok.idx + len(tok))
        known = self._known_person(_clean_name(ent.text), ent.start_char) if ent is not None and ent.label_ != "PERSON" else None
        if known is not None:
            # "Kettleby Hagerty said", a surname the NER now reads as an organisation: the person named before
            return Speaker(name=known, type="person", cue=cue, mode=mode, via=via, start=ent.start_char,
                           end=ent.end_char)
        if ent is not None and ent.label_ == "PERSON":
            name = self._resolve_person(_clean_name(ent.text), ent.start_char)
            title = _title(ent)
            return Speaker(name=name, type="person", cue=cue, mode=mode, via=via, title=title,
                           start=ent.start_char, end=ent.end_char)
        if ent is not None and ent.label_ != "PERSON" and len(ent) >= 3 and ent[0].text in _TITLES \
                and all(t.text[:1].isupper() and t.is_alpha for t in ent[1:]) and len(ent) <= 4:
            # "Councilor Amos Finch" tagged as an organisation: a title and a name
            person = ent[1:]
            return Speaker(name=self._resolve_person(person.text, person.start_char), type="person", cue=cue, mode=mode, via=via,
                           title=ent[0].text, start=person.start_char, end=person.end_char)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
            name = _clean_name(ent.text)
            head_lemma = tok.lemma_.lower()
            if head_lemma in _DOC_NOUNS and not (ent.start <= tok.i < ent.end):
                phrase = _phrase(tok)
                return Speaker(name=phrase.text, type="document", cue=cue, mode="report", via=name,
                               start=phrase.start_char, end=phrase.end_char)
            ent = _name_run(ent, tok)
            name = _clean_name(ent.text)
            stype = _org_type(name)
            return Speaker(name=_OUTLETS.get(name, name) if stype == "outlet" else name, type=stype, cue=cue,
                           mode=mode, via=via, start=ent.start_char, end=ent.end_char)
        # a common-noun source: "officials", "the agency", "court documents", "four people with knowledge"
        phrase = _phrase(tok)
        if _is_share(tok):
            phrase = doc[tok.left_edge.i:phrase.end]  # "Those over 60" keeps its determiner
            return Speaker(name=phrase.text, type="anonymous", cue=cue, mode=mode, via=via,
                           start=phrase.start_char, end=phrase.end_char)
        lemma = tok.lemma_.lower()
        low = tok.lower_
        inner = [e for e in self._ents_in(phrase.start, phrase.end) if e.label_ in ("ORG", "PERSON", "GPE", "NORP")]
        # (an apposition stands next to its noun: a name after the subject's own verb is another's,
        # "The board cited two rivals, Sen. Ada Vell and ...")
        appos = [e for c in tok.children if c.dep_ == "appos" and (e := _entity_of(c)) is not None
                 and e.label_ == "PERSON" and not (tok.i < tok.head.i < c.i)]
        if appos and lemma not in _DOC_NOUNS:
            # "A spokeswoman, Anya Rickard, said": the apposition names her
            e = appos[0]
            return Speaker(name=self._resolve_person(_clean_name(e.text), e.start_char), type="person", cue=cue, mode=mode,
                           via=via, title=tok.text if tok.text in _TITLES or tok.lemma_ in _TITLES else None,
                           start=e.start_char, end=e.end_char)
        if lemma in _DOC_NOUNS or low in _DOC_NOUNS or lemma in _RECORD_NOUNS:
            via = via or (inner[0].text if inner else None)
            return Speaker(name=phrase.text, type="document", cue=cue, mode="report", via=via,
                           start=phrase.start_char, end=phrase.end_char)
        if inner and inner[-1].label_ == "PERSON" and inner[-1].start > tok.i \
                and not any(t.dep_ == "prep" for t in doc[tok.i + 1:inner[-1].start]):
            # "a spokeswoman, Anya White," names her; "several Ruvane supporters" and "supporters of
            # Tamsin Ortiz" are not Ortiz
            e = inner[-1]
            return Speaker(name=self._resolve_person(_clean_name(e.text), e.start_char), type="person", cue=cue, mode=mode,
                           via=via, title=_title(e) or None, start=e.start_char, end=e.end_char)
        if lemma in _ORG_ANAPHORS and any(c.lower_ in ("the", "this", "that") for c in tok.children) \
                and not inner:
            # "the bureau" -> the latest organisation named with that word ("U.S. Census Bureau")
            name = self._nearest([(o, n) for o, n in self.orgs if low in n.lower().split()
                                  or lemma in n.lower().split()], tok.idx)
            mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
            if name and any(m not in name.lower() for m in mods):
                name = None  # "the independent research institute" describes another than the "Trade Institute"
            if name:
                return Speaker(name=name, type=_org_type(name), cue=cue, mode=mode, via=via,
                               start=phrase.start_char, end=phrase.end_char)
        if tok.pos_ in ("NOUN", "PROPN"):
            orgs = [e for e in inner if e.label_ != "PERSON"]
            stype = "anonymous" if (low in _ANON or lemma in _ANON) and not orgs else \
                ("organization" if tok.pos_ == "PROPN" or orgs else "anonymous")
            return Speaker(name=phrase.text, type=stype, cue=cue, mode=mode, via=via,
                           start=phrase.start_char, end=phrase.end_char)
        return None

    # --- quotes -------------------------------------------------------------------------
    def _quote_speakers(self) -> None:
        prev: Optional[_Quote] = None
        for q in self.quotes:
            line_start = self.text.rfind("\n", 0, q.start) + 1
            label = self._label_speaker(line_start) if not self.text[line_start:q.start].strip() else None
            if label is not None and label.start is not None and label.start < q.end:
                q.speaker = label  # "“KESTREL: ...": a transcript's turn quoted whole
                prev = q
                continue
            # "Osmund told the Post: “...”": a quotation a colon introduces is the introducer's, whoever a
            # sentence after it names
            q.speaker = self._colon_speaker(q) if self.text[:q.start].rstrip().endswith(":") else None
            q.speaker = q.speaker or self._speaker_near_quote(q) or self._announced(q)
            line_start = self.text.rfind("\n", 0, q.start) + 1
            opens_paragraph = not self.text[line_start:q.start].strip()
            if q.speaker is None and opens_paragraph and prev is not None and prev.speaker is not None \
                    and self.text.count("\n\n", prev.end, q.start) <= 1:
                q.speaker = self._latest_mention(prev.speaker, prev.end, q.start)
            if q.speaker is None:
                q.speaker = self._colon_speaker(q)
            if q.speaker is None and opens_paragraph:
                q.speaker = self._reporter_before(q, line_start)
            if q.speaker is None and prev is not None and prev.speaker is not None:
                # a paragraph that opens with a quotation mark continues the quote before it
                between = self.text[prev.end:q.start]
                if "\n" in between and not between.strip(" \t\n\r,.”\"'") and prev.speaker is not None:
                    q.speaker = prev.speaker
                elif not between.strip() or self._only_cue_between(prev, q):
                    q.speaker = prev.speaker
            prev = q
        # a quote whose speaker comes after a later fragment: "...," he said, "..."
        for a, b in zip(self.quotes, self.quotes[1:]):
            if a.speaker is None and b.speaker is not None and "\n" not in self.text[a.end:b.start]:
                a.speaker = b.speaker

    def _reporter_before(self, q: _Quote, line_start: int) -> Optional[Speaker]:
        """ "Kessler said the fund would grow.\n\n“That is because ...”": a quotation that is a whole
        paragraph, with no cue of its own, goes on for the reporter of the paragraph before it,
        when that paragraph closes on a sentence reporting someone's words."""
        para_end = self.text.find("\n", q.end)
        if self.text[q.end:para_end if para_end >= 0 else len(self.text)].strip():
            return None  # the paragraph goes on after the quotation: its own words may name a speaker
        end = len(self.text[:line_start].rstrip())
        if end == 0 or self._in_quote(end - 1) or self.text[end - 1] in "”\"":
            return None
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None:
            return None
        sent = _sent(last[0])
        if "\n" in self.text[sent.start_char:end].strip():
            return None
        k = bisect_left(self._cue_starts, sent.start_char)
        while k < len(self._cues) and self._cues[k][0].idx < end:
            verb, src = self._cues[k]
            k += 1
            if verb.lemma_.lower() in _SPEECH and sent.start_char <= src.idx < end:
                return self._mention(src, verb.text, "direct", self._via(verb))
        return None

    def _announced(self, q: _Quote) -> Optional[Speaker]:
        """ "Ortiz tweeted a warning. “...”", "The agency issued a statement, “...”": a quotation right
        after a comma or a full stop that closes a clause announcing words, with no words of its
        own, is those words."""
        before = self.text[max(0, q.start - 300):q.start].rstrip(" \t")
        if not before or before[-1] not in ",." or "\n" in before[-2:]:
            return None
        mark = self.doc.char_span(q.start - (len(self.text[:q.start]) - len(self.text[:q.start].rstrip(" \t"))) - 1,
                                  q.start, alignment_mode="expand")
        if mark is None or mark[0].i == 0:
            return None
        sent = _sent(mark[0])
        lead = [t for t in sent if t.i < mark[0].i]
        if not lead or any(_QUOTE_CHARS.match(t.text) for t in lead):
            return None  # a sentence with a quotation of its own has had its say
        for t in reversed(lead):
            if t.pos_ != "VERB":
                continue
            lem = t.lemma_.lower()
            said = lem in _SPEECH and not any(
                c.dep_ in ("ccomp", "xcomp", "attr", "advcl")
                or (c.dep_ == "dobj" and c.lemma_.lower() not in _ANNOUNCEMENTS and lem not in _CONTENT_ONLY)
                for c in t.children)  # "Lau said in a statement.", "He told reporters."
            issued = any(c.dep_ == "dobj" and c.lemma_.lower() in _ANNOUNCEMENTS for c in t.children)
            if not (said or issued) or not (t.head.i == t.i or q.start <= t.head.idx < q.end):
                return None  # the clause's top verb, though the parser may hang it on the quotation
            src = _source_of(t)
            return self._mention(src, t.text, "direct", self._via(t)) if src is not None else None
        return None

    def _latest_mention(self, sp: Speaker, start: int, end: int) -> Speaker:
        """The same speaker, attached to the last reporting verb that names them between ``start``
        and ``end`` ("... Rather, he said, ... / “...”"): the cue nearest the quote it goes on with."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) > 200:
            return sp
        best = sp
        for t in span:
            if t.pos_ == "VERB" and t.lemma_.lower() in _SPEECH:
                src = _source_of(t)
                if src is not None and start <= src.idx < end:
                    cand = self._mention(src, t.text, sp.mode, sp.via)
                    if cand is not None and cand.name == sp.name:
                        best = cand
        return best

    def _only_cue_between(self, prev: _Quote, q: _Quote) -> bool:
        """ "“...,” Espinel said. “...”": a later quote of the same paragraph, with no sentence of
        the writer's own in between, goes on in the same voice."""
        if "\n" in self.text[prev.end:q.start] or q.start - prev.end > 400:
            return False
        span = self.doc.char_span(prev.end, q.start, alignment_mode="contract")
        if span is None:
            return True
        sp = prev.speaker
        cue_sent = [t for t in span if t.is_sent_start and not (t.is_punct or t.is_space)
                    and not (sp.start is not None and _sent(t).start_char <= sp.start < _sent(t).end_char)]
        if cue_sent:
            # a sentence of the writer's own in between: only a quoted fragment inside a sentence
            # ("Of that total, “about 75 percent” ...") still speaks in the earlier voice, and only
            # with nobody else named in between
            if self.text[q.start - 1:q.start].strip() == "" and (q.start < 2 or self.text[q.start - 2] in ".!?\n"):
                return False
            return not any(e.label_ in ("PERSON", "ORG", "NORP", "GPE")
                           and not (sp.start is not None and sp.start <= e.start_char < sp.end)
                           for e in span.ents)
        return True

    def _colon_speaker(self, q: _Quote) -> Optional[Speaker]:
        """ "Crewe continued:" / "The headline reads:" / "Partial transcript as follows:" before a
        quotation: the sentence closing on the colon names who speaks."""
        return self._colon_before(q.start)

    def _colon_before(self, at: int) -> Optional[Speaker]:
        """The speaker named by a sentence that closes on a colon just before offset ``at``."""
        window = self.text[max(0, at - 300):at]
        before = window.rstrip()
        if not before.endswith(":"):
            return None
        colon = at - (len(window) - len(before)) - 1
        span = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None:
            return None
        sent = _sent(span[0])
        lead = [t for t in sent if t.idx < colon]
        if not lead:
            return None
        for t in reversed(lead):
            if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in _SPEECH or t.lemma_.lower() in _COLON_VERBS):
                src = _source_of(t)
                if src is not None and src.idx < colon:
                    return self._mention(src, t.text, "direct", self._via(t))
                if t.lower_ == "follows" and t.head.i != t.i and t.head.idx < colon and _can_speak(t.head):
                    return self._mention(t.head, "as follows", "direct")
        # "The mayor has since said sorry for the delay: “...”": a person or an organisation whose
        # sentence opens the quotation with a colon speaks it, whatever the verb
        if self.text[colon + 1:colon + 4].lstrip()[:1] in ("“", '"'):
            # the top verb of the words before the colon, however the parser hung it on the quote
            tops = [t for t in lead if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.idx > colon)]
            root = tops[0] if tops else sent.root
            subj = [c for c in root.children if c.dep_ == "nsubj" and c.idx < colon] if root.idx < colon else []
            if subj and root.pos_ in ("VERB", "AUX"):
                s0 = _antecedent(subj[0])
                ent = _entity_of(s0)
                if (ent is not None and ent.label_ in ("PERSON", "ORG")) or s0.lower_ in _PRON_PERSON \
                        or (s0.pos_ == "PROPN" and (ent is None or ent.label_ not in ("GPE", "LOC", "DATE"))) \
                        or s0.lemma_.lower() in _ORG_WORDS or s0.lemma_.lower() in _ORG_ANAPHORS \
                        or s0.lower_ in ("they", "we", "i") or s0.lemma_.lower() in _ANON:
                    sp = self._mention(s0, root.text, "direct", self._via(root))
                    if sp is not None:
                        return sp
        # "HEADLINE - Tamsin Whitfield: “...”": a person's name right before the colon
        ent = _entity_of(lead[-1])
        if ent is not None and ent.label_ == "PERSON" and ent.end == lead[-1].i + 1:
            return self._person_label(ent)
        # "... in swing states - Pew Research: “...”": a short capitalised name after a dash
        dash = max((t.i for t in lead if t.text in ("-", "—", "–")), default=None)
        if dash is not None and 1 <= lead[-1].i - dash <= 4:
            name = self.doc[dash + 1:lead[-1].i + 1]
            if all(t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" for t in name) \
                    and self.text[colon + 1:colon + 3].lstrip()[:1] in ("“", '"'):
                ent = _entity_of(name[-1])
                if len(name) in (2, 3) and (ent is None or ent.label_ == "PERSON") and name.text not in _OUTLETS \
                        and not any(t.lower_ in _ORG_WORDS for t in name):
                    return Speaker(name=self._resolve_person(name.text, name.start_char), type="person", cue=":", mode="direct",
                                   start=name.start_char, end=name.end_char)
                return Speaker(name=_OUTLETS.get(name.text, name.text), type=_org_type(name.text), cue=":",
                               mode="direct", start=name.start_char, end=name.end_char)
        # "... is shown by this finding: “...”": a record noun right before the colon
        last = lead[-1]
        if last.pos_ == "NOUN" and last.lemma_.lower() in _DOC_NOUNS and self.text[colon + 1:colon + 5].lstrip()[:1] in ("“", '"', "'"):
            sp = self._mention(last, last.text, "direct")
            if sp is not None:
                return sp
        # a bare name or a "word"-like noun before the colon: "Tamsin Whitfield:", "Ortiz's word:"
        head = lead[-1]
        while head.head.i != head.i and head.head.idx < colon:
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN") or not _can_speak(head) or len(lead) > 12:
            return None
        lemma = head.lemma_.lower()
        if lemma in _DOC_NOUNS or lemma in _COLON_NOUNS:
            poss = [c for c in head.children if c.dep_ == "poss"]
            return self._mention(poss[0] if poss else head, head.text, "direct")
        if head.ent_type_ in ("PERSON", "ORG") or head.text in self.full:
            return self._mention(head, ":", "direct")
        return None

    def _speaker_near_quote(self, q: _Quote) -> Optional[Speaker]:
        doc = self.doc
        # the sentences touching the quote's ends, outside the quotation marks
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return None
        first, last = _sent(span[0]), _sent(span[-1])
        sents = {first.start: first, last.start: last}
        if span[-1].i + 1 < len(doc):
            nxt = _sent(doc[span[-1].i + 1])
            if nxt.start_char - q.end < 3:
                sents[nxt.start] = nxt
        # a reporting verb above the quotation in the parse: "He said the plan was an “insult” to ..."
        cur, outer = span.root, None
        for _ in range(30):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if not (q.start <= cur.idx < q.end) and cur.pos_ == "VERB" and cur.lemma_.lower() in _SPEECH:
                src = _source_of(cur, (q.start, q.end))
                if src is not None and not (q.start <= src.idx < q.end):
                    outer = self._mention(src, cur.text, "direct", self._via(cur)) or outer
        if outer is not None:
            return outer
        toks = [t for sent in sents.values() for t in sent]
        toks.sort(key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))
        for t in toks:
            if q.start <= t.idx < q.end:
                continue
            if self._inside_other_quote(t.idx, q):
                continue
            lem = t.lemma_.lower()
            closing = lem in _COLON_VERBS and 0 <= t.idx - q.end < 25 \
                and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") and not (q.start <= c.idx < q.end)
                            for c in t.children)  # "“...,” he continued."
            closing = closing or (lem in _COLON_VERBS and t.idx < q.start
                                  and self.text[t.idx + len(t):q.start].strip() in (",", ":"))  # "He continued, “...”"
            if t.pos_ == "VERB" and (lem in _SPEECH or closing):
                src = _source_of(t, (q.start, q.end))
                if src is not None and not (q.start <= src.idx < q.end) and not self._inside_other_quote(src.idx, q):
                    sp = self._mention(src, t.text, "direct", self._via(t))
                    if sp is not None:
                        return sp
            after_q = 0 <= t.idx - q.end < 40
            # "The agency memo states, “...”": the same, opening the quotation after a comma or colon
            before_q = t.idx + len(t) <= q.start and self.text[t.idx + len(t):q.start].strip() in (",", ":")
            if t.pos_ in ("NOUN", "PROPN") and (lem in _SPEECH or t.lower_[:-1] in _SPEECH) and (after_q or before_q):
                # "“...,” Bozwell answers.", "“...,” the ministry states in its report", "“...,” the
                # Marovians state": the reporting verb tagged as a noun, the name as its compound
                names = [c for c in t.children if c.dep_ == "compound" and (c.idx >= q.end if after_q else c.i < t.i)
                         and (c.pos_ == "PROPN" or c.lemma_.lower() in _ORG_ANAPHORS or c.lemma_.lower() in _DOC_NOUNS
                              or c.lemma_.lower() in _RECORD_NOUNS or c.lemma_.lower() in _ANON)]
                if not t.lower_.endswith("s") and not (names and names[-1].tag_ in ("NNS", "NNPS")):
                    names = []  # a bare verb form goes with a plural name only
                after = self.doc[t.i + 1] if t.i + 1 < len(self.doc) and after_q else None
                if names and (after is None or after.is_punct or (after.dep_ == "prep" and after.head.i == t.i)):
                    sp = self._mention(names[-1], t.text, "direct")
                    if sp is not None:
                        return sp
        # "The port memo states, “...”": a reporting verb the tagger read as a noun, its source as the
        # noun's compound, right before the quotation
        for t in toks:
            if t.idx >= q.start or t.pos_ != "NOUN" or not t.lower_.endswith("s") or t.lower_[:-1] not in _SPEECH \
                    or self.text[t.idx + len(t):q.start].strip() not in (",", ":"):
                continue
            names = [c for c in t.children if c.dep_ == "compound" and c.i < t.i
                     and (c.pos_ == "PROPN" or c.lemma_.lower() in _DOC_NOUNS or c.lemma_.lower() in _ORG_ANAPHORS)]
            if names:
                sp = self._mention(names[-1], t.text, "direct")
                if sp is not None:
                    return sp
        # "“... . ...,” according to Harbor Watch.": the phrase right after the closing mark
        j = span[-1].i + 1
        while j < len(doc) and doc[j].is_punct and doc[j].idx - q.end < 3:
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ == "according" and doc[j].idx - q.end < 4:
            sp = self._according_to(doc[j:_sent(doc[j]).end])
            if sp is not None:
                return replace(sp, mode="direct")
        return None

    def _inside_other_quote(self, off: int, q: _Quote) -> bool:
        k = bisect_right(self._qstarts, off) - 1
        if k >= 0:
            other = self.quotes[k]
            return other is not q and other.start <= off < other.end
        return False

    def _post_at(self, start: int, end: int) -> Optional[Post]:
        k = bisect_right(self._post_starts, start) - 1
        if k >= 0 and end <= self.posts[k].end:
            return self.posts[k]
        return None

    def _post_speaker(self, post: Post) -> Speaker:
        """The author of an embedded post, typed by how the NER reads the signature's name."""
        span = self.doc.char_span(post.author_start, post.author_end, alignment_mode="expand")
        labels = {e.label_ for e in span.ents} if span is not None else set()
        if "PERSON" in labels:
            stype = "person"
        elif labels & {"ORG", "GPE", "NORP", "FAC"} or not post.author[:1].isupper():
            stype = _org_type(post.author)
        else:
            stype = "person" if 2 <= len(post.author.split()) <= 3 else _org_type(post.author)
        return Speaker(name=post.author, type=stype, cue="post", mode="direct", start=post.author_start,
                       end=post.author_end)

    def _quote_at(self, start: int, end: int) -> Optional[_Quote]:
        k = bisect_right(self._qstarts, start) - 1
        if k >= 0:
            q = self.quotes[k]
            if q.start < start and end <= q.end:
                return q
        return None

    def _via(self, verb: Token) -> Optional[str]:
        """The outlet spoken to or through: "told the Post", "said on CNN", "told the Clarion"."""
        for c in verb.children:
            if c.dep_ in ("dative", "dobj", "iobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on")):
                cands = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
                for o in cands:
                    outlet = self._outlet(o)
                    if outlet:
                        return outlet
        return None

    def _outlet(self, tok: Token) -> Optional[str]:
        ent = _entity_of(tok)
        text = _clean_name(ent.text) if ent is not None else tok.text
        if text in _OUTLETS:
            short = _OUTLETS[text]
            for full in self.full:
                if full.endswith(text) and full != text and full.lower() in _OUTLETS_LOWER:
                    return _OUTLETS_LOWER[full.lower()]
            return short
        if text.lower() in _OUTLETS_LOWER:
            return _OUTLETS_LOWER[text.lower()]
        return None

    def _noun_show(self, t: Token, span: Span) -> Optional[Speaker]:
        """ "In all, the committee raised $41 million, election records show.": "records show"
        parsed as one noun compound, or "records" as a compound of the verb; only between commas
        or before the sentence's end."""
        if t.lower_ not in _SHOW_FORMS or span.start <= t.i < span.end:
            return None
        if t.pos_ != "NOUN" and (t.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            return None
        recs = [c for c in t.children if c.dep_ == "compound" and c.i < t.i
                and (c.lemma_.lower() in _RECORD_NOUNS or c.lemma_.lower() in _DOC_NOUNS)]
        if not recs:
            return None
        doc = t.doc
        # "Federal Election Commission records show": the names may hang on the verb, not the noun
        left = min(c.left_edge.i for c in t.children if c.dep_ == "compound" and c.i < t.i)
        right = t.i + 1
        before = doc[left - 1].text if left > _sent(t).start else ""
        after = doc[right].text if right < _sent(t).end else "."
        if before not in (",", "—", "–") or after not in (",", ".", "—", "–", ";"):
            return None
        rec = recs[-1]
        phrase = doc[left:rec.i + 1]
        return Speaker(name=phrase.text, type="document", cue=t.text, mode="report",
                       start=phrase.start_char, end=phrase.end_char)

    # --- claims -------------------------------------------------------------------------
    def speaker(self, span: Span) -> Optional[Speaker]:
        """The speaker of the claim whose quantity is ``span``; None in the article's own voice."""
        # the attribution whose content holds the figure decides (the outermost of nested ones)
        sp = self._from_pass(span)
        walked = self._walk(span)
        if sp is not None:
            block = self._block_over(span, sp)
            if block is not None:
                return block
            # the same mention read by the walk also carries its title and the outlet spoken to
            return walked if walked is not None and walked.start == sp.start else sp
        # the walk reads the cues the pass does not list ("in a poll", "by X's count"); a cue the
        # pass does list does not speak for a figure before it and outside its content, in its
        # source or an opening adverbial ("During her 12 years in office, Vell said ...")
        if walked is not None and not _in_background(span):
            cue_at = self._listed_cue(walked)
            if cue_at is not None and span.end_char <= cue_at:
                return None
        return walked

    def _block_over(self, span: Span, inner: Speaker) -> Optional[Speaker]:
        """The speaker of a paragraph introduced by "Orme wrote:" (or of a transcript turn) when a
        cue inside that paragraph holds the figure: "Orme wrote:\\n\\nI think the survey shows rents
        up 6%." -> Orme, the outermost reporter, as for a quotation. None otherwise."""
        if inner.start is None or self._post_at(span.start_char, span.end_char) is not None:
            return None
        block = self._colon_block(span)
        if block is None or block.start is None or block.start >= inner.start:
            return None
        para = self.text.rfind("\n", 0, span.start_char) + 1
        if inner.start < para or (block.start >= para and inner.start < (block.end or block.start)):
            return None  # the inner source stands before the block: not inside it
        if block.cue != ":":
            # the introducer is the subject of its sentence's cue, not a name in an aside ("here is a
            # clip of Ada Vell, who described the flood:" introduces no words of hers)
            src = self.doc.char_span(block.start, block.end or block.start + 1, alignment_mode="expand")
            if src is None or src.root.dep_ not in ("nsubj", "nsubjpass") or src.root.head.dep_ == "relcl":
                return None
        return block

    def _listed_cue(self, sp: Speaker) -> Optional[int]:
        """Where the cue of the pass's attribution with ``sp``'s source mention and cue is; None
        when the pass lists none."""
        self._index_pass()
        return self._pass_cues.get((sp.start, sp.cue))

    def _index_pass(self) -> None:
        """The pass's content spans by start, and its (source, cue) pairs, built once."""
        if self._pieces is None:
            atts = self.attributions()
            self._pieces = sorted(((x, y, a) for a in atts for x, y in a.content), key=lambda p: p[0])
            self._piece_starts = [p[0] for p in self._pieces]
            self._pass_cues = {(a.source_start, a.cue): a.cue_start for a in atts}

    def _from_pass(self, span: Span) -> Optional[Speaker]:
        """The speaker of the outermost attribution whose content holds ``span``."""
        if _in_background(span):
            return None
        self._index_pass()
        holding: list[Attribution] = []
        said_by_respondents: list[Attribution] = []
        k = bisect_right(self._piece_starts, span.start_char)
        # a content span lies within a sentence or a quotation: look back a bounded stretch only
        while k > 0 and self._pieces[k - 1][0] >= span.start_char - 2 * _MAX_QUOTE:
            k -= 1
            x, y, a = self._pieces[k]
            if not (x <= span.start_char and span.end_char <= y):
                continue
            src = self.doc.char_span(a.source_start, a.source_end, alignment_mode="expand")
            if src is not None and _respondents(src):
                said_by_respondents.append(a)
                continue  # "four in ten said ...": respondents, whose words the walk has weighed
            holding.append(a)
        # "four in ten said they think ...": a cue inside what respondents said is theirs too
        holding = [a for a in holding
                   if not any(s <= a.cue_start < e for r in said_by_respondents for s, e in r.content)]
        if not holding:
            return None
        # nested reports: one whose cue lies in another's content is inside it ("Vell said 40 were
        # hired according to the plan" -> Vell); the outermost reporter speaks
        # an aside with a cue of its own inside another's content speaks for itself there
        outer = [a for a in holding if not any(b is not a and self._nested(a, b) is True for b in holding)
                 and not any(b is not a and self._nested(b, a) is None for b in holding)] or holding
        best = min(outer, key=lambda a: a.content[0][0])
        return Speaker(name=best.speaker, type=best.speaker_type, cue=best.cue, mode=best.mode,
                       start=best.source_start, end=best.source_end)

    def _nested(self, a: Attribution, b: Attribution) -> Optional[bool]:
        """Whether ``a`` is reported inside ``b``: its cue lies in ``b``'s content (of two that hold
        each other's cues, the later cue is inside). None when the cue lies there in an aside of
        its own ("the rules, which the union, which claims “...”, disputes": a third party the
        outer reporter does not report)."""
        def holds(x: Attribution, y: Attribution) -> bool:
            return any(s <= x.cue_start < e for s, e in y.content)
        if not holds(a, b):
            return False
        if holds(b, a):
            # "..., with 56 percent ..., according to a poll.": an "according to" closing the
            # sentence reports all of it; else the earlier cue is the outer one
            if self._closing_according(a) != self._closing_according(b):
                return self._closing_according(b)
            if a.cue_start < b.cue_start:
                return False
        cue = self.doc.char_span(a.cue_start, a.cue_end, alignment_mode="expand")
        if cue is None:
            return True
        if cue.root.dep_ == "relcl" and min(s for s, _ in a.content) < a.cue_start:
            return True  # "said the $18 million he says he raised": the head's gap, inside the outer report
        cur, hops = cue.root, 0
        while cur.head.i != cur.i and hops < 30 and not (b.cue_start <= cur.idx < b.cue_end):
            if cur.dep_ == "relcl" or (cur.dep_ == "acl" and any(c.dep_ == "nsubj" for c in cur.children)):
                return None  # "said the crowd that organizers put at 3,000 ...": the organizers'
            cur, hops = cur.head, hops + 1
        return True

    def _closing_according(self, a: Attribution) -> bool:
        """An "according to X" after a comma or a dash that closes its sentence."""
        if a.mode != "according_to" or a.cue != "according to":
            return False
        cue = self.doc.char_span(a.cue_start, a.cue_end, alignment_mode="expand")
        src = self.doc.char_span(a.source_start, a.source_end, alignment_mode="expand")
        if cue is None or src is None:
            return False
        sent = _sent(cue[0])
        return cue.start > sent.start and self.doc[cue.start - 1].text in (",", "—", "–", "--") \
            and all(t.is_punct or t.is_space for t in self.doc[src.root.right_edge.i + 1:sent.end])

    def _walk(self, span: Span) -> Optional[Speaker]:
        post = self._post_at(span.start_char, span.end_char)
        if post is not None:
            return self._post_speaker(post)
        q = self._quote_at(span.start_char, span.end_char)
        if q is not None and q.speaker is not None:
            return q.speaker
        block = self._colon_block(span) or self._headline_tag(span)
        if block is not None:
            return block
        # a quotation nobody is named for (a title, scare quotes, an unclosed mark) is read like
        # the article's own text: the cues of its sentence decide
        sent = _sent(span[0])
        # reporting verbs above the number
        head = span.root
        cur, hops, aside = head, 0, False
        below = below2 = head  # the last three steps of the walk, nearest first
        pending: Optional[Speaker] = None
        pending_belief = False  # "said that ... and that the Chamber thinks 6 million ...": the one who said
        pending_share = False  # "67 percent said ...": respondents, whose poll may be named in the sentence
        share_said = False
        while cur.head.i != cur.i and hops < 30:
            # "Ortiz, who has zero endorsements, said ...": a relative clause on the source, which the
            # parser hung under the cue, is the writer's aside; one inside the reported clause ("said
            # exports, which grew 9%, would slow") is part of the report
            if _misread_relative(cur) is not None or _background_aside(cur):
                aside = True
            if pending is not None and cur.dep_ in _MODIFIER_DEPS \
                    and not (cur.dep_ == "conj" and _verbal(cur) and pending_belief):
                break  # "told a rally that the team estimated at 2,000": the inner cue modifies a noun
            below3, below2, below = below2, below, cur
            cur = cur.head
            hops += 1
            lem = cur.lemma_.lower()
            free = _free_relative_cue(cur) if pending is None and cur.pos_ in ("VERB", "AUX") else None
            if free is not None and (src := _source_of(free, (span.start_char, span.end_char))) is not None:
                pending = self._mention(src, free.text, "indirect", self._via(free))
            owner = _forecast_owner(cur, below) if pending is None and cur.pos_ in ("VERB", "AUX") else None
            if owner is not None and not (span.start <= owner.i < span.end):
                pending = self._mention(owner, cur.text, "indirect") or pending
            # (a content clause the parser took for a relative one keeps "that" as its mark and has no
            # gap: "a Ledger report that Pike lost $9 million", not "a report that 40 clerks wrote")
            if pending is None and cur.pos_ == "NOUN" and lem in _CLAIM_NOUNS \
                    and (below.dep_ in ("acl", "ccomp") or (below.dep_ == "relcl" and _no_gap(below))) \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
                # "Quarle's repeated claim that only 1 percent ...", "the report's finding that ...": a
                # claim noun with a content clause is its owner's report
                poss = [c for c in cur.children if c.dep_ == "poss" and _can_speak(c)]
                # "said in a statement that 40 ...": an unowned record under a cue is the cue's own
                # channel, and the cue's subject reports
                channel = cur.dep_ == "pobj" and cur.head.head.lemma_.lower() in _ATTR_LEMMAS
                who = poss[0] if poss else (cur if lem in _DOC_NOUNS and not channel else None)
                if who is not None and not (span.start <= who.i < span.end):
                    pending = self._mention(who, cur.text, "indirect")
            if lem in _SPEECH and below.dep_ == "nsubj":
                # "Two in three said ..., and one in four said ...", "520 delegates have said ..., 39 have
                # said ...": a figure among those who say is a poll's result, not another share's words
                share_said = True
            # "she is proposing $275 billion", "Clinton pointed to the nine times ...": the figure is
            # what the speaker puts forward
            put_forward = (lem in _OBJECT_CUES and (below.dep_ == "dobj" or (below.dep_ == "prep"
                                                                          and below.lower_ == "for"))) \
                or (lem in _POINT_TO and below.dep_ == "prep" and below.lower_ == "to") \
                or (below.dep_ == "prep" and below.lower_ in _ACCUSE.get(lem, ())) \
                or (below.dep_ == "dobj" and below2.dep_ == "prep" and below2.head.i == below.i
                    and below2.lower_ in _ACCUSE.get(lem, ())) \
                or (lem in _CLAUSE_CUES and below.dep_ == "ccomp")  # "accused China of ...", "agreed that ..."
            if _verbal(cur) and (lem in _SPEECH or lem in _EVIDENCE or put_forward
                                                or (lem in _INTENT and (below.dep_ in ("xcomp", "ccomp")
                                                                        or (below.dep_ == "prep" and below.lower_ == "for")
                                                                        or _for_clause(below)))):
                if below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
                    continue  # "wrote that he was honored and set the bidding at $5,000": a deed beside the report
                if below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") and _contrast_conj(below):
                    continue  # "Critics share the worry, but the club, which has 900 members, wants ...": its own clause
                src = _source_of(cur, (span.start_char, span.end_char))
                record = src is not None and _is_evidence_source(src, lem)
                if lem in _NEEDS_AT and not any(c.dep_ == "prep" and c.lower_ in _NEEDS_AT[lem] for c in cur.children) \
                        and not record:
                    # "put him in the Cabinet" is no estimate; "put the cost at $5 million", "lists his
                    # wealth at $6.5 billion" and "estimates put the total nearer to 31,000" are
                    continue
                if below.dep_ == "dobj" and _released_count(cur, below):
                    continue  # "the port released 2,400 pages of minutes": the writer's count of them
                if below.dep_ == "dobj" and _can_expect(cur):
                    continue  # "retirees can expect $40 more a month": what they will get, not a belief
                if below.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _ADVERBIAL_MARKS
                                                 for c in below.children):
                    continue  # "Trump said in August after Crumbco announced 600 layoffs": Crumbco's, not his
                if lem not in _NEEDS_AT and setting_prep(below) and below2.dep_ == "pobj":
                    # "said at a rally of 5,000", "told reporters during a visit to 12 schools": when or
                    # where the words came; a valuation's period is its content ("puts fuel use during
                    # the first three quarters at 12 million gallons")
                    continue
                if below.dep_ == "advcl" and _manner_participle(below, cur):
                    continue  # "“We won,” Vell said, gazing at hundreds of fans": how she spoke, the writer's
                if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in below.children) \
                        and (pending is not None or share_said
                             or (below.i < cur.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children))):
                    # "While one firm says there are 2,400, another says ...": the first firm's; "Though
                    # the plan adds $4 billion, one study found ...": the writer's concession
                    break
                gerund = below.dep_ == "prep" and (any(c.dep_ == "pcomp" for c in below.children)  # "admitted to taking"
                                                   or (lem in _INTENT and below.lower_ == "for"))  # "asked for $1.9 billion"
                # "responded by cutting 12 routes": a means is a deed, unless it is a cue ("replied by saying")
                gerund = gerund and not (below.lower_ == "by" and not any(
                    c.dep_ == "pcomp" and c.lemma_.lower() in _ATTR_LEMMAS for c in below.children))
                # "said in a written note that the vote will be a three-way contest": the clause hangs on the noun
                in_statement = below.dep_ == "prep" and below2.dep_ == "pobj" and below3.dep_ in ("acl", "relcl") \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in below3.children)
                # "The cable indicated 13 officers would be needed": what a record indicates is its report
                record_object = below.dep_ == "dobj" and lem in _SHOWING and record
                if lem in _CONTENT_ONLY and below.dep_ not in _CONTENT_DEPS and not gerund and not put_forward \
                        and not in_statement and not record_object and not _split_subject(below):
                    continue  # "the plan adds 45 officers": the figure is the verb's object, not its report
                if src is not None and _is_share(src) and (share_said or _is_share_claim(span)):
                    if pending is not None and pending.start is not None \
                            and self.text[pending.start:pending.end].lower() in ("they", "we"):
                        pending_share = True  # "53 percent said they think ...": still the respondents
                    continue  # respondents speak for what they say, never for another share of the poll
                if src is not None and src.i not in range(span.start, span.end) \
                        and not (_is_under(head, src) and _is_under(src, cur)):
                    if _past_dash(cur, span) and _trailing_cue(cur):
                        return pending  # "..., the office reported -- a development that 3 ...": the writer's
                    if aside and not (pending is None and _trailing_cue(cur)):
                        # "..., which was valued at $62.5 billion, ...": the article's aside; under a
                        # cue that closes the sentence ("..., the AP reported.") all of it is reported
                        return pending or self._according_to(sent, trailing_only=True, span=span)
                    if lem in _SPEECH or lem in _INTENT or put_forward or record \
                            or (lem in _FINDING and below.dep_ == "ccomp" and _can_speak(src)):
                        sp = _at_pronoun(self._mention(src, cur.text, "indirect", self._via(cur)), cur, src)
                        if sp is not None:
                            # "officials say they found 90 more", "the chief said China expects 6.5%":
                            # the reporter above who tells the reader wins
                            pending, pending_belief, pending_share = sp, lem in _BELIEF, _is_share(src)
        if pending is not None:
            # "X previously reported, the foundation refused to release 1,076 names": a cue closing
            # the sentence reports all of it
            trailing = self._sentence_cue(span, head, trailing_only=True) or self._according_to(sent, trailing_only=True, span=span)
            if trailing is None and pending_share:
                # "67 percent said they ... in a Post-ABC poll": respondents answer the poll, which reports it
                trailing = self._according_to(sent, span=span) or self._in_source(sent, span)
            return trailing or pending
        sp = self._according_to(sent, span=span)
        if sp is not None:
            return sp
        sp = self._in_source(sent, span)
        if sp is not None:
            return sp
        # "by X's count"
        for t in self._sent_toks(sent, "by"):
            for o in t.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in _COUNT_NOUNS:
                    poss = [c for c in o.children if c.dep_ == "poss"]
                    if poss:
                        sp = self._mention(poss[0], f"by {o.text}", "according_to")
                        if sp is not None:
                            return sp
        # "..., records show, ...": a showing verb the tagger took for a noun, set off by commas
        for t in self._sent_toks(sent, "show"):
            sp = self._noun_show(t, span)
            if sp is not None:
                return sp
        return self._sentence_cue(span, head) or self._tail_cue(span) or self._after_colon(span) \
            or self._colon_lead(span) or self._headline_speaker(span)

    def _sent_toks(self, sent: Span, key: str) -> list[Token]:
        """The tokens of ``sent`` that one look-up scans (``_SENT_FILTERS[key]``), found once per
        sentence: every claim of a sentence asks the same questions of it."""
        k = (sent.start, key)
        got = self._stoks.get(k)
        if got is None:
            keep = _SENT_FILTERS[key]
            got = self._stoks[k] = [t for t in sent if keep(t)]
        return got

    def _headline_tag(self, span: Span) -> Optional[Speaker]:
        """ "Storm cuts power to 40,000 homes: report": a line that closes on a colon or dash and a
        source word credits that source with all of it."""
        sent = _sent(span[0])
        if sent.start not in self._tags:
            self._tags[sent.start] = self._sentence_tag(sent)
        return self._tags[sent.start]

    def _sentence_tag(self, sent: Span) -> Optional[Speaker]:
        doc, k, tail = self.doc, sent.end - 1, []
        while k >= sent.start and len(tail) < 2:  # the last two words first: most sentences end otherwise
            if not doc[k].is_space:
                tail.append(doc[k])
            k -= 1
        if len(tail) < 2 or tail[0].lower_ not in _HEADLINE_TAGS or tail[1].text not in (":", "-", "—", "–", "|"):
            return None
        toks = self._sent_toks(sent, "words")
        if len(toks) < 4:
            return None
        line_end = self.text.find("\n", sent.start_char)
        if line_end >= 0 and self.text[sent.end_char:line_end].strip():
            return None  # the tag closes the whole line, not a sentence inside a paragraph
        tag = toks[-1]
        stype = "document" if tag.lower_ in _DOC_NOUNS else "anonymous"
        return Speaker(name=tag.text, type=stype, cue=toks[-2].text, mode="report", start=tag.idx,
                       end=tag.idx + len(tag))

    def _tail_cue(self, span: Span) -> Optional[Speaker]:
        """ "..., fundraising documents show." / "..., O'Dowd notes.": a sentence that closes on a
        comma, a short noun phrase and a cue word, however the parser read those words."""
        sent = _sent(span[0])
        toks = self._sent_toks(sent, "content")
        if len(toks) < 4 or span.end > toks[-1].i:
            return None
        cue = toks[-1]
        lem = cue.lemma_.lower()
        if cue.lower_ in _SHOW_FORMS:
            lem = "show"
        if not (lem in _SPEECH or lem in _EVIDENCE) or cue.text[:1].isupper():
            return None
        k = cue.i - 1
        while k > sent.start and cue.i - k <= 5 and self.doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "PART", "VERB") \
                and self.doc[k].text not in (",", "—", "–"):
            k -= 1
        if self.doc[k].text not in (",", "—", "–") or k + 1 >= cue.i or k < span.end - 1:
            return None
        src = self.doc[cue.i - 1]
        if not _can_speak(src) or src.pos_ == "VERB":
            return None
        if lem not in _SPEECH and not _is_evidence_source(src, lem):
            return None
        sp = self._mention(src, cue.text, "indirect")
        if sp is not None and sp.type == "document":
            phrase = self.doc[k + 1:cue.i]  # "fundraising documents", whichever word the parser made the head
            sp = replace(sp, name=phrase.text, start=phrase.start_char, end=phrase.end_char)
        return sp

    def _after_colon(self, span: Span) -> Optional[Speaker]:
        """ "A study noted that more renters now want to own: 70 percent believe ...": the
        clause after a colon goes on with what the cue before it reports."""
        doc = self.doc
        sent = _sent(span[0])
        colons = [t for t in self._sent_toks(sent, "colon") if t.i < span.start]
        if not colons:
            prev = sent.start - 1  # a colon closing a paragraph (a space token after it) is the colon block's
            if prev < 1 or doc[prev].text != ":":
                return None
            colon = doc[prev]
            sent_before = _sent(colon)
        else:
            colon = colons[-1]
            sent_before = sent
        lead = [t for t in sent_before if t.i < colon.i]
        for t in reversed(lead):
            lem = t.lemma_.lower()
            if not _verbal(t) or not (lem in _SPEECH or lem in _EVIDENCE):
                continue
            deps = ("ccomp", "xcomp", "dobj") if lem in _EVIDENCE else ("ccomp", "xcomp")  # "shows a divide: ..."
            comp = [c for c in t.children if c.dep_ in deps and c.i < colon.i]
            if not comp or comp[-1].right_edge.i < colon.i - 1:
                continue  # the reported clause must run up to the colon
            src = _source_of(t)
            if src is None or src.i >= colon.i:
                return None
            if lem not in _SPEECH and lem not in _INTENT and lem not in _OBJECT_CUES and not _is_evidence_source(src, lem):
                return None
            return self._mention(src, t.text, "indirect", self._via(t))
        return None

    def _in_source(self, sent: Span, span: Span) -> Optional[Speaker]:
        """ "at 45% in the newest Harbor Times poll", "In a poll out on Sunday, 8 percent ...":
        the nearest such source of the sentence, so coordinated figures keep their own poll."""
        found = []
        for c in self._sent_toks(sent, "in_from"):
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                poss = [p for p in o.children if p.dep_ == "poss"]
                if c.lower_ == "from" and c.head.lemma_.lower() in _BASELINE_HEADS:
                    continue  # "a 96% drop from last year's monthly average": a baseline, not a source
                if o.lemma_.lower() in _IN_SOURCES or o.lower_ in _IN_SOURCES:
                    source = o
                elif c.lower_ == "in" and o.lemma_.lower() in _VIEW_NOUNS and poss:
                    source = poss[0]  # "in Boltwood's view": the owner
                else:
                    continue
                gap = c.idx - span.end_char if c.idx >= span.end_char else span.start_char - (o.idx + len(o))
                found.append((abs(gap), c, source))
        for _, c, o in sorted(found, key=lambda x: x[0]):
            if o.dep_ == "poss":
                sp = self._mention(o, f"in {o.head.text}", "according_to")
            else:
                sp = self._mention(o, f"{c.text} {o.text}", "report")
            if sp is not None:
                return sp
        return None

    def _according_to(self, sent: Span, trailing_only: bool = False, span: Optional[Span] = None) -> Optional[Speaker]:
        """ "according to X"; with ``trailing_only``, only one that closes the sentence after a comma
        ("..., which stood at 263, according to the AP."), which reports all of it."""
        doc = self.doc
        for t in self._sent_toks(sent, "according"):
            if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                to = doc[t.i + 1]
                objs = [o for o in to.children if o.dep_ == "pobj"]
                if not objs:
                    continue
                if span is not None and objs[0].left_edge.i <= span.start and span.end <= _source_end(objs[0]):
                    continue  # "according to the firm, which was valued at $3 billion, ...": the writer's aside
                scope = self._according_scope(t, sent) if span is not None else sent
                if span is not None and not scope.start <= span.start < scope.end:
                    continue  # "a man who, according to police, had 3 priors": the relative clause only
                dash = _aside_dash(t, objs[0], scope)
                if span is not None and dash is not None and span.start > dash.i:
                    continue  # "..., according to the Lorne Center - half its budget": the writer's aside
                if trailing_only and not (t.i > sent.start and doc[t.i - 1].text in (",", "—", "–", "--")
                                          and all(x.is_punct or x.is_space for x in doc[objs[0].right_edge.i + 1:sent.end])):
                    continue
                sp = self._mention(objs[0], "according to", "according_to")
                if sp is not None:
                    if sp.type == "document":
                        return sp
                    return Speaker(name=sp.name, type=sp.type, cue="according to", mode="according_to",
                                   title=sp.title, via=sp.via, start=sp.start, end=sp.end)
        return None

    def _according_scope(self, according: Token, sent: Span) -> Span:
        """What an "according to" reports: its sentence, or less when it sits inside a quotation
        ("... 987 subsidiaries, according to its website.''") or a relative clause ("three cases: a
        man who, according to police, ...")."""
        doc = self.doc
        q = self._quote_at(according.idx, according.idx + 1)
        if q is not None:
            inner = doc.char_span(q.start, q.end, alignment_mode="contract")
            if inner is not None and (inner.start > sent.start or inner.end < sent.end):
                return doc[max(inner.start, sent.start):min(inner.end, sent.end)]
        cur, hops = according, 0
        while cur.head.i != cur.i and hops < 30:
            cur = cur.head
            hops += 1
            if cur.dep_ in ("relcl", "acl") and cur.pos_ in ("VERB", "AUX"):
                return doc[cur.left_edge.i:cur.right_edge.i + 1]
        return sent

    def _sentence_cue(self, span: Span, head: Token, trailing_only: bool = False) -> Optional[Speaker]:
        """A reporting verb of the sentence not above the number: "..., officials said." as parataxis."""
        for t in self._sent_toks(_sent(span[0]), "cue_verb"):
            lem = t.lemma_.lower()
            if _is_under(t, head):
                continue
            if lem in _NEEDS_AT and not any(c.dep_ == "prep" and c.lower_ in _NEEDS_AT[lem] for c in t.children):
                continue
            if lem in _CONTENT_ONLY and any(c.dep_ == "dobj" and not (span.start <= c.i < span.end) for c in t.children) \
                    and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
                continue  # "their smiles said a lot": the verb's object is what it says
            trailing = _trailing_cue(t) or _leading_cue(t) or _opening_cue(t) \
                or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                              for c in t.children))  # "As X noted, ..."
            if not (t.dep_ == "parataxis" or (t.dep_ == "ROOT" and t.i > head.i) or trailing):
                continue
            if trailing_only and not (trailing or t.dep_ == "parataxis"):
                continue
            if _past_dash(t, span) and not (t.dep_ == "parataxis" and t.head.i > t.i):
                # (a cue set off inside the clause it reports, "Fees, the board found, would cover half
                # the cost — $2 million", reports the dash's apposition too)
                continue  # "..., the office reported -- a development that 3 ...": the writer's aside
            if t.dep_ == "ROOT" and not trailing and any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
                continue
            src = _source_of(t, (span.start_char, span.end_char))
            if src is not None and lem not in _SPEECH and not _is_evidence_source(src, lem) \
                    and not (lem in _FINDING and t.dep_ == "parataxis" and src.pos_ in ("NOUN", "PROPN")):
                continue  # ("Fees, the board found, would ...": a finder set off inside its finding speaks)
            if src is not None:
                sp = self._mention(src, t.text, "indirect", self._via(t))
                if sp is not None:
                    return sp
        return None

    def _colon_block(self, span: Span) -> Optional[Speaker]:
        """ "Varnholt argued that:" closing a paragraph, or a transcript label ("Mathison: ...")
        opening one: the paragraph that follows, or the labelled one, is that speaker's."""
        text = self.text
        para = text.rfind("\n", 0, span.start_char) + 1
        sp = self._label_speaker(para)
        if sp is not None and span.start_char > (sp.end or 0):
            return sp
        sp = None
        label = _LABEL.match(text, para, para + 60)
        if label is not None and _tally_line(self.doc, label.end(), span):
            label = None  # "Tamsin Vell: 2,316 delegates": a tally under a name, nobody's words
        if label is not None and span.start_char > label.end() and not _POSSESSIVE.search(label.group(1)):
            tok = self.doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
            if tok is not None:
                ent = _entity_of(tok[-1])
                if ent is not None and ent.label_ == "PERSON":
                    sp = self._person_label(ent)
                elif tok[-1].text in self.full and self.full[tok[-1].text] not in _OUTLETS:
                    t = tok[-1]
                    sp = Speaker(name=self.full[t.text], type="person", cue=":", mode="direct",
                                 start=t.idx, end=t.idx + len(t))
                elif tok[-1].text.isupper() and len(tok[-1].text) > 2:
                    # "HARWICK: ..." in a transcript: a capitalised label of a person named before
                    t = tok[-1]
                    full = self.full.get(t.text.capitalize())
                    if full is not None and " " in full and full not in _OUTLETS:
                        sp = Speaker(name=full, type="person", cue=":", mode="direct", start=t.idx, end=t.idx + len(t))
        if sp is None and para > 0:
            # the paragraph before, looked at only near its end: this runs for every claim
            window = text[max(0, para - 300):para]
            before = window.rstrip()
            if before.endswith(":") and window.count("\n", len(before)) <= 3:
                sp = self._colon_before(para)
        return sp

    def _person_label(self, ent: Span) -> Speaker:
        """A name labelling what follows its colon; a headline run into it is cut off at a dash."""
        dash = [t.i for t in ent if t.text in ("-", "—", "–", "|")]
        person = self.doc[dash[-1] + 1:ent.end] if dash else ent
        return Speaker(name=self._resolve_person(_clean_name(person.text), person.start_char), type="person", cue=":",
                       mode="direct", start=person.start_char, end=person.end_char)

    def _headline_speaker(self, span: Span) -> Optional[Speaker]:
        """The speaker of a headline's lead cue ("Harbor Board Confirms 40 Layoffs") for a figure
        after the cue and before any clause of the writer's ("... as crews cut 300 jobs")."""
        line = self.text.rfind("\n", 0, span.start_char) + 1
        lead = self._headline_lead(line)
        if lead is None:
            return None
        sp, cue, stop = lead
        return sp if cue.idx < span.start_char and span.end_char <= stop else None

    def _headline_lead(self, line: int) -> Optional[tuple[Speaker, Token, int]]:
        """A headline line that opens with a name and a present-tense cue verb, however the parser
        read it: the speaker, the cue token and the offset where what it reports ends."""
        if line in self._leads:
            return self._leads[line]
        self._leads[line] = None
        end = self.text.find("\n", line)
        end = len(self.text) if end < 0 else end
        words = self.text[line:end].strip()
        if not words or len(words) > 160 or words[-1] in ".!?;" or self._in_quote(line + 1):
            return None
        span = self.doc.char_span(line, end, alignment_mode="expand")
        toks = [t for t in span if not t.is_space] if span is not None else []
        for k in range(1, min(6, len(toks) - 1)):
            verb = toks[k]
            low = verb.lower_
            stems = [low[:-1]] + ([low[:-2]] if low.endswith("es") else []) \
                + ([low[:-3] + "y"] if low.endswith("ies") else [])
            lem = next((x for x in stems if low.endswith("s") and x in _HEADLINE_CUES), None)
            if lem is None:
                continue
            name = toks[:k]
            if not all(t.text[:1].isupper() or t.is_punct for t in name) or not name[-1].is_alpha:
                return None  # the words before the cue must be a name: "Harbor Board", "ICE"
            need = _HEADLINE_CUES[lem]
            rest = toks[k + 1:]
            if rest and rest[0].pos_ == "AUX":
                return None  # "Turnout Estimates Are Shaky": a noun before its own verb, no cue
            if "doc" in need:
                if not (_is_evidence_source(name[-1]) or name[-1].lemma_.lower() in _DOC_NOUNS):
                    return None
            elif need:
                if not any(t.lower_ in need for t in rest[:8]):
                    return None
            stop = next((t.idx for t in rest if t.lower_ in _HEADLINE_MARKS), end)
            sp = self._mention(name[-1], verb.text, "indirect")
            if sp is None or sp.name.lower() in _PRONOUN_NAMES:
                return None
            self._leads[line] = (sp, verb, stop)
            return self._leads[line]
        return None

    def _colon_lead(self, span: Span) -> Optional[Speaker]:
        """ "Poll: 3 Council races are tight" / "Gingold: Trump must pick a running mate": a
        headline-style line that opens with a name or a poll and a colon."""
        sent = _sent(span[0])
        line_start = self.text.rfind("\n", 0, sent.start_char) + 1
        if self.text[line_start:sent.start_char].strip():
            return None
        colon = next((t for t in sent[:6] if t.text == ":"), None)
        if colon is None or colon.i <= sent.start or span.start <= colon.i:
            return None
        lead = self.doc[sent.start:colon.i]
        rest = self.doc[colon.i + 1:sent.end]
        if not all(t.text[:1].isupper() or t.is_punct for t in lead):
            return None
        last = lead[-1]
        lemma = last.lemma_.lower()
        if lemma in _DOC_NOUNS and len(lead) <= 3:
            # "Poll: 52% back the plan", "Survey: Quist 41%, Brandle 38%": a record's figures, verb or not
            return Speaker(name=lead.text, type="document", cue=":", mode="report",
                           start=lead.start_char, end=lead.end_char)
        if len(rest) and rest[0].like_num and not any(_clause_verb(t) for t in rest):
            return None  # "Clinton: 2,316 delegates", a tally line, reports nothing
        ents = [e for e in self._ents_in(lead.start, lead.end) if e.start == lead.start and e.end == lead.end]
        if (ents and ents[0].label_ in ("PERSON", "ORG")) or (len(lead) == 1 and lead.text in self.full):
            return self._mention(last, ":", "indirect")
        return None


def _source_end(src: Token) -> int:
    """The token after a source phrase: "According to the Ledger, 38 of the 90 towns raised
    fares": a figure after the comma is the reported clause's subject, however the parser made it
    an apposition of the source."""
    doc = src.doc
    verb = src.head.head.head if src.head.dep_ == "prep" and src.head.head.dep_ == "prep" else src
    nums = [c.left_edge.i for c in src.children if c.dep_ == "appos" and c.i > src.i
            and doc[c.left_edge.i - 1].text == ","
            and (c.left_edge.like_num or c.left_edge.tag_ in ("CD", "$")
                 # "According to the Trust, daily walking – even 15 minutes – cuts risk": an
                 # "apposition" that runs into the verb the "according to" hangs on is its subject
                 or (verb.i > c.right_edge.i and verb.pos_ in ("VERB", "AUX") and verb.i - c.right_edge.i <= 2
                     and all(t.is_punct and t.text != "," for t in doc[c.right_edge.i + 1:verb.i])))]
    return nums[0] - 1 if nums else src.right_edge.i + 1


def _colon_clause(verb: Token) -> bool:
    """A clause that closes on a colon before what it introduces ("Vell scolded him: “...,” she
    said"): a main clause, however the parser hung it on the words after the colon."""
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.i <= verb.i:
        return False
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.head.i, verb.i + 10)):
        if doc[i].text == ":":
            return True
        if doc[i].pos_ in ("VERB", "AUX"):
            return False
    return False


def _clause_verb(t: Token) -> bool:
    """A verb that makes a clause, not a participle on a noun ("2,316 pledged delegates")."""
    return t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound")


def _in_background(span: Span) -> bool:
    """Whether ``span`` lies in a background relative clause (see ``_background_aside``)."""
    cur, hops = span.root, 0
    while cur.head.i != cur.i and hops < 30:
        if _background_aside(cur):
            return True
        cur = cur.head
        hops += 1
    return False


def _background_aside(clause: Token) -> bool:
    """ "..., where she trailed by 2 points", "Judge Amos Vell, who served for nearly nine years":
    a relative clause set off by a comma on a name, or one that opens with "where"/"when", gives
    the writer's background even inside a report; one on a common noun ("exports, which grew 9%")
    is part of the report."""
    if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX") or not _non_restrictive(clause):
        return False
    head = clause.head
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT"):
        return True
    return any(c.lower_ in ("where", "when") and c.dep_ == "advmod" for c in clause.children)


def _manner_participle(clause: Token, verb: Token) -> bool:
    """ "..., Vell said, gazing at hundreds of fans", "he said, speaking for nine minutes": a
    participle set off after the cue that tells how or where the speaker spoke, in the writer's
    voice; one that is a cue itself ("adding that ...", "citing 40 cases") or names an aim
    ("seeking to raise $5 million") still reports."""
    doc = clause.doc
    lem = clause.lemma_.lower()
    return clause.tag_ == "VBG" and clause.i > verb.i and clause.left_edge.i > verb.i \
        and doc[clause.left_edge.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "xcomp") for c in clause.children) \
        and lem not in _ATTR_LEMMAS and lem not in _POINT_TO \
        and not any(c.dep_ == "prep" and c.lower_ in _ACCUSE.get(lem, ()) for c in clause.children)


def _released_count(verb: Token, obj: Token) -> bool:
    """ "released 2,400 pages of minutes", "is releasing a 60-second spot", "released 40 detainees": a
    number that counts or measures what is released is the writer's count of it; what the
    release says ("released data showing 40 arrests", "released earnings of $2 a share") still
    reports."""
    return verb.lemma_.lower() in _RELEASE and any(
        c.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and any(t.like_num for t in c.subtree)
        for c in obj.children)


def _contrast_conj(clause: Token) -> bool:
    """A coordinated clause with its own subject after "but", "yet" or "while", beside a verb
    whose report is a noun ("share these worries, but the guild wants ..."): a new assertion,
    not part of what that verb reports."""
    doc = clause.doc
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i]
    deps = {c.dep_ for c in clause.head.children}
    if not subj or "dobj" not in deps or deps & {"ccomp", "xcomp"}:
        return False  # "said sales rose, but costs climbed 5%" may go on with the report
    i = subj[0].left_edge.i - 1
    return i > 0 and doc[i].lower_ in ("but", "yet", "while", "whereas")


def _tally_line(doc: Doc, label_end: int, span: Span) -> bool:
    """ "Tamsin Vell: 2,316 delegates": the words after a label's colon open with the number and the
    rest of the line holds no verb."""
    if span[0].idx - label_end > 1:
        return False
    k = span.start
    while k < len(doc) and not doc[k].is_space:
        if _clause_verb(doc[k]):
            return False
        if "\n" in doc[k].whitespace_:
            break
        k += 1
    return True


def _record(text: str, sp: Speaker, cue: str, cue_start: int, cue_end: int, mode: str,
            content: list[tuple[int, int]]) -> Attribution:
    """An Attribution from a resolved speaker, its cue and the spans it reports."""
    return Attribution(source=text[sp.start:sp.end], source_start=sp.start, source_end=sp.end,
                       speaker=sp.name, speaker_type=sp.type, cue=cue, cue_start=cue_start, cue_end=cue_end,
                       mode=mode, content=tuple(content))


def _reported(verb: Token) -> bool:
    """Whether a cue verb sits inside what another cue reports ("it expected the bureau to post
    ..."): its source is a reported party, not a speaker of the article."""
    cur, hops = verb, 0
    while cur.head.i != cur.i and hops < 12:
        # a complement after its cue; one before it ("X confirmed ...; he adds that ...") is a misparse
        if cur.dep_ in ("ccomp", "xcomp") and cur.head.i < cur.i and cur.head.lemma_.lower() in _CUE_LEMMAS:
            return True
        cur = cur.head
        hops += 1
    return False


def _table_worthy(sp: Speaker, src: Token, plural: bool) -> bool:
    """A source the entity table keeps: a person, a named or definite organisation, an outlet, a
    document, a plural group ("officials") or a person noun ("the analyst"); not a phrase such as
    "murders across the state" that only holds a name."""
    if sp.type in ("person", "outlet", "document"):
        return True
    lemma = src.lemma_.lower()
    if sp.type == "organization":
        return src.pos_ in ("PROPN", "PRON") or src.ent_type_ in ("ORG", "NORP", "GPE") \
            or lemma in _ORG_ANAPHORS or lemma in _ORG_WORDS
    return plural or lemma in _ANON or src.text in _TITLES or src.text.capitalize() in _TITLES


def _propn_names(doc: Doc, covered: set[int]) -> list[tuple[str, int]]:
    """Two or more capitalised PROPN tokens after any title words: names the NER missed."""
    out = []
    for t in doc:
        if t.pos_ != "PROPN" or t.dep_ == "compound" or t.i in covered or t.ent_type_ not in ("", "PERSON"):
            continue
        toks = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i >= t.i - 4] + [t]
        toks = [x for x in toks if x.text[:1].isupper()]
        while toks and (toks[0].text in _TITLES or toks[0].text.rstrip(".") + "." in _TITLES):
            toks = toks[1:]
        if 2 <= len(toks) <= 3 and all(x.text.isalpha() and not x.text.isupper() and x.lower_ not in _ORG_WORDS
                                       for x in toks) \
                and toks[-1].i == t.i and toks[-1].i - toks[0].i == len(toks) - 1 \
                and not any(x.ent_type_ == "ORG" and x.ent_iob_ == "B" for x in toks[:1] if x.i > 0):
            out.append((" ".join(x.text for x in toks), toks[0].idx))
    return out


def _title_words(doc: Doc, tok: Token, full: str) -> Optional[str]:
    """Title words before a name the NER missed: "Harbor Commissioner Ines Valdor"."""
    n = len(full.split())
    start = tok.i - (n - 1)
    i = start - 1
    while i >= _sent(tok).start and doc[i].dep_ == "compound" and doc[i].head.i == tok.i:
        i -= 1
    return doc[i + 1: start].text or None if i + 1 < start else None


def _name_run(ent: Span, tok: Token) -> Span:
    """An organisation's name with the capitalised words of its own noun phrase that the NER left
    out before it: "the Ostrava County Sheriff's Office" when only "Sheriff's Office" was tagged."""
    doc, s = ent.doc, ent.start
    while s - 1 >= tok.left_edge.i and doc[s - 1].pos_ == "PROPN" and doc[s - 1].dep_ in ("compound", "poss") \
            and doc[s - 1].head.i >= s:
        s -= 1
    return doc[s:ent.end] if s < ent.start else ent


def _untitled(name: str) -> str:
    """A person's name without the title words the NER took in: "Councilor Wren Pike" -> "Wren
    Pike"; a name left with one word keeps its title ("President Pike")."""
    parts = name.split()
    k = 0
    while k < len(parts) - 2 and (parts[k] in _TITLES or parts[k].capitalize() in _TITLES):
        k += 1
    return " ".join(parts[k:]) if k else name


def _clean_name(s: str) -> str:
    s = re.sub(r"['’]s$", "", s.strip())
    s = re.split(r"\s[-—–|]\s", s)[-1]  # "HEADLINE - Tamsin Whitfield": a headline run into the name
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+", "", s)
    return s.strip(" ,.:;\"“”")


def _org_type(name: str) -> str:
    return "outlet" if name in _OUTLETS or name.lower() in _OUTLETS_LOWER else "organization"


def _sent(tok: Token) -> Span:
    """The sentence of ``tok``. ``Token.sent`` scans the document's sentences on every call, so
    the sentence bounds of the last document seen are kept, keyed by a weak reference."""
    global _SENTS
    doc = tok.doc
    ref, bounds = _SENTS
    if ref is None or ref() is not doc or len(bounds) != len(doc):
        bounds = []
        for sent in doc.sents:
            bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
        _SENTS = (weakref.ref(doc), bounds)
    start, end = bounds[tok.i]
    return doc[start:end]


_SENTS: tuple = (None, [])


def _entity_of(tok: Token) -> Optional[Span]:
    if tok.ent_iob_ == "O":
        # a possessive source: "ICE's data show" -> the owner
        return None
    # walk the IOB tags rather than the sentence's entities: ``tok.sent`` is costly per call
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0 and not _spaced_dash(doc[start - 1]):
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and not _spaced_dash(doc[end]):
        end += 1  # an entity the recognizer ran across a dash ends at the dash
    return Span(doc, start, end, label=tok.ent_type_)


def _phrase(tok: Token) -> Span:
    """The noun phrase of a source, without clauses hanging off it and leading determiners."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    if tok.dep_ == "compound" and _noun_read_verb(tok.head):
        # "The Ortiz campaign projects that": the words before the verb the tagger read as a noun
        left = min([c.left_edge.i for c in tok.head.children if c.i < tok.i] + [left])
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl") or (c.dep_ == "punct" and c.text in ("--", "—", "–", "(")):
            break  # "the study -- which notes that ...": a clause or an aside after the noun ends the phrase
        if c.dep_ == "prep" and c.i > 0 and doc[c.i - 1].text == ",":
            break  # "liberal groups, including two unions, ...": an aside set off by a comma ends the phrase
        if c.dep_ in ("prep", "compound", "amod", "nummod", "poss", "case", "appos") and c.dep_ != "appos":
            # "an analysis of other data identified ...": a clause inside the phrase ends it
            stop = min([t.left_edge.i - 1 for t in c.subtree if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB"]
                       + [c.right_edge.i])
            right = max(right, stop)
    while left < tok.i and doc[left].dep_ in ("det", "punct", "cc", "predet"):
        left += 1
    right = min(right, left + 14)
    while right + 1 < len(doc) and doc[right + 1].ent_iob_ == "I" and right - left < 24 \
            and not _spaced_dash(doc[right + 1]):
        right += 1  # never cut a name: "an audit by the Harbor Works and Coastal Affairs Office of ..."
    while right > tok.i and (doc[right].is_punct or doc[right].pos_ == "ADP" or doc[right].dep_ == "case"):
        right -= 1  # "Audit files from" with the rest parsed elsewhere, "the mayor's": no dangling word
    return doc[left: right + 1]


def _aside_dash(according: Token, src: Token, scope: Span) -> Optional[Token]:
    """The dash after the source of an "according to" that closes its clause ("..., according to
    the Lorne Center - half its budget"): what follows it is the writer's aside, as after "the
    office said --". None when the "according to" opens its clause or no dash follows."""
    if according.head.i >= according.i:
        return None
    return next((d for d in according.doc[src.i + 1:scope.end] if _spaced_dash(d)), None)


def _spaced_dash(t: Token) -> bool:
    """A dash, or a hyphen with spaces on both sides ("the Lorne Center - half its budget"): it
    sets off an aside and never sits inside a name, whatever the entity recognizer spans."""
    return t.text in _DASHES or (t.text == "-" and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
                                 and bool(t.whitespace_))


def _title(ent: Span) -> Optional[str]:
    """ "White House spokesperson Odalys Jaxley" -> "White House spokesperson"."""
    doc = ent.doc
    root = ent.root
    mods = [c for c in root.lefts if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if not mods:
        i = ent.start - 1
        toks = []
        while i >= _sent(ent[0]).start and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].head.i >= ent.start:
            toks.append(doc[i])
            i -= 1
        if not toks:
            return None
        start = toks[-1].left_edge.i
    else:
        start = min(m.left_edge.i for m in mods)
    while start < ent.start and doc[start].dep_ in ("det", "poss", "case", "punct"):
        start += 1
    if start >= ent.start:
        return None
    title = doc[start: ent.start].text.strip(" ,")
    return title or None


def _sources(verb: Token) -> list[Token]:
    """Subjects of a reporting verb, or the agent of its passive ("was reported by X")."""
    if verb.lemma_.lower() in _NEEDS_AT and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        # "the lira, currently pegged at 20.50", "growth, put earlier at 0.1 pct": with nothing
        # estimated as its object, the verb is a participle on what was estimated, never its estimator
        return [c for c in verb.children if c.dep_ == "agent" for c in c.children if c.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        # "the contracts, which she said topped $3 million": of two subjects the parser gave the cue,
        # the relative pronoun belongs to the reported clause
        subjects = [c for c in subjects if c.tag_ not in ("WDT", "WP")] or subjects
    out = [_antecedent(c) for c in subjects if _can_speak(_antecedent(c))]
    if not out:
        out = [n for c in verb.children if (n := _misread_relative(c)) is not None]
    if not out and _noun_read_verb(verb):
        out = [[c for c in verb.children if c.dep_ == "compound" and c.i < verb.i][-1]]  # "The Ortiz campaign projects that"
    if not out and verb.lemma_.lower() in _RESPONDENT_VERBS:
        # "59 percent said that the two nations ...", "Those over 60 say ...": respondents, for what
        # they say; the share itself is the poll's, and never its own speaker
        out = [c for c in verb.children if c.dep_ == "nsubj" and _is_share(c)]
    for c in verb.children:
        if c.dep_ == "agent":
            out += [o for o in c.children if o.dep_ == "pobj" and _can_speak(o)]
    if not out and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lemma_.lower() in _SPEAKER_ADJS \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        # "Aides were eager to stress that ...": the adjective's subject speaks ("It is worth noting
        # that ..." has no speaker: an expletive "it")
        return [_antecedent(c) for c in verb.head.head.children if c.dep_ == "nsubj" and _can_speak(_antecedent(c))
                and c.lower_ not in ("it", "this", "that", "there")][:1]
    if not out and (verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) \
            and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        # "revised his plans, saying that ...": the participle speaks with its main verb's subject;
        # "hopes that the plan could help, pointing to ...": set off by a comma at the end of a
        # reported clause, with the reporter's
        main = verb.head
        if verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            while main.dep_ == "ccomp" and main.head.i < main.i and main.head.pos_ in ("VERB", "AUX"):
                main = main.head
        found = _sources(main)
        if not found and verb.dep_ == "conj":
            # "Quarle doubts the caps will hold and said ...": the second verb of the
            # subject's pair hung on the first one's complement; its subject is the nearest one above
            cur = main
            for _ in range(4):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                subj = [c for c in cur.children if c.dep_ == "nsubj" and c.i < cur.i and _can_speak(c)]
                if cur.pos_ in ("VERB", "AUX") and subj:
                    return subj[:1]
        return found
    if not out and verb.lemma_.lower() in _SPEECH and verb.i + 1 < len(verb.doc):
        nxt = verb.doc[verb.i + 1]
        if nxt.head.i == verb.i and nxt.dep_ in ("advmod", "npadvmod", "dobj", "attr", "oprd") \
                and nxt.text[:1].isupper() and nxt.text.isalpha() and not nxt.is_sent_start \
                and (nxt.i + 1 >= len(verb.doc) or verb.doc[nxt.i + 1].is_punct):
            out = [nxt]  # "..., said Skerritt.": an inverted name the tagger took for an adverb
    if not out and verb.lemma_.lower() in _SPEECH:
        # "Quarle, presenting the budget to the council, said ...": the subject the parser gave to
        # the participle set off before the verb
        out = [c for a in verb.children if a.dep_ in ("advcl", "ccomp") and a.tag_ == "VBG" and a.i < verb.i
               for c in a.children if c.dep_ == "nsubj" and c.i < a.i and _can_speak(c)][:1]
    if not out and verb.lemma_.lower() in _SPEECH:
        inverted = _inverted_subject(verb)
        if inverted is not None:
            out = [inverted]  # "“...,” said Ambrose Reinholt, who ...": the name parsed into the quote's clause
    if not out and verb.lemma_.lower() in _SPEECH:
        left = _left_name(verb)
        if left is not None:
            out = [left]  # "Leontes Lazenby, 44, said ..." with the name parsed as an apposition
    if not out and verb.dep_ in ("acl", "ROOT") and verb.head.i != verb.i and _can_speak(verb.head) \
            and not any(c.dep_ == "auxpass" for c in verb.children) \
            and not _reduced_passive(verb):
        out = [verb.head]  # a mis-parsed "A new poll found that ...": the noun the verb hangs on
        issuer = verb.head.head if verb.head.dep_ == "dobj" and verb.head.lemma_.lower() in _ANNOUNCEMENTS else None
        if issuer is not None and verb.dep_ == "acl":
            # "The mayor issued a statement saying 40 officers were hired": the statement is the
            # issuer's words, as in "said in a statement"
            who = [_antecedent(c) for c in issuer.children if c.dep_ == "nsubj" and _can_speak(_antecedent(c))]
            out = who[:1] or out
        owner = verb.head.head.head if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of" else None
        if owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() in _DOC_NOUNS:
            out = [owner]  # "an analysis of other data identified ...": the analysis
    return out


def _can_expect(verb: Token) -> bool:
    """A belief verb under a modal of possibility ("workers can expect $15 an hour"): its object
    is what the subject will get, not what anyone reports."""
    return verb.lemma_.lower() in _BELIEF and any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY
                                                   for c in verb.children)


def _split_subject(obj: Token) -> bool:
    """A reported clause's subject that the parser made the cue's object: "said auctions of the
    bonds, which opened in May, were going well" -> "auctions" (dobj) and "were going" (ccomp, no
    subject of its own), so the object is part of what is said. Likewise an approximator read as
    a preposition right after the cue: "said about half of the rise reflected ..." -> "about"."""
    if obj.head.i == obj.i or not (obj.dep_ == "dobj" or (obj.dep_ == "prep" and obj.i == obj.head.i + 1
                                                          and obj.lower_ in _APPROX_PREPS)):
        return False
    if any(c.dep_ == "ccomp" and c.i > obj.i and c.pos_ in ("VERB", "AUX")
           and not any(d.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for d in c.children)
           for c in obj.head.children):
        return True
    # "said roughly 80 personnel assisted with the cleanup": the predicate hung on the object as a participle;
    # "say" takes no addressee as its object, so this is the reported clause
    return obj.dep_ == "dobj" and obj.head.lemma_.lower() in _CLAUSE_OBJECT \
        and any(c.dep_ == "acl" and c.i == obj.i + 1 and c.tag_ in ("VBD", "VBN")
                and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children) for c in obj.children)


def _finding_clause(verb: Token, src: Token) -> bool:
    """A finding verb that reports a clause: its complement, or the sentence around it when it is
    set off ("Tolls, the panel found, would pay for half") or closes it."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return (src.head.i == verb.i and parenthetical_cue(src, verb) is not None) or _trailing_cue(verb)


def _reduced_passive(verb: Token) -> bool:
    """ "3,200 cases reported statewide", "the figures cited": a participle on a noun, which names
    what was reported, not who reported it. Likewise a passive participle before an infinitive:
    "a ferry expected to carry 300 riders" is a ferry that others expect to carry them."""
    if verb.dep_ != "acl":
        return False
    blocking = ("ccomp", "dobj", "nsubj") if verb.tag_ == "VBN" else ("ccomp", "xcomp", "dobj", "nsubj")
    return not any(c.dep_ in blocking for c in verb.children)


def _up_to_conj(chain: list[Token]) -> list[Token]:
    """The chain of heads up to a coordination: "45% in poll A, 41% in poll B": the second
    figure does not reach the first one's poll."""
    for k, t in enumerate(chain):
        if t.dep_ == "conj":
            return chain[: k + 1]
    return chain


def _at_pronoun(sp: Optional[Speaker], verb: Token, src: Token) -> Optional[Speaker]:
    """ "the union, which reported ...": the mention attached to the cue is "which"; the name
    stays the antecedent's."""
    if sp is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and c.i != src.i and _antecedent(c).i == src.i:
            return replace(sp, start=c.idx, end=c.idx + len(c))
    return sp


def _inverted_subject(verb: Token) -> Optional[Token]:
    """The noun phrase right after a subjectless reporting verb that follows a quotation or a
    comma ("..., said a spokesman for the agency"): the speaker, however the parser attached it."""
    doc = verb.doc
    sent = _sent(verb)
    if verb.i <= sent.start or doc[verb.i - 1].text not in (",", "''", '"', "”", "—", "–"):
        return None
    j = verb.i + 1
    while j < sent.end and doc[j].pos_ in ("DET", "ADJ") and j - verb.i <= 3:
        j += 1
    if j < sent.end and doc[j].ent_type_ != "PERSON" and doc[j].text[:1].isupper():
        # "said Keep It Local Director Amy Quarle": a capitalised title before the person's name
        k = j
        while k < min(sent.end, j + 7) and doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON":
            k += 1
        if k < sent.end and doc[k].ent_type_ == "PERSON":
            while k + 1 < sent.end and doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "I":
                k += 1
            return doc[k]
    if j >= sent.end or doc[j].pos_ not in ("PROPN", "NOUN") or not _can_speak(doc[j]):
        return None
    while j + 1 < sent.end and doc[j + 1].pos_ in ("PROPN", "NOUN") and doc[j + 1].ent_type_ == doc[j].ent_type_ \
            and doc[j + 1].text[:1].isupper() == doc[j].text[:1].isupper():
        j += 1  # "said Ambrose Reinholt", "said a campaign spokesman": the phrase's last word
    if doc[j].dep_ in ("nsubj", "nsubjpass") and doc[j].head.i > j \
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:verb.i]):
        return None  # "In May, reported costs reached $3 million": nothing reported before it
    return doc[j]


def _left_name(verb: Token) -> Optional[Token]:
    """The name right before a subjectless reporting verb, past an age or title set off by commas."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ",":
        # ", 44," / ", the group's director,": step over one comma-bounded aside
        j = i - 1
        vstart = _sent(verb).start
        while j > vstart and doc[j].text != "," and i - j < 10:
            j -= 1
        i = j - 1 if j > vstart and doc[j].text == "," else -1
    if i < _sent(verb).start:
        return None
    t = doc[i]
    if t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" and t.dep_ != "compound":
        return t
    return None


def _for_clause(clause: Token) -> bool:
    """ "called for the wage to be raised to $15", "called for more aid to bring the total to 4%",
    "called for $2 billion, a 20% increase": what a demand with "for" asks, as the parser reads it
    (a clause the "for" opens, or an infinitive or a predicate beside the verb's "for")."""
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return True
    head = clause.head
    has_for = any(c.dep_ == "prep" and c.lower_ == "for" and c.i < clause.i for c in head.children)
    if not has_for or head.i == clause.i:
        return False
    infinitive = clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    # "called for spending to rise to $2 billion, a 20% increase": the apposition read as an object
    return infinitive or clause.dep_ in ("oprd", "dobj")


def _forecast_owner(verb: Token, below: Token) -> Optional[Token]:
    """ "The institute cut its growth forecast to 2.1 pct", "hold the fund's estimate steady at 3
    percent": a figure a verb sets on someone's own forecast is that forecaster's. Returns the
    owner (the possessive; for "its"/"their", the verb's subject)."""
    if below.dep_ not in ("prep", "dobj", "npadvmod", "advmod", "oprd", "acomp"):
        return None
    for d in verb.children:
        if d.dep_ != "dobj" or d.lower_ not in _FORECAST_NOUNS:
            continue
        poss = [c for c in d.children if c.dep_ == "poss"]
        if not poss:
            continue
        owner = poss[0]
        if owner.lower_ in ("its", "their"):
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            return subj[0] if subj and _can_speak(subj[0]) else None
        return owner if _can_speak(owner) else None
    return None


def _free_relative_cue(verb: Token) -> Optional[Token]:
    """ "aid to what organizers estimated were over 40,000 tenants": the reporting verb of a
    free relative that opens ``verb``'s clause, whether parsed as its subject or beside it."""
    doc = verb.doc
    cands = [c for c in verb.children if c.dep_ == "csubj"]
    if verb.i > 0 and doc[verb.i - 1].pos_ == "VERB":
        cands.append(doc[verb.i - 1])
    for c in cands:
        lem = c.lemma_.lower()
        if lem in _SPEECH and any(w.lower_ == "what" and w.i < c.i for w in c.children):
            return c
    return None


def _misread_relative(clause: Token) -> Optional[Token]:
    """ "Ortiz, meanwhile, who has zero endorsements, said ...": a relative clause on the cue's
    subject that the parser read as the cue's complement, with the name as its second subject.
    Returns the name."""
    if clause.dep_ != "ccomp" or clause.i > clause.head.i:
        return None
    subj = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subj) < 2 or subj[-1].lower_ not in ("who", "which") or not _can_speak(subj[0]):
        return None
    return subj[0]


def _antecedent(t: Token) -> Token:
    """ "the union, which claims ...": a relative pronoun speaks for the noun it attaches to."""
    if t.lower_ in ("which", "who", "that") and t.head.dep_ == "relcl" and t.head.head.i != t.head.i:
        return t.head.head
    if t.lower_ in ("which", "who") and t.dep_ == "nsubj" and t.i > 0:
        # "asked the county office which counted 730 cases", the clause misread as an
        # adverbial: a relative pronoun refers to the noun it follows
        prev = t.doc[t.i - 1] if t.doc[t.i - 1].text != "," or t.i < 2 else t.doc[t.i - 2]
        while prev.dep_ == "compound" and prev.head.i > prev.i:
            prev = prev.head
        if prev.pos_ in ("NOUN", "PROPN") and prev.i < t.i:
            return prev
    return t


def _is_share(t: Token) -> bool:
    """A number or share standing for people: "59 percent", "Those over 60", "two in three", "a majority"."""
    if t.lemma_.lower() in _SHARE_NOUNS and t.ent_type_ not in ("ORG", "PERSON"):
        return True
    return (t.like_num or t.pos_ == "NUM" or t.ent_type_ in ("PERCENT", "CARDINAL")) \
        and t.ent_type_ not in ("DATE", "TIME", "MONEY", "ORDINAL", "QUANTITY")


def _respondents(mention: Span) -> bool:
    """A source mention that stands for a share of people ("four in ten", "59 percent", "those
    over 60"), not a source a number only modifies ("one study", "a 2015 audit")."""
    head = mention.root
    if any(ch.isdigit() for ch in head.text) and sum(ch.isalpha() for ch in head.text) > 1:
        return False  # "1199SEIU", "G20": a name with digits in it
    if _is_share(head) or _is_share(mention[0]):
        return head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in _SHARE_NOUNS \
            or head.ent_type_ in ("PERCENT", "CARDINAL") or head.like_num
    return head.pos_ not in ("NOUN", "PROPN") and any(_is_share(t) for t in mention)


def _is_share_claim(span: Span) -> bool:
    """ "32%", "one in four", "nearly three in five": a share of a poll's respondents."""
    return any(t.ent_type_ == "PERCENT" or t.lower_ in ("%", "percent", "pct", "in") for t in span)


def _can_speak(t: Token) -> bool:
    if t.lower_ in _ANON_PRONOUNS and t.dep_ == "nsubj" and t.pos_ in ("ADJ", "DET"):
        return True  # "Most believed ...", "Many said ...": tagged as a determiner, a group that speaks
    return t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT",
                                                                         "MONEY", "QUANTITY") \
        and not t.like_num and t.lower_ not in ("that", "this", "which", "what", "who", "there", "whom")


def _source_of(verb: Token, avoid: tuple[int, int] = (0, 0)) -> Optional[Token]:
    """The first subject of ``verb`` whose phrase lies outside the character range ``avoid``."""
    cands = _sources(verb)
    # "The rate held at 6.6 pct ..., the department said" parsed with two subjects: not the one
    # whose own clause holds the figure
    cands = [c for c in cands if not (c.left_edge.idx <= avoid[0] and avoid[1] <= c.right_edge.idx + len(c.right_edge))] \
        + [c for c in cands if c.left_edge.idx <= avoid[0] and avoid[1] <= c.right_edge.idx + len(c.right_edge)]
    if cands and verb.lemma_.lower() in _SPEECH and not any(c.dep_ == "nsubj" for c in verb.children) \
            and (left := _left_name(verb)) is not None:
        cands.append(left)  # "“...” the paper's editor Stellan Ginsford responded": the subject inherited from the quote is not it
    for c in cands:
        ph = _phrase(c)
        if ph.end_char <= avoid[0] or ph.start_char >= avoid[1]:
            if "\n" not in ph.text:
                return c
    return None


def _trailing_cue(verb: Token) -> bool:
    """ "..., the poll found." / "..., officials said.": a cue closing its sentence after a comma,
    whatever the parser attached it to."""
    sent = _sent(verb)
    rest = []
    for t in sent[verb.i - sent.start + 1:]:
        if t.text in _DASHES:
            break  # "..., the office said on Monday -- a turn that ...": an appended aside
        if not (t.is_punct or t.is_space):
            rest.append(t)
    if rest and not all(t.dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod")
                        for t in rest):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj:
        return False
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and verb.head.i < c.i < verb.left_edge.i for c in verb.head.children):
        return False  # "..., and though they spoke little, their faces said a lot.": a clause of its own
    left = subj[0].left_edge.i
    return left > sent.start and verb.doc[left - 1].text in (",", "—", "–")


def _opening_cue(verb: Token) -> bool:
    """ "He claimed the levies would cover the boost, pay down the debt, which is $38 trillion, ...":
    a cue that opens its sentence with its subject, which the parser hung as the complement of a
    later verb of the reported clause; all that follows it is reported."""
    if verb.dep_ != "ccomp" or verb.head.i <= verb.i or verb.head.lemma_.lower() in _CUE_LEMMAS \
            or verb.lemma_.lower() not in _SPEECH:
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return bool(subj) and subj[0].left_edge.i == _sent(verb).start


def _past_dash(verb: Token, span: Span) -> bool:
    """Whether ``span`` comes after ``verb`` with a dash between them."""
    return verb.i < span.start and any(t.text in _DASHES for t in verb.doc[verb.i + 1:span.start])


def _relative_report(verb: Token) -> Optional[tuple[int, int]]:
    """Tokens of what a reporting verb in a relative clause reports when the parser gave it no
    complement: "Vell, who boasts he has held 100 meetings, ..." (the clause made the sentence's
    root), "Vell, who noted that prices had fallen to half" ("that" read as an object): from the
    verb to the comma or dash that closes the relative clause. None otherwise."""
    doc, sent = verb.doc, _sent(verb)
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in _SPEECH \
            or not any(c.dep_ == "nsubj" and c.lower_ in ("who", "which") for c in verb.children) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    k = verb.i + 1
    if k < sent.end and doc[k].lower_ == "that":
        k += 1
    stop = k
    while stop < sent.end and doc[stop].text not in (",", ";", "—", "–", "--"):
        stop += 1
    clause = doc[k:stop]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and k <= t.head.i < stop
               for t in clause):
        return None  # "who told reporters": nothing reported
    return k, stop


def _leading_cue(verb: Token) -> bool:
    """ "The Ledger previously reported, the council refused ...": a cue opening its sentence,
    closed by a comma, with nothing of its own to report."""
    doc = verb.doc
    nxt = verb.right_edge.i + 1
    return verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.head.i > verb.i and nxt < len(doc) \
        and doc[nxt].text == "," and verb.left_edge.i == _sent(verb).start \
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) \
        and not any(c.dep_ in ("mark", "advmod") and (c.lower_ in _ADVERBIAL_MARKS or c.lower_ in _CONTRAST_MARKS)
                    for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _non_restrictive(clause: Token) -> bool:
    """ "the merger, which was valued at ...": set off by a comma or a dash, an aside of the writer."""
    left = clause.left_edge
    doc = clause.doc
    return left.i > 0 and doc[left.i - 1].text in (",", "(", "—", "–", "-")


def _verbal(tok: Token) -> bool:
    """A verb, or a reporting verb the tagger read as a noun: "Audit files show that ...", "The
    Ortiz campaign projects that ..."."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.lower_ in _SHOW_FORMS and any(c.dep_ == "nsubj" for c in tok.children):
        return True
    return _noun_read_verb(tok)


def _noun_read_verb(tok: Token) -> bool:
    """ "campaign projects that", "Harbor Analytics tallies 585 stores": a third-person reporting
    verb tagged as a noun, before "that" or, heading its sentence, before a number."""
    doc = tok.doc
    if not (tok.pos_ == "NOUN" and tok.lower_.endswith("s") and tok.i + 1 < len(doc)
            and (tok.lemma_.lower() in _SPEECH or tok.lemma_.lower() in _EVIDENCE)
            and any(c.dep_ == "compound" and c.i < tok.i for c in tok.children)):
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ == "that" and nxt.pos_ == "SCONJ":
        return True
    names = [c for c in tok.children if c.pos_ == "PROPN" and c.dep_ == "compound" and c.i < tok.i]
    if not names or nxt.pos_ != "NUM" or tok.i not in (nxt.head.i, nxt.head.head.i):
        return False
    # heading its clause: the sentence's root, or right after a semicolon the parser ran on through
    left = names[0].left_edge.i
    return tok.dep_ == "ROOT" or (left > 0 and doc[left - 1].text == ";")


def _no_gap(clause: Token) -> bool:
    """A clause with its object or complement in place ("that Pike lost $9 million", "that 40 were
    hired"): a content clause, not a relative clause missing the noun it modifies."""
    return any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "nsubjpass") for c in clause.children)


def _is_under(tok: Token, anc: Token) -> bool:
    """Whether ``tok`` lies in the subtree of ``anc``."""
    cur, hops = tok, 0
    while hops < 60:
        if cur.i == anc.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        hops += 1
    return False


def _is_evidence_source(src: Token, verb_lemma: str = "") -> bool:
    """ "data show", "the report found", "a poll by X found", "records show"; with "show" and
    the like, also "it showed" and records such as ledgers and emails."""
    if src.lemma_.lower() in _DOC_NOUNS or src.lower_ in _DOC_NOUNS:
        return True
    if verb_lemma in _SHOWING and (src.lower_ in ("it", "they") or src.lemma_.lower() in _RECORD_NOUNS):
        return True
    return any(c.lemma_.lower() in _DOC_NOUNS for c in src.children if c.dep_ == "compound")
