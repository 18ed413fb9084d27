"""Claim fields read off the parse: measure, category, rate, kind, hedged, negated, change.

Each function takes the spaCy ``Span`` of one quantity and looks at its syntactic
neighbourhood only (its head chain up to the clause verb, and that verb's dependents), so a
cue in another clause of the same sentence does not leak into the claim. Work per claim is
bounded (walks of a fixed number of steps, a few tokens of text), never a pass over the document.

- measure: the number's own noun, then its governing predicate (change and level verbs, money
  verbs, poll verbs, verbs about people), then a noun on its left, then the clause's subject;
  :class:`MeasureMemory` carries a measure to the elliptical numbers after it in the sentence or
  paragraph and names a poll's respondents. :func:`measure_rule` tells which rule decided.
- kind: a decision table of named stages (``_KIND_STAGES``) tried in the order
  ``data/kind_rules.json`` gives; :func:`kind_rule` tells which stage decided.
- rate: periods built into units, "per/a/each" periods after the number or its noun, rate words
  on the noun, the verb or the subject.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, NamedTuple, Optional

from spacy.tokens import Span, Token

from .lexicon import load
from .quantities import unit_word

_F = load("fields.json")
_META = frozenset(_F["meta_nouns"])
_GOAL_NOUNS = frozenset(_F["goal_nouns"])
_AIM_VERBS = frozenset(_F["aim_verbs"])
_OBLIGATION = frozenset(_F["obligation_modals"])
_FUTURE = frozenset(_F["future_modals"])
_LIKELY = frozenset(_F["likelihood_modals"])
_FORECAST_NOUNS = frozenset(_F["forecast_nouns"])
_CCOMP_AIM = frozenset(_F["ccomp_aim_verbs"])
_NON_AGENTIVE = frozenset(_F["non_agentive_verbs"])
_HEDGES = frozenset(_F["hedges"])
_CEILING = frozenset(_F["ceiling_verbs"])
_UP_V, _DOWN_V = frozenset(_F["change_up_verbs"]), frozenset(_F["change_down_verbs"])
_UP_N, _DOWN_N = frozenset(_F["change_up_nouns"]), frozenset(_F["change_down_nouns"])
_MONEY_VERBS: dict[str, str] = _F["money_verbs"]
_MONEY_PREPS = frozenset(_F["money_preps"])
_VOTE_VERBS = frozenset(_F["percent_vote_verbs"])
_TIME_NOUNS = frozenset(_F["time_nouns"])
_PERSON_NOUNS = frozenset(_F["person_nouns"])
_LEMMA_FIXES: dict[str, str] = _F["lemma_fixes"]
_ACTORS = frozenset(_F["actor_nouns"])
_TALLY_VERBS = frozenset(_F["tally_verbs"])
_LEVEL_VERBS = frozenset({"raise", "lower", "hike", "cut", "boost", "reduce", "move", "change", "go", "shift"})
_RESOURCES = frozenset(_F["resource_nouns"]) | _GOAL_NOUNS
_LEVEL_V = frozenset(_F["level_verbs"])
_AMOUNT_VERBS = frozenset(_F["amount_verbs"])
_UNIT_NOUNS = frozenset(_F["unit_nouns"])
_POLL_VERBS = frozenset(_F["poll_verbs"])
_POLL_ADJ = frozenset(_F["poll_adjectives"])
_RESPONDENT_NOUNS = frozenset(_F["respondent_nouns"])
_RESPONDENT_MARKERS = frozenset(_F["respondent_markers"])
_PEOPLE_VERBS = frozenset(_F["people_verbs"])
_PEOPLE_ADJ = frozenset(_F["people_adjectives"])
_VERB_FIXES: dict[str, str] = _F["verb_lemma_fixes"]
_AIM_OBJECT = frozenset(_F["aim_object_verbs"])
_FORECAST_VERBS = frozenset(_F["forecast_verbs"])
_ESTIMATE_VERBS = frozenset(_F["estimate_verbs"])
_SEEING = frozenset(_F["seeing_verbs"])
_BASELINE_PREPS = frozenset(_F["baseline_preps"])
_PARTICIPANT_PREPS = frozenset(_F["participant_preps"])
_SET_TERMS = frozenset(_F["set_term_nouns"])
_EXISTING_DET = frozenset(_F["existing_determiners"])
_GOV_AIM = frozenset(_F["governing_aim_verbs"])
_NEEDS_COMP: dict[str, list[str]] = _F["needs_complement"]
_GOV_GOAL = frozenset(_F["governing_goal_nouns"])
_AIM_PART = frozenset(_F["aim_participles"])
_FORECAST_ADJ = frozenset(_F["forecast_adjectives"])
_ACTION_VERBS = frozenset(_F["action_verbs"])
_PLAN_CONTENT = frozenset(_F["plan_content_verbs"])
_COPULAR_GOALS = frozenset(_F["copular_goal_nouns"])
_PAYMENT_VERBS = frozenset(_F["payment_verbs"])
_EXISTING_ADJ = frozenset(_F["existing_adjectives"])
_FRAMES = frozenset(_F["frame_nouns"])
_NOT_FRAMED = frozenset(_F["frame_not_framed"]) | _ACTORS
_FORECAST_MARKS = frozenset({"estimated", "forecast", "projected", "expected", "predicted", "anticipated"})
#: rules that read the clause's modality or aim; a figure that already exists inside such a clause
#: stays actual ("wants to freeze the $40 million fund")
_CLAUSE_RULES = frozenset({"aim-verb", "aim-object", "should-act", "actor-plan", "will", "set-term", "purpose",
                           "on-track", "set-to", "expect-verb",
                           "governor", "possible", "passive-plan", "action-plan", "be-to", "plan-content", "goal-copula", "headline-to", "must",
                           "goal-level"})
_RATE_WORDS = {w: period for period, words in _F["rates"].items() for w in words}
_HEDGE_PHRASES = re.compile("|".join(re.escape(p) for p in _F["hedge_phrases"]), re.IGNORECASE)
_NOT_A_RATE = r"(?![ \t]+(?:" + "|".join(_F["rate_not_after"]) + r")\b)"  # "a year ago" is a date
# words between the number (or its noun) and the rate word; a relative clause ends the noun's phrase
# ("40 towns that report monthly figures" is no rate)
_GAP = r"(?:(?!(?:that|which|who|whose|where|when)\b)[A-Za-z'’.-]+[ \t]+)"
_RATE_AFTER = re.compile(
    # "per"/"each"/"every" always make a rate ("$300 per week from the state"); "a year" may be a date
    r"[ \t]*" + _GAP + r"{0,4}?(?:per|each|every|/)[ \t-]*(day|week|month|year|night)\b"
    + r"|[ \t]*" + _GAP + r"{0,4}?(?:a|an)[ \t-]*(day|week|month|year|night)\b" + _NOT_A_RATE
    # an adverb after the phrase, not an adjective inside an "of" phrase ("60% of daily traffic")
    + r"|[ \t]*(?!of\b)" + _GAP + r"{0,3}?(daily|weekly|monthly|annually|yearly|a[ \t]+year|per[ \t]+annum)\b"
    + _NOT_A_RATE,
    re.IGNORECASE,
)
_RATE_UNITS: dict[str, str] = _F["rate_units"]
_RATE_ADJ = frozenset(_F["rate_adjectives"])
_DISTRIBUTIVE = frozenset(_F["rate_distributives"])
_PERIODS = frozenset({"day", "week", "month", "year", "night"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})


def category_lexicon(path: Optional[str] = None) -> dict[str, str]:
    """measure lemma -> category, from the packaged ``categories.json`` or a user file."""
    import json

    data = load("categories.json") if path is None else json.loads(open(path, encoding="utf-8").read())
    out: dict[str, str] = {}
    for cat, lemmas in data.items():
        for lemma in lemmas:
            out.setdefault(lemma.lower(), cat)
    return out


def category(measure: Optional[str], lexicon: dict[str, str]) -> Optional[str]:
    """The bucket of a measure: the whole lemma, else its last word ("border crossing" -> "crossing")."""
    if not measure:
        return None
    m = measure.lower()
    if m in lexicon:
        return lexicon[m]
    last = m.split()[-1]
    if last in lexicon:
        return lexicon[last]
    if last.endswith("s") and last[:-1] in lexicon:
        return lexicon[last[:-1]]
    return None


def span_head(span: Span) -> Token:
    """The token of the quantity that attaches it to the sentence: its root, unless the root is a word
    around the number ("An estimated 3,000 people", "an approximate 20% rise": the article or the
    adjective hangs on the noun), then the last number or percent sign in the span."""
    r = span.root
    if r.like_num or r.pos_ in ("NUM", "NOUN", "PROPN", "SYM"):
        return r
    for t in reversed(span):
        if t.like_num or t.pos_ == "NUM" or t.lower_ in ("%", "percent", "pct"):
            return t
    return r


def clause_chain(tok: Token) -> Iterator[Token]:
    """The token's ancestors up to and including the first verb that heads a clause."""
    cur = tok
    seen = 0
    while cur.head.i != cur.i and seen < 40:
        cur = cur.head
        seen += 1
        yield cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS:
            return


