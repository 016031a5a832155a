"""The command line: thin wrappers over library functions.

``app`` lives in ``cli/app.py``; importing this package attaches every command
module's commands to it, so ``from flashpoint.cli import app`` is the whole CLI.
A new command is a module here and a line below.
"""

from flashpoint.cli import corpus, evaluate, extract, serve  # noqa: F401
from flashpoint.cli.app import app, main

__all__ = ["app", "main"]
