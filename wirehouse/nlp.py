"""The spaCy pipeline every NLP stage shares: tokenizer, sentences and the entity recogniser.

`parse(text)` returns a Doc whose `doc.ents` are PERSON/ORG/GPE/LOC/NORP spans found by the
gazetteer-and-rules recogniser in wirehouse.recognise; each span also carries its canonical
reading in `span._.wh` (a wirehouse.recognise.Reading). By default the pipeline is spaCy's blank
English; `configure("en_core_web_sm")` loads an installed statistical model instead and our
component merges the model's entities with its own (ours win where they overlap).
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirehouse import recognise

# The environment carries the choice to worker processes started after configure().
MODEL_VARIABLE = "WIREHOUSE_SPACY_MODEL"
TOKENIZER_CACHE_CHUNKS = 200_000  # whitespace-separated chunks whose tokens are remembered
_model: str | None = os.environ.get(MODEL_VARIABLE) or None


def configure(spacy_model: str | None) -> None:
    """Choose the spaCy pipeline: None for blank English, or an installed model's name."""
    global _model
    if spacy_model:
        os.environ[MODEL_VARIABLE] = spacy_model
    else:
        os.environ.pop(MODEL_VARIABLE, None)
    if spacy_model != _model:
        _model = spacy_model
        pipeline.cache_clear()


def configured() -> str | None:
    """The installed model's name the pipeline uses, or None for blank English."""
    return _model


@Language.component("wirehouse_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines have no full stop."""
    spaces = doc.to_array("IS_SPACE")[:-1].nonzero()[0] if len(doc) > 1 else ()
    for i in spaces:  # the whitespace tokens only: a Token per word would cost more than all this
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@cache
def pipeline() -> Language:
    if _model:
        nlp = spacy.load(_model)
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("wirehouse_entities", last=True)
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("wirehouse_paragraphs")
        nlp.add_pipe("wirehouse_entities")
    # The recogniser tokenizes every gazetteer form while it is built, which fills spaCy's
    # tokenizer cache (10,000 chunks by default); a full cache caches nothing more, and
    # tokenizing an article then costs four times as much. The cache is exact; this bounds
    # its memory to a few MB.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    return nlp


def parse(text: str) -> Doc:
    """Tokens, sentences and entities of one article body (offsets index `text`)."""
    return pipeline()(text)


__all__ = ["configure", "configured", "parse", "pipeline", "recognise"]