def clause_verb(tok: Token) -> Optional[Token]:
    last = None
    for t in clause_chain(tok):
        last = t
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ in _CLAUSE_DEPS or t.head.i == t.i:
                return t
    return last if last is not None and last.pos_ in ("VERB", "AUX") else None


def _noun_lemma(t: Token) -> str:
    """Lemma of a noun with its compound modifiers: 'border crossings' -> 'border crossing'."""
    parts = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.like_num
             and c.lower_ not in _META]
    words = [c.text if c.pos_ == "PROPN" else c.lemma_.lower() for c in parts[-2:]]
    lemma = t.lemma_ if t.pos_ == "PROPN" else t.lemma_.lower()
    lemma = _LEMMA_FIXES.get(lemma, lemma)
    if t.pos_ == "PROPN" and t.text.endswith("s") and lemma == t.text:
        lemma = t.text[:-1]
    if t.text.lower() == "people":
        lemma = "people"
    return " ".join(words + [lemma]).strip()


def _of_object(t: Token) -> Optional[Token]:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among"):
            for o in c.children:
                if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and not o.like_num:
                    return o
    return None


def _last_conj(t: Token) -> Token:
    """ "in border security and enforcement funding" -> funding: the last conjunct names the whole."""
    seen = 0
    while seen < 5:
        conj = [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conj:
            return t
        t = conj[-1]
        seen += 1
    return t


def _changed_thing(n: Token) -> Token:
    """For a change noun ("a 4 pct drop in orders"), what changed; else the noun itself."""
    if n.lemma_.lower() in (_UP_N | _DOWN_N):
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and not o.like_num and o.lower_ not in _META \
                            and not _is_time(o):
                        return o
    return n


def _is_time(t: Token) -> bool:
    """A time, not a thing counted: "a 1.4% dip in March", "$5 million for fiscal year 2027"."""
    return t.lower_ in _TIME_NOUNS or t.lemma_.lower() in _TIME_NOUNS or t.ent_type_ in ("DATE", "TIME")


def _subject(verb: Token, toks: set[int]) -> Optional[Token]:
    """The common-noun subject of the verb, or of the verbs it is the complement of."""
    cur, hops = verb, 0
    while cur is not None and hops < 3:
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in toks:
                if c.pos_ == "NOUN" and c.lower_ in _META and _of_object(c) is not None:
                    return _of_object(c)  # "the share of repeat offenders rose: 58% in 2023"
                if c.pos_ == "NOUN" and c.lower_ not in _META and c.lower_ not in _PERSON_NOUNS \
                        and c.lemma_.lower() not in _PERSON_NOUNS and not c.like_num:
                    return c
                if c.pos_ == "PROPN" and c.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                    return c  # "Q-7 slid four billion dlrs": a code-like name tagged as a proper noun
                return None
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            cur, hops = cur.head, hops + 1
        else:
            break
    return None


def _named_subject(verb: Token) -> Optional[Token]:
    """The proper-name subject of a level or change verb, or of the verb a participle depends on, for a
    physical quantity: "the Dunmore River rose 9 feet, cresting at 18 feet" measures the river (a place
    name is not the measure of a share or an amount of money: "Norvale rose 3%")."""
    cur, hops = verb, 0
    while cur is not None and hops < 3:
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c if c.pos_ == "PROPN" and c.ent_type_ not in ("PERSON", "ORG", "NORP") else None
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            cur, hops = cur.head, hops + 1
        else:
            break
    return None


class Found(NamedTuple):
    """A measure and the rule that found it. A weak one (a bare change noun: "a 92% drop", a unit) stands
    for its own number but is not passed on to the elliptical numbers after it in the sentence."""

    lemma: Optional[str]
    rule: str
    weak: bool = False


#: placeholder for a poll share with no noun of its own ("48% said ..."): the poll's respondents,
#: resolved over the document by :class:`MeasureMemory`
RESPONDENTS = "\0respondents"


def measure(span: Span, unit: Optional[str]) -> Optional[str]:
    """What the number counts, from its own sentence only (see :class:`MeasureMemory` for a document)."""
    f = measure_rule(span, unit)
    return "respondent" if f.lemma == RESPONDENTS else f.lemma


def measure_rule(span: Span, unit: Optional[str]) -> Found:
    """The measure and the rule that found it: the number's own noun, then its governing predicate (change
    and level verbs, money verbs, poll verbs, verbs about people), then a noun on its left (partitives),
    then the clause's subject."""
    f = _measure(span, unit)
    if f.lemma and f.lemma != RESPONDENTS and unit and f.lemma.split()[-1].lower() in _TIME_NOUNS:
        return Found(None, "time-noun")  # "$500 million a week": the week is the rate, not what is counted
    return f


def _verb_lemma(v: Token) -> str:
    lem = v.lemma_.lower()
    return _VERB_FIXES.get(lem, lem)


def _is_change(n: Token) -> bool:
    return n.lemma_.lower() in (_UP_N | _DOWN_N)


def _framed(n: Token) -> Optional[Found]:
    """For a frame noun (forecast, range, goal, peak...), what it frames: its "of"/"for" complement
    ("its forecast for farm income", "an estimate of wheat output"), else its noun modifier ("the
    growth forecast"); else no measure, so the number takes the sentence's or paragraph's measure
    ("ticket sales of 900, below the peak of 1,200"). None when ``n`` is not a frame noun."""
    if n.lemma_.lower() not in _FRAMES and n.lower_ not in _FRAMES:
        return None
    nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
    preps = [c for c in n.children if c.dep_ == "prep"]
    if nxt is not None and nxt.dep_ == "prep" and nxt not in preps:
        preps.append(nxt)  # "raised its forecast for X to $3": the "for" hung on the verb still frames X
    for c in preps:
        if c.lower_ in ("of", "for"):
            for o in c.children:
                if o.dep_ == "pobj" and _plain_noun(o) and not _is_time(o) and o.lemma_.lower() not in _FRAMES \
                        and o.lemma_.lower() not in _NOT_FRAMED and o.ent_type_ not in (
                            "GPE", "LOC", "NORP", "ORG", "PERSON"):
                    return Found(_noun_lemma(_changed_thing(o)), "frame-of")
    mods = [c for c in n.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.like_num
            and c.lower_ not in _META and not (c.i > 0 and n.doc[c.i - 1].text == "-")]
    if any(c.lemma_.lower() in _FRAMES for c in mods):
        return None  # "the target range": a frame of a frame is all the text names
    if mods:
        return Found(_noun_lemma(mods[-1]), "frame-compound")
    # the frame alone: the sentence's measure if it has one (see MeasureMemory.resolve), else the frame
    return Found(_noun_lemma(n), "frame", weak=True)


def _noun_or_weak(n: Token, rule: str) -> Found:
    """A noun's lemma; a change noun names what changed ("a 4% drop in orders" -> order) or is weak;
    a frame noun names what it frames (:func:`_framed`)."""
    fr = _framed(n)
    if fr is not None:
        return fr
    t = _changed_thing(n)
    if t is n and _is_change(n):
        return Found(_noun_lemma(n), rule + "-change", weak=True)
    return Found(_noun_lemma(t), rule)


def _plain_noun(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.lower_ not in _META


def _arg_of(head: Token, verb: Token, preps: frozenset[str]) -> bool:
    """The number is an argument of the verb: its object, a bare measure phrase, or after one of ``preps``."""
    if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i:
        head = head.head  # "by two pence": the noun the number counts
    if head.head.i == verb.i and head.dep_ in ("dobj", "npadvmod", "attr", "advmod", "conj", "appos", "dep"):
        return True
    return head.dep_ == "pobj" and head.head.head.i == verb.i and head.head.lower_ in preps


def _subject_any(verb: Token, toks: set[int]) -> Optional[Token]:
    """:func:`_subject`, also taking a plural subject the tagger read as a verb ("homicides fell"), the
    antecedent of a relative pronoun ("exports, which fell to $3 billion") and, for a participle with no
    subject, what the main clause names ("showed an increase in thefts, rising from 340 to 347")."""
    s = _subject(verb, toks)
    if s is not None:
        return s
    if verb.dep_ == "relcl" and _plain_noun(verb.head) and verb.head.pos_ == "NOUN" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children):
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        for c in verb.head.children:
            if c.dep_ == "dobj" and _plain_noun(c) and _is_change(c):
                t = _changed_thing(c)
                if t is not c:
                    return t
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("VBZ", "NNS") and c.i < verb.i and c.is_lower \
                and not any(d.dep_ in ("dobj", "aux") for d in c.children):
            return c
    return None


def _poll_share(head: Token, toks: set[int], unit: Optional[str]) -> bool:
    """A bare share that answers a poll: "48% said ...", "19% are unsure", "32% who say ...",
    "with 42% saying ..."."""
    if unit != "percent":
        return False
    verbs = []
    if head.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(head.head)
    verbs += [c for c in head.children if c.dep_ in ("relcl", "acl")]
    for v in verbs:
        lem = _verb_lemma(v)
        if lem in _POLL_VERBS and lem not in ("be", "have"):
            return True
        if lem in ("be", "have") and any(c.dep_ in ("acomp", "attr", "dobj") and (c.lower_ in _POLL_ADJ or (
                c.lemma_.lower() in ("view", "impression", "opinion"))) for c in v.children):
            return True
    return False


def _people(head: Token, toks: set[int], verb: Optional[Token]) -> bool:
    """A bare count of people by what happened to them: "40 dead", "kills 39", "the five arrested"."""
    for c in head.children:
        if c.i not in toks and c.dep_ in ("amod", "acl", "relcl", "appos", "acomp") and (
                c.lower_ in _PEOPLE_ADJ or _verb_lemma(c) in _PEOPLE_VERBS):
            return True
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.i not in toks and nxt.lower_ in _PEOPLE_ADJ:
        return True
    if verb is not None and _verb_lemma(verb) in _PEOPLE_VERBS and head.head.i == verb.i \
            and head.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "npadvmod", "dep"):
        return True
    return False


