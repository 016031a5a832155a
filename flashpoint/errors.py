"""Named errors: each has a code and one sentence a user can search for."""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to users."""

    code = "FP000"
    template = "Flashpoint error: {detail}"

    def __init__(self, detail: str = "", **fields: object) -> None:
        self.detail = detail
        self.fields = fields
        super().__init__(f"{self.code}: " + self.template.format(detail=detail, **fields))


class EmptyInput(FlashpointError):
    code = "FP001"
    template = "The input is empty or holds only whitespace{detail}."


class BinaryInput(FlashpointError):
    code = "FP002"
    template = "The input looks binary, not text{detail}."


class UndecodableInput(FlashpointError):
    code = "FP003"
    template = "The input is not valid UTF-8{detail}; convert it to UTF-8 first."


class InputTooLarge(FlashpointError):
    code = "FP004"
    template = (
        "The input is {size} characters, over the limit of {limit}{detail}; raise --max-chars."
    )


class NotEnglish(FlashpointError):
    code = "FP005"
    template = "The input looks like '{language}', not English{detail}; only English is supported."


class NoTextInHtml(FlashpointError):
    code = "FP006"
    template = "No article text could be found in the HTML page{detail}."


class ModelNotFound(FlashpointError):
    code = "FP010"
    template = "Can't load the spaCy model '{model}'{detail}; install it with pip."


class BadDate(FlashpointError):
    code = "FP011"
    template = "'{value}' is not an ISO date (YYYY-MM-DD){detail}."


class UnknownComponent(FlashpointError):
    code = "FP012"
    template = "No {kind} named '{name}' is registered{detail}; known: {known}."


class EvalDataMissing(FlashpointError):
    code = "FP020"
    template = (
        "The evaluation data folder '{path}' is missing or holds no files in the expected"
        " format{detail}."
    )


class StoreError(FlashpointError):
    code = "FP030"
    template = "Corpus store error: {detail}."


class FetchError(FlashpointError):
    code = "FP031"
    template = "Could not fetch '{url}'{detail}."


class ExtractionFailed(FlashpointError):
    code = "FP032"
    template = "Extraction failed{detail}."


class MissingColumn(FlashpointError):
    code = "FP033"
    template = "The column '{column}' is not in {path}{detail}; found: {found}."


class BadRecord(FlashpointError):
    code = "FP034"
    template = "A record could not be read{detail}."


class MissingProducer(FlashpointError):
    code = "FP090"
    template = (
        "The extractor '{name}' requires '{needs}', which no chosen extractor produces{detail}."
    )


class ExtractorCycle(FlashpointError):
    code = "FP091"
    template = "The extractors {names} require each other in a cycle{detail}; none can run first."


class DuplicateProducer(FlashpointError):
    code = "FP092"
    template = "Both '{first}' and '{second}' produce '{what}'{detail}; one producer per name."


class LayerUnavailable(FlashpointError):
    code = "FP093"
    template = (
        "The context layer '{layer}' was read before it was produced{detail};"
        " the reading extractor must declare it in requires."
    )


class BadDataFile(FlashpointError):
    code = "FP094"
    template = "The data file '{path}' is invalid at line {line}: {detail}."


# --- the web app (flashpoint serve) ---


class QueryTimeout(FlashpointError):
    code = "FP060"
    template = "The query ran over the time limit of {limit:g} s{detail}; narrow it down."


class RequestTooLarge(FlashpointError):
    code = "FP061"
    template = "The request body is over the limit of {limit} bytes{detail}."


class NotFound(FlashpointError):
    code = "FP062"
    template = "No {kind} '{key}' in this corpus{detail}."


class BadParameter(FlashpointError):
    code = "FP063"
    template = "Bad request parameter{detail}."


class WebUnavailable(FlashpointError):
    code = "FP064"
    template = "The web app needs {package}{detail}; install Flashpoint with its dependencies."


class CrossSiteRequest(FlashpointError):
    code = "FP065"
    template = "A form posted from another site is refused{detail}; use the page on this server."


class CannotListen(FlashpointError):
    code = "FP066"
    template = "Cannot serve on {host}:{port}{detail}."


# --- real-news extraction ---


class BadConfidence(FlashpointError):
    code = "FP080"
    template = "--min-confidence must be between 0 and 1, not {value}{detail}."


# --- hardening: input, fetching, the command line ---


class NoStandardInput(FlashpointError):
    code = "FP040"
    template = "There is no standard input to read{detail}; pipe a text in or give a file path."


class UnreadableInput(FlashpointError):
    code = "FP041"
    template = "Cannot read '{path}'{detail}."


class UnsupportedScheme(FlashpointError):
    code = "FP042"
    template = "Only http and https links are fetched, not '{url}'{detail}."


class FetchTooLarge(FlashpointError):
    code = "FP043"
    template = "The page at '{url}' is over the cap of {limit} bytes{detail}."


class FetchTimedOut(FlashpointError):
    code = "FP044"
    template = "Fetching '{url}' took longer than the {seconds:g} s allowed{detail}."


class InvalidUnicode(FlashpointError):
    code = "FP045"
    template = "The input holds a lone surrogate (U+{point:04X}) at character {at}{detail}."


class UsageError(FlashpointError):
    code = "FP046"
    template = "Bad command line: {detail}; see --help."


class InternalError(FlashpointError):
    code = "FP047"
    template = (
        "Internal error ({detail}); this is a bug, please report it"
        " (set FLASHPOINT_DEBUG=1 for the traceback)."
    )
