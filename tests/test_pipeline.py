"""The spaCy component: entry point, plain data on the Doc, multiprocess and DocBin."""
import spacy
from spacy.tokens import DocBin

TEXT = "The agency said it made 956 arrests on Sunday. Officials want 1,000 a day."


def _fresh(nlp):
    return spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["claimex"])


def test_add_pipe_fills_doc_claims(nlp):
    local = _fresh(nlp)
    local.add_pipe("claimex")
    doc = local(TEXT)
    texts = [c["quantity"]["text"] for c in doc._.claims]
    assert texts == ["956", "1,000"]
    assert isinstance(doc._.claims[0], dict)


def test_multiprocess_keeps_claims(nlp):
    local = _fresh(nlp)
    local.add_pipe("claimex")
    serial = [d._.claims for d in local.pipe([TEXT] * 4)]
    parallel = [d._.claims for d in local.pipe([TEXT] * 4, n_process=2)]
    assert parallel == serial and serial[0]


def test_docbin_keeps_claims(nlp):
    local = _fresh(nlp)
    local.add_pipe("claimex")
    db = DocBin(store_user_data=True)
    db.add(local(TEXT))
    doc = list(DocBin().from_bytes(db.to_bytes()).get_docs(local.vocab))[0]
    assert [c["quantity"]["text"] for c in doc._.claims] == ["956", "1,000"]