def _partitive(verb: Token, head: Token) -> Optional[Token]:
    """ "Of those applicants, 120 were approved": a fronted "of"/"among" phrase names what is counted."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != verb.i:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among") and c.i < head.i:
            for o in c.children:
                if o.dep_ == "pobj" and _plain_noun(o):
                    return o
    return None


def _measure(span: Span, unit: Optional[str]) -> Found:
    head = span_head(span)
    toks = set(range(span.start, span.end))
    # 1. a noun right after the quantity that the number modifies ("956 arrests", "$147 billion budget")
    h = head.head
    unit_noun = None
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") and h.i not in toks \
            and h.pos_ in ("NOUN", "PROPN") and h.i > head.i and not h.like_num and h.lower_ not in _META:
        if h.lemma_.lower() in _META:  # "three-quarters of Republicans": the fraction's "of" names the measure
            o = _of_object(h)
            if o is not None:
                return Found(_noun_lemma(o), "fraction-of")
        # the number counts the head of a compound or possessive it attaches inside: "zero parole
        # releases", "17,000 drivers' licenses", "40 New Year's guests"; not a hyphenated modifier
        # ("a three-judge panel" counts judges)
        hyphen = any(t.text == "-" for t in span.doc[head.i + 1: h.i])
        for _ in range(3):
            if not hyphen and h.dep_ in ("compound", "poss") and h.head.i > h.i and h.head.pos_ in ("NOUN", "PROPN") \
                    and not h.head.like_num and h.head.lower_ not in _META:
                h = h.head
            else:
                break
        if unit_word(h.lower_) or h.lower_ in _UNIT_NOUNS:
            # "5.6 million tons of wheat": the unit is the unit; what is measured follows it
            o = _of_object(h)
            if o is not None:
                return Found(_noun_lemma(o), "unit-of")
            unit_noun, head = h, h
        else:
            return _noun_or_weak(h, "noun")
    # a noun inside the span's own subtree after it ("12 percent approval")
    for t in span.doc[span.end: min(span.end + 4, len(span.doc))]:
        if t.head.i in toks or (t.i in {c.i for c in head.children}):
            if t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.lower_ not in _META and t.dep_ != "npadvmod" \
                    and t.lower_ not in _UNIT_NOUNS:
                if t.dep_ in ("compound", "nsubj", "dobj", "attr", "appos") or t.head.i in toks:
                    return _noun_or_weak(t, "noun-after")
        if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ"):
            break
    # "the farmers, 80 percent of whom ...", "funds, of which $2 million ...": the relative's antecedent
    for c in (*head.children, *(head.head.children if head.head.i != head.i else ())):
        if c.dep_ == "prep" and c.lower_ == "of" and any(o.tag_ in ("WP", "WDT") for o in c.children):
            v = c.head if c.head.pos_ in ("VERB", "AUX") else next(
                (a for a in head.ancestors if a.dep_ == "relcl"), None)
            while v is not None and v.dep_ != "relcl" and v.head.i != v.i:
                v = v.head
            if v is not None and v.dep_ == "relcl" and _plain_noun(v.head):
                return Found(_noun_lemma(_last_conj(v.head)), "of-which")
            break
    # 2. "40 of the delegates", "38 percent of dairy farmers", "$6 billion in funding"
    o = _of_object(head)
    if o is not None:
        return Found(_noun_lemma(o), "of")
    # "12 of the injured", "22 of those hurt": people by what happened to them
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for ob in c.children:
                if ob.dep_ == "pobj" and (ob.lower_ in _PEOPLE_ADJ or (ob.lower_ in ("those", "them") and any(
                        x.lower_ in _PEOPLE_ADJ or _verb_lemma(x) in _PEOPLE_VERBS for x in ob.children))):
                    return Found("people", "of-people")
    if unit and unit.isupper():
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _MONEY_PREPS:
                for ob in c.children:
                    if ob.dep_ == "pobj" and ob.pos_ in ("NOUN", "PROPN") and not ob.like_num and not _is_time(ob):
                        return Found(_noun_lemma(_last_conj(ob)), "money-prep")
        # "touts $60 million in savings" with "in" attached to the verb: right after the amount it still
        # names what the money is
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ == "in" and nxt.head.i != head.i:
            for ob in nxt.children:
                if ob.dep_ == "pobj" and ob.pos_ == "NOUN" and not ob.like_num and ob.lower_ not in _META:
                    return Found(_noun_lemma(_last_conj(ob)), "money-in")
    # an apposition restating a noun on its left: "an increase in thefts — 16% in the north",
    # "two-thirds of the nurses — 65% —"
    if head.dep_ == "appos" and h.i < head.i and h.pos_ == "NOUN" and not h.like_num and h.tag_ != "JJ":
        if h.lower_ in _META or h.lemma_.lower() in _META:
            o = _of_object(h)
            if o is not None:
                return Found(_noun_lemma(o), "appos-of")
        else:
            return _noun_or_weak(h, "appos")
    # 3. the number after a preposition of a noun: "a value of $35 million", "a rise of 3,200% in attacks",
    # "a drop from 95 percent"
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "from", "to") and head.head.head.pos_ in ("NOUN", "PROPN"):
        n = head.head.head
        if _is_change(n):
            for c in head.children:  # "an increase of 3,200% in car thefts"
                if c.dep_ == "prep" and c.lower_ == "in":
                    for ob in c.children:
                        if ob.dep_ == "pobj" and _plain_noun(ob):
                            return Found(_noun_lemma(ob), "change-in")
            return _noun_or_weak(n, "prep-noun")
        if n.lower_ not in _META and head.head.lower_ == "of":
            return _framed(n) or Found(_noun_lemma(n), "value-of")
    # a multiplier: "three times as many voters" -> voter, "40 times more potent" -> time
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    times = nxt is not None and nxt.lower_ == "times" or span[-1].lower_ == "times"
    if times:
        after = span.doc[span.end + (nxt is not None and nxt.lower_ == "times"): span.sent.end]
        if len(after) >= 3 and after[0].lower_ == "as" and after[1].lower_ in ("many", "much") \
                and after[2].pos_ in ("NOUN", "PROPN"):
            return Found(_noun_lemma(after[2]), "times-as-many")
        if len(after) >= 2 and after[0].lower_ in ("the", "their", "its") and _plain_noun(after[1]) or (
                len(after) >= 2 and after[0].lower_ == "the" and after[1].lower_ in _META):
            n = after[1]
            return Found(_noun_lemma(_of_object(n) or n), "times-the")  # "four times the share of renters"
    verb = clause_verb(head)
    if verb is not None:
        vlem = _verb_lemma(verb)
        t = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i else head
        # an amount stated of a noun by a relative clause: "the debt, which is $9 billion"
        if t.head.i == verb.i and t.dep_ in ("attr", "dobj", "npadvmod") and (vlem in _AMOUNT_VERBS or verb.lemma_ == "be"):
            if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) \
                    and _plain_noun(verb.head) and verb.head.pos_ == "NOUN":
                return _noun_or_weak(_last_conj(verb.head), "relative")
        # a level set or estimated in the passive: "growth was forecast at 3%", "the fee was set at $90"
        if head.dep_ == "pobj" and head.head.lower_ in ("at", "to") and head.head.head.i == verb.i \
                and any(c.dep_ == "auxpass" for c in verb.children):
            for c in verb.children:
                if c.dep_ == "nsubjpass" and _plain_noun(c):
                    return _noun_or_weak(_of_object(c) if c.lower_ in _META and _of_object(c) else c, "passive-level")
        # 4. the governing predicate. A change or level verb measures what it changes: its object
        # ("the board cut park budgets by 12%" -> budget), else its subject ("fares rose to $2.90" -> fare)
        if vlem in (_UP_V | _DOWN_V | _LEVEL_V) and _arg_of(head, verb, frozenset({"by", "to", "from", "at"})):
            for c in verb.children:
                if c.dep_ == "dobj" and c.i not in toks and c.lower_ in _META:
                    fr = _framed(c)  # "raised its estimate for lumber output to 900 tons" -> output
                    if fr is not None and fr.lemma is not None:
                        return fr
                if c.dep_ == "dobj" and c.i not in toks and _plain_noun(c) and c.lower_ not in _UNIT_NOUNS:
                    return _noun_or_weak(c, "change-obj")
            subj = _subject_any(verb, toks)
            if subj is None and unit_noun is not None:
                subj = _named_subject(verb)  # "the Dunmore River rose 9 feet": a named thing's own level
            # a level ("to $1.5 trillion") measures the subject even of a money verb; an amount moved
            # ("raised $5 million") is the money verb's own
            level = head.dep_ == "pobj" or (head.head.dep_ == "pobj" and head.dep_ in ("nummod", "quantmod", "compound"))
            if subj is not None and subj.lower_ not in _TIME_NOUNS and (level or not (unit and unit.isupper()
                                                                                       and vlem in _MONEY_VERBS)):
                return _noun_or_weak(subj, "change-subj")
        # money with no money noun of its own takes the noun of its verb: "was fined $2 million" -> fine
        if unit and unit.isupper() and vlem in _MONEY_VERBS:
            return Found(_MONEY_VERBS[vlem], "money-verb")
        # a poll share: "48% said they back the plan" -> the poll's respondents
        if _poll_share(head, toks, unit):
            return Found(RESPONDENTS, "poll")
        if unit is None and _people(head, toks, verb):
            return Found("people", "people")
        # 5. a noun on the left: "Of those applicants, 120 were approved"
        p = _partitive(verb, head)
        if p is not None:
            return Found(_noun_lemma(p), "partitive")
        # 6. the subject of the clause: "turnout dropped 50 percent", "the cost is $9,142";
        # only a verb that measures its subject, not an agent's verb ("the clinic is targeting 500")
        subj = _subject_any(verb, toks)
        measuring = vlem in (_UP_V | _DOWN_V | _NON_AGENTIVE) or verb.lemma_ == "be"
        if subj is not None and measuring and subj.lower_ not in _TIME_NOUNS:
            return _noun_or_weak(subj, "subject")
        # election results: "Trump got 10 percent", "beat him by 18 points"
        if unit == "percent" and vlem in _VOTE_VERBS:
            return Found("vote", "vote")
    elif unit is None and _people(head, toks, None):
        return Found("people", "people")  # a headline: "At least 40 dead in blaze"
    # money put to a purpose: "$6 million to repave 40 miles of road" -> funding
    if unit and unit.isupper() and any(c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in head.children):
        return Found("funding", "money-purpose")
    if unit_noun is not None:
        return Found(_noun_lemma(unit_noun), "unit", weak=True)
    if times:
        return Found("time", "times", weak=True)  # "administered 112 times"
    if verb is not None and _verb_lemma(verb) in _TALLY_VERBS and re.search(r"\d\s*[-–]\s*\d", span.sent.text):
        return Found("vote", "tally")  # "the board voted 4-3"
    return Found(None, "none")


def _clause_key(tok: Token) -> int:
    """The verb whose clause holds ``tok``: the first ancestor verb with a subject of its own (participles
    and infinitives belong to their main verb: "fell 9%, marking a 20% drop"), else the root."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return cur.i
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.i


