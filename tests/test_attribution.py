"""Speakers on sentences of our own: cues, quotes, names, pronouns, outlets, own voice."""
import pytest

from claimex.attribution import find_quotes
from conftest import one


@pytest.mark.parametrize("text, needle, name, mode", [
    ("The agency said it made 412 arrests on Friday.", "412", "agency", "indirect"),
    ("Water use fell 12 percent, said Mayor Dana Whitlock.", "12 percent", "Dana Whitlock", "indirect"),
    ("Sheriff Omar Lentz told reporters that deputies seized 30 rifles.", "30", "Omar Lentz", "indirect"),
    ("Officials estimated that 2,000 homes lost power.", "2,000", "Officials", "indirect"),
    ("The bridge carries 40,000 cars a day, according to the state transit agency.", "40,000",
     "state transit agency", "according_to"),
    ("Court documents show the firm owed $3 million.", "$3 million", "Court documents", "report"),
])
def test_cues(ex, text, needle, name, mode):
    sp = one(ex, text, needle).speaker
    assert sp is not None and sp.name == name and sp.mode == mode


def test_pronoun_resolves_to_full_name(ex):
    text = ("Harbor Commissioner Ines Valdor toured the docks on Monday.\n\n"
            "She said crews unloaded 310 containers.")
    sp = one(ex, text, "310").speaker
    assert sp.name == "Ines Valdor" and sp.type == "person"
    assert text[sp.start:sp.end] == "She"


def test_surname_resolves_and_title_is_split(ex):
    text = ("Deputy Mayor Laura Ostrowski presented the budget.\n\n"
            "The plan adds 45 officers, Ostrowski said.")
    assert one(ex, text, "45").speaker.name == "Laura Ostrowski"
    first = "Deputy Mayor Laura Ostrowski said the city hired 45 officers."
    sp = one(ex, first, "45").speaker
    assert sp.name == "Laura Ostrowski" and sp.title == "Deputy Mayor"


def test_outlet_is_via(ex):
    text = "The Washington Post reported on the raids. Agent Cal Moore told the Post that 75 people were held."
    sp = one(ex, text, "75").speaker
    assert sp.name == "Cal Moore" and sp.via == "Washington Post"


def test_direct_quote_over_sentences_and_paragraphs(ex):
    text = ('"We moved 900 families last year. We will move 1,200 this year," said Rosa Quint, the housing director.\n\n'
            '"And we still need 300 more units."\n\nThe council meets on 14 June.')
    for needle in ("900", "1,200", "300"):
        sp = one(ex, text, needle).speaker
        assert sp is not None and sp.name == "Rosa Quint" and sp.mode == "direct", needle


def test_own_voice_and_no_carry_over(ex):
    text = "The mayor said the city hired 45 officers. The city has 2,100 officers in all."
    assert one(ex, text, "45").speaker is not None
    assert one(ex, text, "2,100").speaker is None


def test_aside_in_own_voice_gets_no_speaker(ex):
    text = "Analysts said the merger, which was valued at $62.5 billion, would close soon."
    assert one(ex, text, "$62.5 billion").speaker is None


def test_unbalanced_quotes_do_not_swallow_the_article(ex):
    text = 'He said "we lost 30 boats.\n\nThe port reopened with 12 cranes.'
    quotes = find_quotes(text)
    assert all(q.end <= text.index("\n\n") for q in quotes)
    assert one(ex, text, "12").speaker is None
    assert find_quotes('"' * 20001) is not None


def test_trailing_and_parenthetical_cues(ex):
    text = "Sixty percent of renters in the county face rising costs, the survey found."
    sp = one(ex, text, "Sixty percent").speaker
    assert sp is not None and sp.name == "survey" and sp.type == "document"
    text = "The top issues, residents said, are housing (41 percent) and transit (22 percent)."
    assert one(ex, text, "41 percent").speaker.name == "residents"
    text = "In the latest Harlow College poll, the mayor led 52 percent to 40 percent."
    sp = one(ex, text, "52 percent").speaker
    assert sp is not None and sp.type == "document" and "poll" in sp.name
