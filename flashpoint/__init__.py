"""Flashpoint: sourced, time-resolved records from news reports on political crises."""

from flashpoint.config import Settings
from flashpoint.errors import FlashpointError
from flashpoint.models import Report
from flashpoint.pipeline import extract, extract_many

__all__ = ["FlashpointError", "Report", "Settings", "extract", "extract_many"]
__version__ = "0.1.0"