def _names_change(rule: str, head: Token) -> bool:
    """The rule found what the clause's verb changes or counts: its subject or object by a change verb,
    or the noun of a number the verb takes as object ("saw 300 thefts")."""
    if rule in ("change-subj", "change-obj", "subject", "passive-level", "relative"):
        return True
    if rule == "noun":
        n = head.head
        return n.dep_ in ("dobj", "attr") and n.head.pos_ in ("VERB", "AUX")
    return False


#: how far back (in tokens) a number with no measure in its sentence looks for the last measure of its
#: unit; it must also be in the same paragraph. Across paragraphs that guess was wrong more often than
#: right (right 20, wrong 31 on the development articles); within one it is right two times in three.
NEARBY_TOKENS = 200


class MeasureMemory:
    """Measures over one document: a number with no measure of its own continues its sentence's measure
    ("rose 5% in May and 3% in June"), else the last one of its unit earlier in the paragraph; a poll
    share takes the poll's respondents as the article names them. Bounded work per claim: the
    respondent nouns are collected in one pass over the Doc, the paragraph check reads at most
    NEARBY_TOKENS tokens."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._sent: dict[int, str] = {}
        self._last: dict[str, tuple[str, int]] = {}
        self._named: dict[int, str] = {}  # clause verb -> what changed, as the clause's own words name it
        self._respondents: Optional[list[tuple[int, str]]] = None

    def measure(self, span: Span, unit: Optional[str]) -> Optional[str]:
        return self.resolve(span, unit).lemma

    def resolve(self, span: Span, unit: Optional[str]) -> Found:
        f = measure_rule(span, unit)
        sent_start = span.sent.start
        key = unit or ""
        if f.lemma == RESPONDENTS:
            f = Found(self._population(span), "poll")
        elif f.rule == "frame" and sent_start in self._sent:
            f = Found(self._sent[sent_start], "fb_frame")  # "41 deaths, well below the peak of 73"
        elif f.weak and f.rule.endswith("-change") and _clause_key(span_head(span)) in self._named:
            # a bare change noun in a clause that names what changed: "Ridership should grow 4% this
            # year after a 9% gain in 2024" -> ridership; "Orders fell to 310, a 9% drop" -> order
            f = Found(self._named[_clause_key(span_head(span))], "fb_change")
        elif f.rule == "unit" and key in self._last and self._near(self._last[key][1], span.start):
            # a unit names no thing; the last thing measured in that unit nearby does: "the lake crested
            # at 19 feet in 2011; in 2018, at 17 feet"
            f = Found(self._last[key][0], "fb_unit")
        elif f.lemma is None:
            prev = self._sent.get(sent_start)
            if prev is not None:
                f = Found(prev, "fb_sent")
            elif key in self._last:
                lemma, at = self._last[key]
                if self._near(at, span.start):
                    f = Found(lemma, "fb_doc")
        if f.lemma is None and unit == "percent" and "point" in span.text.lower():
            f = Found("point", "point")  # "leads by 44 points", with no measure anywhere near
        if f.lemma and f.rule not in ("fb_doc", "fb_sent", "point", "fb_unit", "fb_frame"):
            self._last[key] = (f.lemma, span.start)
        if f.lemma and not f.weak and _names_change(f.rule, span_head(span)):
            self._named[_clause_key(span_head(span))] = f.lemma
        # what a later number of the sentence may continue: not a time ("six weeks of 100% paid leave")
        if f.lemma and f.lemma.split()[-1].lower() not in _TIME_NOUNS and (not f.weak or sent_start not in self._sent):
            self._sent[sent_start] = f.lemma
        return f

    def _near(self, at: int, start: int) -> bool:
        """``at`` is at most NEARBY_TOKENS before ``start``, in the same paragraph."""
        return start - at <= NEARBY_TOKENS and not any(
            "\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in self.doc[at: start])

    def _population(self, span: Span) -> str:
        """The respondents nearest before the share (in its sentence first), else "respondent"."""
        if self._respondents is None:
            self._respondents = _respondent_mentions(self.doc)
        best = None
        for i, lemma in self._respondents:
            if i >= span.start and i >= span.sent.end:
                break
            best = lemma
        return best or "respondent"


def _respondent_mentions(doc) -> list[tuple[int, str]]:
    """Where a poll names its respondents: "52% of registered voters", "a survey of 900 adults",
    "Republicans surveyed", "Men questioned in the poll"."""
    out = []
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() not in _RESPONDENT_NOUNS and t.lower_ not in _RESPONDENT_NOUNS:
            continue
        if t.tag_ not in ("NNS", "NNPS") and t.lower_ not in ("men", "women", "people"):
            continue
        named = any(c.lower_ in _RESPONDENT_MARKERS for c in t.children)
        if not named and t.dep_ in ("pobj", "poss"):
            p = t.head if t.dep_ == "pobj" else (t.head.head if t.head.dep_ == "pobj" else t.head)
            if p.lower_ in ("of", "among"):
                g = p.head
                named = g.like_num or g.lower_ in ("%", "percent", "pct") or g.lemma_.lower() in (
                    "poll", "survey", "majority", "third", "half", "quarter", "plurality") or any(
                    c.like_num for c in g.children)
        if named:
            out.append((t.i, _noun_lemma(t)))
    return out


def _text_after(i: int, sent_end: int, doc) -> str:
    """Up to 40 characters of the sentence after token ``i - 1``, its trailing space included."""
    out = [doc[i - 1].whitespace_] if i > 0 else []
    n = len(out[0]) if out else 0
    j = i
    while j < sent_end and n < 40:
        t = doc[j]
        piece = t.text if j == sent_end - 1 else t.text_with_ws
        out.append(piece)
        n += len(piece)
        j += 1
    return "".join(out)[:40]


def rate(span: Span) -> Optional[str]:
    """Per-period rate: "per day", "a year", "daily", "annual" next to the number or its noun."""
    # a unit with the period built in: "2.1 mln bpd" is barrels per day
    doc = span.doc
    for t in doc[span.start: min(span.end + 1, len(doc))]:
        r = _RATE_UNITS.get(t.lower_)
        if r is not None:
            return r
    sent = span.sent
    head = span_head(span)
    noun = head.head if head.dep_ in ("nummod", "quantmod", "compound", "nmod") else None
    # the 40 characters after the number, else after its noun: a few tokens, never the whole sentence
    # (a text of numbers has sentences of hundreds of tokens, and every claim would rebuild one)
    m = _RATE_AFTER.match(_text_after(span.end, sent.end, span.doc))
    if not m and noun is not None and noun.i >= span.end:
        m = _RATE_AFTER.match(_text_after(noun.i + 1, sent.end, span.doc))
    if m:
        w = (m.group(1) or m.group(2) or m.group(3) or "").lower()
        w = re.sub(r"\s+", " ", w)
        if w == "a year":
            return "year"
        if w == "per annum":
            return "year"
        if w in _RATE_WORDS:
            return _RATE_WORDS[w]
    # "daily arrests of 1,000", "the daily standard of 1,000", "a 20 pct annual rate"
    cands = [t for t in (noun, head.head) if t is not None]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        cands.append(head.head.head)
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        cands.append(noun.head.head)
        # "eight straight years of 300 murders": a count per year
        span_of = noun.head.head
        if span_of.lemma_.lower() in _PERIODS and any(c.dep_ == "nummod" for c in span_of.children):
            return _RATE_WORDS[span_of.lemma_.lower()]
    for t in cands:
        for c in t.children:
            if c.dep_ in ("amod", "compound", "advmod") and c.lower_ in ("daily", "weekly", "monthly", "annual",
                                                                           "yearly", "nightly"):
                return _RATE_WORDS[c.lower_]
    verb = clause_verb(head)
    if verb is not None:
        # the number as an argument of a verb whose subject carries the rate:
        # "her monthly rent rose to $2,100", "daily ridership is 40,000"
        arg = head.head.i == verb.i or (head.dep_ == "pobj" and head.head.head.i == verb.i
                                        and head.head.lower_ in ("to", "from", "at", "by"))
        if arg:
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i not in range(span.start, span.end):
                    for a in c.children:
                        if a.dep_ in ("amod", "compound") and a.lower_ in _RATE_ADJ:
                            return _RATE_WORDS[a.lower_]
                        # "a year's tuition costs $9,000"
                        if a.dep_ == "poss" and a.lemma_.lower() in _PERIODS and any(
                                d.lower_ in ("a", "an", "each", "every", "per") for d in a.children):
                            return _RATE_WORDS[a.lemma_.lower()]
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in ("daily", "weekly", "monthly", "annually", "yearly"):
                return _RATE_WORDS[c.lower_]
            # "3,000 people arrive each year": a distributive period on the verb
            if c.dep_ == "npadvmod" and c.lemma_.lower() in _PERIODS and any(
                    d.dep_ == "det" and d.lower_ in _DISTRIBUTIVE - {"a", "an"} for d in c.children):
                return _RATE_WORDS[c.lemma_.lower()]
            if c.dep_ == "prep" and c.lower_ == "at":  # "at a seasonally adjusted annual rate"
                for o in c.children:
                    if o.dep_ == "pobj" and o.lemma_.lower() in ("rate", "pace", "clip"):
                        for cc in o.children:
                            if cc.lower_ in ("daily", "weekly", "monthly", "annual", "yearly", "annualized"):
                                return _RATE_WORDS[cc.lower_]
            if c.dep_ == "dobj" and c.i != head.i and c.i not in range(span.start, span.end):
                for cc in c.children:
                    if cc.dep_ == "amod" and cc.lower_ in ("daily", "weekly", "monthly", "annual", "yearly"):
                        return _RATE_WORDS[cc.lower_]
    return None


def _aux_words(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]


def _negated_token(v: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in v.children)


def kind(span: Span) -> str:
    """actual, target or forecast, from goal nouns, aim verbs and modals around the number."""
    return kind_rule(span)[0]


def kind_rule(span: Span) -> tuple[str, str]:
    """The kind and the name of the rule that decided it."""
    head = span_head(span)
    t = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i else head
    if t.dep_ == "appos" and t.head.i < t.i and (t.head.like_num or any(c.like_num for c in t.head.children)):
        # "ticket prices to $20 — $15 for children": a breakdown shares the kind of its total
        return _kind_rule(span.doc[t.head.i: t.head.i + 1])[0], "appos"
    k, rule = _kind_rule(span)
    if k != "actual" and rule in _CLAUSE_RULES and _existing(head):
        return "actual", "existing"
    return k, rule


def _modified_noun(head: Token) -> Token:
    """The noun the number modifies, through a measure phrase: "40 buses" -> buses, "the 322-foot
    tower" -> tower."""
    t = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i else head
    for _ in range(3):
        if t is not head and t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head
        else:
            break
    return t


