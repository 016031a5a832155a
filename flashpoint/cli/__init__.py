"""The command line: thin wrappers over library functions."""

from flashpoint.cli.app import app, main

__all__ = ["app", "main"]
