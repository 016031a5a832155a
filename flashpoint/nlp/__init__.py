"""NLP backbone: the spaCy pipeline every extractor reads from."""

from flashpoint.nlp.backbone import load

__all__ = ["load"]