def _existing(head: Token) -> bool:
    """A figure the clause only refers to: "the $40 million fund", "its 300 staff", "any of 170 rules",
    "the current average of 3%", "200 tenants who live there", "a city of 53,000 people"."""
    t = _modified_noun(head)
    if any(c.lower_ in _FORECAST_MARKS or c.lower_ in _AIM_PART for c in (*t.children, *head.children)):
        return False  # "the projected $35 million", "the planned 40 buses"
    if any((c.dep_ == "det" and c.lower_ in _EXISTING_DET) or c.dep_ == "poss" or c.lower_ in _EXISTING_ADJ
           for c in t.children):
        return True
    if any(c.dep_ == "relcl" and c.tag_ in ("VBP", "VBZ", "VBD") and not any(
            a.lower_ in (_FUTURE | _LIKELY | _OBLIGATION) for a in c.children) and any(
            s.dep_ == "nsubj" and s.tag_ in ("WP", "WDT") for s in c.children) for c in t.children):
        return True  # "73 residents who have pending claims"
    if t.dep_ == "pobj" and t.head.lower_ == "of":
        n = t.head.head
        if n.lemma_.lower() in ("total", "any", "all", "each"):
            return True
        if n.pos_ == "NOUN" and not _is_change(n) and n.lemma_.lower() not in (_GOAL_NOUNS | _FORECAST_NOUNS) and any(
                (c.dep_ == "det" and c.lower_ in _EXISTING_DET) or c.dep_ == "poss" or c.lower_ in _EXISTING_ADJ
                for c in n.children):
            return True  # "the nation of 53 million", "the current average of three pct"
    return False


class _Clause:
    """What the kind stages look at, computed once per claim: the number's head, the verbs of its clause
    (``verbs``: up to the clause verb) and the governing verbs above them (``chain``: the clause verb and
    the verbs it is the complement of, "wants to make", "committed to hiring")."""

    def __init__(self, span: Span) -> None:
        self.span = span
        self.head = head = span_head(span)
        self.verbs = [t for t in clause_chain(head) if t.pos_ in ("VERB", "AUX")]
        v = self.verbs[-1] if self.verbs else None
        chain: list[Token] = []
        cur = v
        while cur is not None and len(chain) < 4:
            chain.append(cur)
            if cur.dep_ in ("xcomp",) or (cur.dep_ == "ccomp" and cur.head.lemma_.lower() in _CCOMP_AIM):
                cur = cur.head
            elif cur.dep_ in ("conj",) and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and _verb_lemma(cur.head.head) in _AIM_VERBS:
                cur = cur.head.head  # "committed to hiring 500"
            else:
                break
        self.chain = chain
        self.noun = head.head if head.dep_ in ("nummod", "quantmod", "compound") else head


KindResult = Optional[tuple[str, str]]


def _k_aside(c: _Clause) -> KindResult:
    """An aside, "(8,000 square miles)", does not share the clause's modality."""
    return ("actual", "aside") if _in_parentheses(c.span) else None


def _k_whole(c: _Clause) -> KindResult:
    """ "fewer than 20 of the state's 180 districts": the whole is a fact."""
    head, n = c.head, c.head.head
    if head.dep_ == "nummod" and n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.like_num:
        return "actual", "whole"
    return None


def _revised(vb: Optional[Token]) -> bool:
    """A forecast as the thing changed: "raised its growth forecast to 3.4%"."""
    return vb is not None and _verb_lemma(vb) in (_UP_V | _DOWN_V | _LEVEL_V | {"revise", "hold", "keep"}) and any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in _FORECAST_NOUNS or any(
            d.lemma_.lower() in _FORECAST_NOUNS for d in c.children if d.dep_ in ("compound", "amod")))
        for c in vb.children)


def _k_revised_forecast(c: _Clause) -> KindResult:
    """ "cut its growth forecast to 2.2% from 3.2%": both levels are forecasts."""
    return ("forecast", "revised-forecast") if _revised(clause_verb(c.head)) else None


def _k_baseline(c: _Clause) -> KindResult:
    """ "after a 2.1% gain last year", "up from 3.5%": where a change starts is actual."""
    return ("actual", "baseline") if _baseline(c.head) else None


def _k_headline_infinitive(c: _Clause) -> KindResult:
    """A headline's infinitive with its own subject announces an action: "City to cut 300 jobs"."""
    for t in clause_chain(c.head):
        if t.pos_ in ("VERB", "AUX"):
            if t.tag_ == "VB" and any(x.dep_ == "aux" and x.tag_ == "TO" for x in t.children) \
                    and any(x.dep_ == "nsubj" for x in t.children) and not any(x.dep_ == "mark" for x in t.children) \
                    and _verb_lemma(t) not in _NON_AGENTIVE \
                    and (t.dep_ == "ROOT" or (t.dep_ == "ccomp" and t.head.lemma_.lower() in ("report", "say", "source"))):
                return "target", "headline-to"
            return None
    return None


