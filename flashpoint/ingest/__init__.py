"""Ingest: turn raw bytes (text, HTML) into checked, decoded documents."""

from flashpoint.ingest.text import RawDocument, check_text, decode, load_path

__all__ = ["RawDocument", "check_text", "decode", "load_path"]
