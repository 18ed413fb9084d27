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


def test_factory_is_registered_by_entry_point():
    from importlib.metadata import entry_points

    eps = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert eps["claimex"].value == "claimex.pipeline:make_claimex"
    assert eps["claimex"].load().__name__ == "make_claimex"


def test_official_model_is_preferred_when_installed(monkeypatch):
    import importlib.util

    from claimex import api

    real = importlib.util.find_spec
    monkeypatch.setattr(api.importlib.util, "find_spec",
                        lambda name: object() if name == "en_core_web_sm" else real(name))
    assert api._default_model() == "en_core_web_sm"
    monkeypatch.setattr(api.importlib.util, "find_spec", lambda name: None)
    import pytest

    with pytest.raises(OSError, match="requirements-model.txt"):
        api._default_model()