def _k_goal_or_forecast_noun(c: _Clause) -> KindResult:
    """A goal or forecast noun the number belongs to, below its clause verb: "a quota of 75 arrests",
    "a forecast shortfall of 2.7 billion dlrs", "projections ranging from a loss of two billion dlrs"."""
    seen_verb = False
    for t in clause_chain(c.head):
        if not seen_verb:
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _GOAL_NOUNS:
                if any(x.dep_ in ("amod", "compound") and x.lower_ in _FORECAST_MARKS for x in t.children):
                    return "forecast", "forecast-noun"  # "the projected state commitment of $14 billion"
                return None if _victim_target(t) else ("target", "goal-noun")
            if t.pos_ in ("NOUN", "VERB") and t.lower_ in _FORECAST_NOUNS:
                return "forecast", "forecast-noun"
            if t.pos_ in ("NOUN", "PROPN") and any(x.dep_ in ("amod", "compound") and x.lower_ in (
                    "forecast", "projected", "expected", "anticipated", "predicted") for x in t.children):
                return "forecast", "forecast-noun"
        if t.pos_ == "VERB" and t.dep_ == "acl" and t.head.lemma_.lower() in _FORECAST_NOUNS:
            return "forecast", "forecast-noun"
        if t.pos_ in ("VERB", "AUX"):
            seen_verb = True
    return None


def _k_clause_owner(c: _Clause) -> KindResult:
    """What owns the clause: a goal noun ("plans to cut", "an effort to raise"), an expectation verb
    ("the plan forecasts the shortfall to be 2.6 billion dlrs"), a goal subject of an aim verb ("the plan
    calls for 40 buses"); the level a change starts from is actual ("to 17 pct from 13 pct")."""
    if not c.chain:
        return None
    head, v, top = c.head, c.verbs[-1], c.chain[-1]
    if top.lemma_.lower() in _AIM_VERBS and not any(a.lower_ in _FUTURE | _LIKELY for a in top.children) and any(
            x.dep_ == "nsubj" and x.lemma_.lower() in _GOAL_NOUNS for x in top.children):
        return "target", "goal-subject"
    if head.dep_ == "pobj" and head.head.lower_ == "from" and v.lemma_.lower() in (_UP_V | _DOWN_V | _LEVEL_VERBS):
        return "actual", "start-level"
    if top.dep_ == "ccomp" and _verb_lemma(top.head) in _FORECAST_VERBS:
        return "forecast", "expected-clause"
    if top.dep_ in ("acl", "relcl", "xcomp") and top.head.lemma_.lower() in _GOAL_NOUNS:
        return "target", "goal-owner"
    return None


def _k_forecast_cues(c: _Clause) -> KindResult:
    """Forecasts without a modal: a revised forecast, "sees inflation at 4%", "is seen slowing to 3.8%"
    (a present or passive "see" with a level or a complement; not "the town saw a 41% decline"),
    "is on track to finish 900 homes"."""
    for vb in c.chain:
        lem = _verb_lemma(vb)
        if _revised(vb):
            return "forecast", "revised-forecast"
        if lem in _SEEING and (any(x.dep_ in ("ccomp", "xcomp", "oprd") for x in vb.children) or (
                (vb.tag_ in ("VBZ", "VBP") or any(x.dep_ == "auxpass" for x in vb.children))
                and any(x.dep_ == "prep" and x.lower_ in ("at", "to") for x in vb.children))):
            return "forecast", "seeing"
        if any(x.dep_ == "prep" and x.lower_ == "on" and any(o.lower_ == "track" for o in x.children)
               for x in vb.children):
            return "forecast", "on-track"
    return None


def _k_purpose(c: _Clause) -> KindResult:
    """A purpose infinitive on money or a fund: "a grant of $5 million to rebuild 12 bridges"."""
    if not c.chain:
        return None
    top = c.chain[-1]
    owner = top.head
    money = owner.like_num or owner.lower_ in ("$", "million", "billion") or owner.lemma_.lower() in _RESOURCES
    if top.dep_ in ("acl", "relcl") and top.tag_ == "VB" and money and _verb_lemma(top) not in _NON_AGENTIVE \
            and any(x.dep_ == "aux" and x.tag_ == "TO" for x in top.children):
        return "target", "purpose"
    return None


def _k_arrangement(c: _Clause) -> KindResult:
    """Arrangements and goals stated without a modal: "fees are to be raised to $90" ("be to"), "the goal
    is 2,900 officers" (not "the plan is $8 billion", a budget), "brings his commitment to $20 million",
    "the planned deficit was set at $4 billion", "the demands include raising fares by 15%"."""
    if not c.chain:
        return None
    head, v0, top = c.head, c.chain[0], c.chain[-1]
    if v0.dep_ == "xcomp" and v0.head.lemma_ == "be" and any(x.dep_ == "aux" and x.tag_ == "TO" for x in v0.children) \
            and not _negated_token(v0.head):
        return "target", "be-to"
    if v0.lemma_ == "be" and any(x.dep_ == "nsubj" and x.lemma_.lower() in _COPULAR_GOALS for x in v0.children):
        return "target", "goal-copula"
    if _verb_lemma(v0) in (_UP_V | _DOWN_V | _LEVEL_V | {"bring"}):
        for x in v0.children:
            if x.dep_ in ("dobj", "nsubj", "nsubjpass") and head.i not in range(x.left_edge.i, x.right_edge.i + 1) and (
                    x.lemma_.lower() in _GOAL_NOUNS or any(d.lower_ in _AIM_PART for d in x.children)):
                return "target", "goal-level"
    if _verb_lemma(top) in _PLAN_CONTENT:
        for x in top.children:
            if x.dep_ == "nsubj" and (x.lemma_.lower() in _GOV_GOAL or any(
                    d.dep_ == "compound" and d.lemma_.lower() in _GOV_GOAL for d in x.children)):
                if not any(y.dep_ == "dobj" and y.i <= head.i <= y.right_edge.i and y.lemma_.lower() in _RESOURCES
                           for y in top.children):
                    return "target", "plan-content"
    return None


def _k_set_term_now(c: _Clause) -> KindResult:
    """Terms a law or budget sets, announced in the present: "the sales tax is being cut to 6%"."""
    if not c.chain:
        return None
    v0 = c.chain[0]
    if _set_term(v0) and v0.tag_ in ("VBZ", "VBP", "VBN", "VBG") and not any(
            a.lemma_ == "have" or a.tag_ == "VBD" for a in v0.children if a.dep_ in ("aux", "auxpass")):
        if _verb_lemma(v0) in (_UP_V | _DOWN_V | _LEVEL_V) and _arg_of(c.head, v0, frozenset({"to", "by", "at"})) \
                and not any(x.dep_ == "dobj" for x in v0.children):
            return "target", "set-term-now"
    return None


def _k_modals(c: _Clause) -> KindResult:
    """Modals and aim verbs on the governing verbs, nearest first: past modals are actual; "must" is an
    obligation (a quota), except an obligation to pay; "should" is a quota for an agent's action and a
    forecast for a change; "will/would" is a forecast unless the number is a party to the action, a
    past-tense condition recomputes it, a law sets the term, or an actor decides it."""
    head, chain = c.head, c.chain
    for vb in chain:
        lem = vb.lemma_.lower()
        auxes = _aux_words(vb)
        aux_l = [a.lower_ for a in auxes]
        negated = _negated_token(vb)
        past_modal = any(a.lower_ == "have" for a in auxes) and any(a in _LIKELY | _FUTURE for a in aux_l)
        passive = any(a.dep_ == "auxpass" for a in auxes)
        if lem == "target" and passive:
            continue  # "was targeted by $4 million in attacks": the victim, not a goal
        if past_modal:
            return "actual", "past-modal"
        if lem in _FORECAST_VERBS:
            return "forecast", "expect-verb"
        if vb.dep_ == "acl" and vb.tag_ == "VBN":
            continue  # "migrants wanted on warrants": a participle, not an aim
        if vb is not chain[0] and lem in _AIM_VERBS:
            return "target", "aim-verb"
        if vb is chain[0] and lem in _AIM_OBJECT and not passive:
            return "target", "aim-object"
        for a in auxes:
            al = a.lower_
            if al == "must" and not negated:
                return ("actual", "must-pay") if lem in _PAYMENT_VERBS else ("target", "must")
            if al in _OBLIGATION and al != "shall":
                if lem in _NON_AGENTIVE or any(x.dep_ in ("nsubj", "expl") and x.pos_ not in ("PROPN", "PRON")
                                                and x.lemma_.lower() not in ("office", "agency", "officer", "worker")
                                                and lem in _NON_AGENTIVE for x in vb.children):
                    return ("forecast", "should-change") if not negated else ("actual", "should-not")
                return ("target", "should-act") if not negated else ("actual", "should-not")
        if any(a in _FUTURE for a in aux_l):
            if negated:
                return "actual", "negated-modal"  # "would not be allowed to earn above $5 million"
            if _participant(head, vb):
                return "actual", "participant"  # "will face 18 states in court": an existing party
            cond = [x for x in vb.children if x.dep_ == "advcl" and any(m.lower_ == "if" for m in x.children)]
            if "would" in aux_l and cond and any(_past_form(x) for x in cond):
                return "actual", "past-condition"  # "firms would owe $50 billion if profits were taxed"
            if _set_term(vb) and lem not in ("cost", "total", "amount", "save", "generate", "mean", "require"):
                return "target", "set-term"  # "the minimum wage will rise to $14": a term a law sets
            t = head.head if head.dep_ in ("nummod", "quantmod", "compound") else head
            agentive = lem not in _NON_AGENTIVE and vb.lemma_ != "be"
            if agentive and t.dep_ == "nsubjpass" and t.head.i == vb.i:
                return "target", "passive-plan"  # "$7 million in aid will be withheld": a decided action
            if lem in _ACTION_VERBS and t.dep_ == "dobj" and t.head.i == vb.i and any(
                    x.dep_ == "nsubj" and x.pos_ != "PRON" for x in vb.children):
                return "target", "action-plan"  # "the family will donate $1 million"
            if _actor_plan(vb, lem):
                return "target", "actor-plan"  # "the province will raise its tax rate to 17 pct"
            return "forecast", "will"
        if lem == "look" and any(x.dep_ == "prep" and x.lower_ == "for" for x in vb.children):
            return "forecast", "looks-for"  # "the ministry looks for 2.7 pct growth"
        # a likely change by a future time or under an open condition: "could reach 40% by 2050",
        # "could save $3 billion if completed"; not an amount already fixed ("the loss could top $5 million")
        if any(a in ("could", "may", "might") for a in aux_l) and not negated and (
                lem in (_UP_V | _DOWN_V | _LEVEL_V) or lem in ("reach", "exceed", "top", "hit", "surpass", "save", "cost")) \
                and (_future_marked(vb) or (vb.dep_ == "ccomp" and _verb_lemma(vb.head) in _ESTIMATE_VERBS)):
            return "forecast", "likely-modal"  # also "the office estimated the jets could cost $9 billion"
        if lem in _FORECAST_VERBS and vb is not chain[0]:
            return "forecast", "expect-verb"
        if vb.dep_ == "xcomp" and vb.head.lemma_.lower() in ("expect", "project", "forecast", "predict", "set",
                                                              "likely", "poised", "due", "slate", "going", "anticipate"):
            return "forecast", "set-to"
        if lem in ("go",) and any(x.dep_ == "xcomp" for x in vb.children) and "be" in [a.lemma_ for a in auxes]:
            return "forecast", "going-to"
    return None


