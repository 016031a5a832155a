"""The web face of a corpus: ``flashpoint serve`` (FastAPI, Jinja2 templates, htmx).

Read-only by default, a JSON twin for every page, every item one click from the
words it came from. The app only parses requests and calls the library
(:mod:`flashpoint.corpus`); the library never imports this package. Details in
docs/web.md.
"""

from __future__ import annotations

from flashpoint.web.app import DEFAULT_PORT, WebSettings, create_app

__all__ = ["DEFAULT_PORT", "WebSettings", "create_app"]