def _k_governor(c: _Clause) -> KindResult:
    """An aim or expectation governing the number's clause from further up (see :func:`_governing_aim`)."""
    gov = _governing_aim(c.head)
    return (gov[0], "governor") if gov is not None else None


def _k_possible(c: _Clause) -> KindResult:
    """ "cuts of up to $150 million are possible": a forecast adjective on the number's clause."""
    v0 = c.chain[0] if c.chain else None
    if v0 is not None and v0.lemma_ == "be" and any(x.dep_ == "acomp" and x.lower_ in _FORECAST_ADJ for x in v0.children) \
            and any(x.dep_ in ("nsubj", "nsubjpass") and c.head.i in range(x.left_edge.i, x.right_edge.i + 1)
                    for x in v0.children):
        return "forecast", "possible"
    return None


def _k_noun_cues(c: _Clause) -> KindResult:
    """Cues on the number's own noun: "the recommended 2 percent", "the 3% rise analysts had expected",
    "30,000 arrivals expected this year", "spending caps — $513 million for 2016", "the goal of 40"."""
    head, noun = c.head, c.noun
    for x in noun.children:
        if x.dep_ in ("amod", "acl") and x.lower_ in _AIM_PART and x.i < noun.i:
            return "target", "aim-participle"
        if x.dep_ == "relcl" and _verb_lemma(x) in _FORECAST_VERBS:
            return "forecast", "expected-relcl"
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "appos" and first.head.lemma_.lower() in _GOAL_NOUNS:
        return "target", "goal-appos"
    for x in noun.children:
        if x.dep_ in ("acl", "amod") and x.lemma_.lower() in ("expect", "project", "forecast", "predict",
                                                              "expected", "projected", "planned", "proposed"):
            planned = x.lemma_.lower() in ("planned", "proposed", "plan", "propose")
            return ("target", "noun-participle") if planned else ("forecast", "noun-participle")
        if x.dep_ in ("amod", "compound") and x.lemma_.lower() in _GOAL_NOUNS:
            return "target", "goal-modifier"
    if noun.lemma_.lower() in _GOAL_NOUNS:
        return "target", "goal-modifier"
    if noun.head.i != noun.i and noun.head.lemma_.lower() in _GOAL_NOUNS and noun.dep_ in ("compound", "nmod", "amod"):
        return "target", "goal-modifier"
    return None


#: the kind stages by name; ``kind_rules.json`` gives their order (the decision table)
_KIND_STAGES: dict[str, Callable[[_Clause], KindResult]] = {
    "aside": _k_aside,
    "whole": _k_whole,
    "revised-forecast": _k_revised_forecast,
    "baseline": _k_baseline,
    "headline-infinitive": _k_headline_infinitive,
    "goal-or-forecast-noun": _k_goal_or_forecast_noun,
    "clause-owner": _k_clause_owner,
    "forecast-cues": _k_forecast_cues,
    "purpose": _k_purpose,
    "arrangement": _k_arrangement,
    "set-term-now": _k_set_term_now,
    "modals": _k_modals,
    "governor": _k_governor,
    "possible": _k_possible,
    "noun-cues": _k_noun_cues,
}
_KIND_ORDER: list[str] = [r["stage"] for r in load("kind_rules.json")["stages"]]


def _kind_rule(span: Span) -> tuple[str, str]:
    """The decision table: the first stage (in the data file's order) that decides, else actual."""
    c = _Clause(span)
    for name in _KIND_ORDER:
        r = _KIND_STAGES[name](c)
        if r is not None:
            return r
    return "actual", "default"


def _governing_aim(head: Token) -> Optional[tuple[str, Token]]:
    """An aim verb or goal noun governing the clause the number is in makes a target: "called for spending
    to be raised to $4 billion", "pressure on members to cut prices to $20", "plans to give $9
    million"; a verb or adjective of expectation makes a forecast: "saw prices dropping to $16", "is
    projected to reach $29 billion", "looked likely to fall to $125 billion"."""
    cur = head
    verbs = 0
    via_prep = False  # the number is a level reached through a preposition ("dropping to $16")
    for _ in range(14):
        if cur.head.i == cur.i:
            return None
        prev, cur = cur, cur.head
        link = prev.dep_
        to_inf = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in prev.children)
        if link in ("relcl", "parataxis", "appos") or (link == "advcl" and not to_inf) \
                or (link == "ccomp" and _verb_lemma(cur) not in (_CCOMP_AIM | _FORECAST_VERBS | _SEEING)) \
                or (link == "conj" and cur.pos_ in ("VERB", "AUX")):
            return None  # a relative or adverbial clause describes; it is not what the aim asks for
        if cur.pos_ == "ADP" and cur.head.pos_ in ("VERB", "AUX") and _verb_lemma(cur.head) not in _GOV_AIM \
                and verbs >= 1:
            return None  # "worn down by the weight of 1,000 feet": an adjunct, not a complement
        if cur.pos_ == "ADP" and verbs == 0:
            via_prep = True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "amod":
            verbs += 1
            lem = _verb_lemma(cur)
            if _negated_token(cur):
                return None
            if lem in _NEEDS_COMP and verbs == 1 and prev.lower_ in _NEEDS_COMP[lem]:
                return "target", cur  # "the governor called for $2 billion", "asked for $35 million"
            if lem in _GOV_AIM and verbs > 1:
                need = _NEEDS_COMP.get(lem)
                if need is None or any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in need)
                                       for c in cur.children):
                    return "target", cur
            seeing = lem in _SEEING and link in ("ccomp", "xcomp", "oprd") and via_prep and not any(
                c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you") for c in cur.children)
            if verbs > 1 and (lem in _FORECAST_VERBS or seeing):
                return "forecast", cur
            if any(c.dep_ == "acomp" and c.lower_ in _FORECAST_ADJ and any(x.dep_ == "xcomp" for x in c.children)
                   for c in cur.children):
                return "forecast", cur
            if verbs > 3:
                return None
        elif cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in _GOV_GOAL and verbs >= 1 and (link in (
                "acl", "pcomp", "xcomp", "ccomp") or (link == "prep" and prev.lower_ in ("for", "to", "of"))):
            return "target", cur  # "plans to give $15 million"
    return None


def _prep_of(head: Token) -> Optional[Token]:
    """The preposition the number (or the noun it counts) is the object of; through "of" under a change
    noun ("after a rise of 18%" -> after)."""
    t = head
    if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and _is_change(t.head):
        t = t.head  # "after a 2.1% gain"
    if t.dep_ == "pobj":
        p = t.head
        if p.lower_ == "of" and _is_change(p.head) and p.head.dep_ == "pobj":
            return p.head.head
        return p
    return None


def _baseline(head: Token) -> bool:
    """ "after a 2.1% gain", "up from 3.5%", "compared with 7 billion": the start of a change."""
    p = _prep_of(head)
    if p is None:
        return False
    w = p.lower_
    t = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i else head
    if t.lemma_.lower() in _FORECAST_NOUNS or any(c.lower_ in _FORECAST_MARKS for c in t.children):
        return False  # "from a previously estimated $2 billion", "a 2.8% growth forecast": an earlier forecast
    if w == "with" and p.head.lower_ == "compared":
        return True
    if w == "from" and any(c.dep_ == "prep" and c.lower_ == "to" for c in p.head.children):
        return True  # "to $125 billion from $130 billion": the level it starts from
    return w in _BASELINE_PREPS and w != "from" or (w == "from" and p.head.lower_ in ("up", "down"))


def _participant(head: Token, vb: Token) -> bool:
    """The number describes a party to the action, not the amount it asserts: "will face 18 states",
    "will be heard by 9 judges", "$3 million of it will pay 210 guards"; a conjunct or apposition shares
    the role of the first one ("against the county, 18 towns and two unions")."""
    t = _modified_noun(head)
    for _ in range(6):
        if t.dep_ in ("conj", "appos") and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
            t = t.head
        else:
            break
    if t is not head and t.dep_ == "pobj" and (t.head.dep_ == "agent" or t.head.lower_ in _PARTICIPANT_PREPS):
        return True
    p = _prep_of(head)
    if p is not None and (p.dep_ == "agent" or p.lower_ in _PARTICIPANT_PREPS):
        return True
    t = head.head if head.dep_ in ("nummod", "quantmod", "compound") else head
    if any(c.lower_ in ("more", "additional", "another", "new") for c in (*head.children, *t.children)):
        return False  # "eight more stations will open": ones that do not exist yet, no existing party
    return t.dep_ == "nsubj" and t.head.i == vb.i and _verb_lemma(vb) not in (_NON_AGENTIVE | _UP_V | _DOWN_V) \
        and vb.lemma_ != "be"


def _future_marked(vb: Token) -> bool:
    """A time ahead or an open condition on the verb: "by 2050", "next year", "if completed"."""
    for c in vb.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "within", "in"):
            if any(o.ent_type_ == "DATE" or (o.like_num and len(o.text) == 4) for o in c.subtree):
                return True
        if c.dep_ == "npadvmod" and any(a.lower_ in ("next", "coming") for a in c.children):
            return True
        if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) and not _past_form(c):
            return True
    return False


def _past_form(v: Token) -> bool:
    """A past-tense condition ("if profits were taxed"): the clause recomputes, it does not predict."""
    return v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in v.children if c.dep_ in ("aux", "auxpass"))


def _set_term(vb: Token) -> bool:
    """The clause's subject is a term a law, budget or authority sets: a wage, a tax, a fee, a cap."""
    if vb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in vb.children):
        vb = vb.head  # "compensation will start at 50% and max out at $850"
    for c in vb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = {c.lemma_.lower()} | {d.lemma_.lower() for d in c.children if d.dep_ in ("compound", "amod")}
            o = _of_object(c)
            if o is not None:
                words.add(o.lemma_.lower())
            if words & _GOAL_NOUNS and vb.lemma_ == "be":
                return True  # "the target range will be 2 to 6 pct"
            return c.lemma_.lower() in _SET_TERMS or (c.lemma_.lower() in ("rate", "level") and bool(words & _SET_TERMS))
    return False


def _actor_plan(vb: Token, lem: str) -> bool:
    """A future action by an agent that decides it (a government, a group, a named person)."""
    transitive = any(c.dep_ == "dobj" for c in vb.children)
    if vb.lemma_ == "be" or (lem in _NON_AGENTIVE and not (transitive and lem in (_UP_V | _DOWN_V))):
        return False
    for c in vb.children:
        if c.dep_ == "nsubj":
            if c.ent_type_ in ("ORG", "GPE", "NORP") or c.lemma_.lower() in _ACTORS:
                return True
            if c.pos_ == "PRON" and c.lower_ in ("it", "we", "they") and any(a.lower_ in ("will", "would", "'ll")
                                                                             for a in vb.children):
                return False
    return False


def _in_parentheses(span: Span) -> bool:
    doc = span.doc
    lo = max(span.sent.start, span.start - 8)
    before = [t.text for t in doc[lo: span.start]]
    after = [t.text for t in doc[span.end: min(span.sent.end, span.end + 8)]]
    return "(" in before and ")" not in before[before.index("(") + 1:] and ")" in after


def _victim_target(n: Token) -> bool:
    """ "X was the target of $480,000 in attacks": target as the one aimed at."""
    return n.lemma_.lower() == "target" and n.dep_ == "attr" and n.head.lemma_ == "be"


def _chain_with_clause(head: Token) -> list[Token]:
    return [head] + list(clause_chain(head))


def hedged(span: Span) -> bool:
    """Marked second-hand or uncertain in its own clause: reportedly, allegedly, an estimated."""
    head = span_head(span)
    chain = _chain_with_clause(head)
    for t in chain:
        for c in t.children:
            if c.lower_ in _HEDGES and c.dep_ in ("advmod", "amod", "npadvmod", "det", "quantmod", "nmod"):
                return True
    for t in span:
        if t.lower_ in _HEDGES:
            return True
    # a hedge phrase in the sentence, looked for within 40 tokens either side of the number (all of
    # an ordinary sentence; a bounded window in a text of numbers)
    sent = span.sent
    doc = span.doc
    return bool(_HEDGE_PHRASES.search(doc[max(sent.start, span.start - 40): min(sent.end, span.end + 40)].text))


def negated(span: Span) -> bool:
    """The claim's own clause denies it: "did not make 956 arrests", "never reached 3,000"."""
    head = span_head(span)
    v = clause_verb(head)
    if v is None:
        return False
    return _negated_token(v)


def ceiling(span: Span) -> bool:
    """ "could not break 50 percent": the number is an upper bound, not a value."""
    head = span_head(span)
    v = clause_verb(head)
    return v is not None and _negated_token(v) and v.lemma_.lower() in _CEILING and head.dep_ in ("dobj", "pobj",
                                                                                                   "npadvmod", "attr")


def change(span: Span) -> Optional[str]:
    """Direction when the number is a change: "rose 20%" -> up, "a $3 billion cut" -> down."""
    head = span_head(span)
    h = head.head
    # "a $3 billion cut", "a 20 percent increase"
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and h.i >= span.end:
        lem = h.lemma_.lower()
        if lem in _UP_N:
            return "up"
        if lem in _DOWN_N:
            return "down"
    # "an increase of 400", "an increase of 400 jobs"
    of_tok = h if head.dep_ == "pobj" else (h.head if head.dep_ == "nummod" and h.dep_ == "pobj" else None)
    if of_tok is not None and of_tok.lower_ == "of" and of_tok.head.lemma_.lower() in (_UP_N | _DOWN_N):
        return "up" if of_tok.head.lemma_.lower() in _UP_N else "down"
    # "up 5 percent", "down 3%"
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ("up", "down") and prev.dep_ in ("advmod", "prt", "prep", "quantmod"):
        return "up" if prev.lower_ == "up" else "down"
    # "rose 20%", "fell by 3.5 percent"; not "rose to $3 billion" (a level)
    v = None
    if head.dep_ in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "conj", "appos", "dep"):
        v = h
    elif head.dep_ == "pobj" and h.lower_ == "by":
        v = h.head
    elif head.dep_ in ("nummod", "compound") and h.dep_ in ("dobj", "npadvmod") and h.head.pos_ == "VERB":
        v = h.head  # "lost 300 points", "cut 1,200 jobs", "added 200 jobs"
    elif head.dep_ in ("nummod", "compound") and h.dep_ == "pobj" and h.head.lower_ == "by":
        v = h.head.head  # "was raised by 25 basis points"
    if v is not None and v.pos_ in ("VERB", "AUX", "ADV", "ADJ", "NOUN"):
        lem = v.lemma_.lower()
        if v.pos_ == "NOUN":
            return ("up" if lem in _UP_N else "down" if lem in _DOWN_N else None) if head.dep_ == "pobj" else None
        money = bool(re.search(r"[$£€¥]|\b(?:dollars?|dlrs|euros?|pounds)\b", span.text, re.I))
        if lem in _UP_V or v.lower_ in _UP_V or (lem in ("raise", "hike") and not money):
            return "up"
        if lem == "lower" and not money:
            return "down"
        if lem in _DOWN_V or v.lower_ in _DOWN_V:
            return "down"
    return None


_WORDS = re.compile(r"[A-Za-z]+")
_FUTURE_DATE_KINDS: dict[str, str] = {k: v for k, v in _F["future_date_kinds"].items() if not k.startswith("_")}


def kind_for_future_date(text: str, date_start: int) -> str:
    """The kind of an "actual" figure that its own time puts after publication, which cannot be a
    fact yet: the word before the time decides ("reach 40% by 2030" a target, "a $9 million budget
    for fiscal 2029" stays actual as a sum for its period, "1.9% in 2031" a forecast)."""
    before = _WORDS.findall(text[max(0, date_start - 40):date_start].lower())
    own = _WORDS.match(text, date_start)  # the time's first word: "FY 2029", "fiscal 2029"
    words = ([own.group(0).lower()] if own else []) + before[-1:]
    if before[-1:] in (["in"], ["on"], ["the"]):
        words += before[-2:-1]  # "starting in 2030", "for the 2029 budget"
    for w in words:
        if w in _FUTURE_DATE_KINDS:
            return _FUTURE_DATE_KINDS[w]
    return _FUTURE_DATE_KINDS[""]

