"""Article cleaning: what on a news page is not the article, found before any NLP runs.

Pages saved as text keep their furniture: reader-comment threads after the story,
"Recommended stories / list of N items / end of list" widgets, share and
subscribe lines, photo captions glued to sentences, highlight bullets and
editors' notes run into the first sentence, a Reuters time header. ``clean``
finds those blocks and the dateline ("TRIPOLI, Libya (CNN) --").

Offsets are kept: the stored ``Document.text`` is the text as given, and the
text the NLP pipeline parses is the same string with every removed block (and
the dateline) blanked to spaces, line breaks kept. So every evidence offset
points into the stored text, a removed block can never be evidence, and
``Document.removed`` lists each block (kind, start, end) for a user to check.

The heuristics are the named, ordered patterns below. A comment thread is
recognized by the boilerplate around it (moderation notices, "This discussion
is now closed") or by comment signatures ("January 30, 2011 at 12:11 pm |
Reply"); it starts at the first such mark, moved back over the lines just
before it that read like readers' posts (first and second person, shouting,
no reporting verb, no quotation), and runs to the end of the page. On a blog
page, a first post that lost its signature is found by its shouting or its "&"
(``unsigned_comment_start``). It does not find comments that carry neither marks
nor signatures elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# --- named heuristics, in the order they are applied -----------------------------

# Boilerplate that opens, closes or frames a reader-comment section.
COMMENT_MARKS = re.compile(
    r"(?im)^.{0,80}?(?:"
    r"views expressed in the comments do not represent"
    r"|we welcome comments"
    r"|this discussion is now closed"
    r"|comments are not pre-screened"
    r"|\(required, but will not be displayed\)"
    r"|welcomes a lively and courteous discussion"
    r"|notify me of follow-up comments"
    r"|(?:post|leave|add) (?:a|your) comment\s*$"
    r"|comments? \(\d+\)\s*$"
    r"|showing \d+(?:-\d+)? of \d+ comments"
    r"|\d+ comments?\s*$"
    r"|comments will be published, displaying your name"
    r")"
)
# A comment's signature line: date, time, "| Reply" or "| Report abuse".
COMMENT_SIGNATURE = re.compile(
    r"(?:[A-Z][a-z]+ \d{1,2}, \d{4}(?: \d\d:\d\d [ap]m)? at \d{1,2}:\d\d [ap]m \|"
    r"|\|\s*(?:Reply|Report abuse)\b"
    r"|(?<![\w,])\d{1,2}(?:st|nd|rd|th) [A-Z][a-z]+ \d{4} - \d\d:\d\d\b"  # BBC "Have your say"
    # a blog's comment: "At 18:03 2nd Mar 2012, reader42 wrote: ..."
    r"|\bAt \d{1,2}:\d\d \d{1,2}(?:st|nd|rd|th) [A-Z][a-z]{2,8} \d{4}, [^\n]{1,60}? wrote:)"
)
# Lines that read like a reader's post rather than the reporter's prose.
COMMENT_VOICE = re.compile(
    r"(?:\b(?:I|I'm|I've|my|you|your|we|us|our|lol|plz)\b|[!?]{1}\s*$|\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b)"
)
# A blog's comment signature alone ("At 18:03 2nd Mar 2012, reader42 wrote:").
BLOG_SIGNATURE = re.compile(
    r"\bAt \d{1,2}:\d\d \d{1,2}(?:st|nd|rd|th) [A-Z][a-z]{2,8} \d{4}, [^\n]{1,60}? wrote:"
)
# A reader's post without its signature: shouted phrases ("only a STAGING POST",
# "WESTERN-BACKED insurgents") or "&" for "and" (``unsigned_comment_start``).
SHOUTED = re.compile(r"\b[A-Z]{3,}(?:[ -][A-Z]{3,})+\b|\w \& \w")
UNSIGNED_REACH = 80  # lines looked back from a blog's first signed comment
REPORTED = re.compile(r"\b(?:said|says|told|according to|reported)\b|[\"“”]")
COMMENT_BACKTRACK = 12  # at most this many lines before the first mark

# Related-story widgets: "Recommended Stories list of 4 items ... end of list".
WIDGETS = re.compile(
    r"(?:recommended stories\s*)?list of \d+ items?.{0,2000}?end of list"
    r"|^(?:recommended stories|related (?:stories|coverage|articles|topics))\s*:?\s*$",
    re.I | re.S | re.M,
)
# Whole lines that only ask the reader to share, follow, subscribe or click.
SHARE_LINES = re.compile(
    r"(?im)^[ \t]*(?:share (?:this|on|via)\b|share\s*$|tweet\s*$|email this\b|print this\b"
    r"|follow (?:us|@\w+)\b|subscribe (?:to|for|now)\b|sign up (?:for|to)\b|click here\b"
    r"|read more\s*:|download the \w+ app\b|watch:? video\b"
    r"|the bbc is not responsible for the content of external).*$"
)
# Photo captions and credits glued into the text.
CAPTIONS = re.compile(
    r"(?:Image|Photo|Picture) (?:caption|copyright|credit)s?:?[^\n.]{0,200}?"
    r"(?:\.|(?=\n)|(?:Reuters|AFP|AP|EPA|Getty Images|Getty|PA)\b)"
    r"|\((?:Photo|Picture|Image)(?: credit)?: [^)\n]{1,80}\)"
    r"|Hide Caption \d+ of \d+"
    r"|\b\d+ of \d+ (?:Full Screen )?Autoplay Close(?: Skip Ad)?(?: ×)?"
    r"(?:[^\n]{0,200}?View Photos\b)?"  # a gallery's title runs up to "View Photos"
    r"|\bView Photos\b"
    r"|\bPhotos?: [^\n]{1,120}?(?:/Getty(?: Images)?|/AFP|/Reuters|/AP|/EPA)\b"
    r"|\bCredit: [^\n]{1,80}?(?:via Reuters(?: TV)?|/Handout|/Getty Images)"
)
# Highlight bullets and editors' notes before the first sentence.
HEAD_BULLETS = re.compile(r"\s*(?:story highlights\b|[*•] )", re.I)
EDITOR_NOTE = re.compile(
    r"\((?:Adds|Updates|Changes|Recasts|Corrects|Repeats|Refiles|Writes through)\b[^)]{0,160}\)"
    r"(?:\s*By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*(?:(?:,| and) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*)*)?"
)
# "LONDON | Thu Apr 28, 2011 11:01 pm BST" (or "ANKARA, Sept 21 | Wed ...") before the
# dateline. A photo caption and its credit line may come before it; they go with it.
TIME_HEADER = re.compile(
    r"[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)*"
    r"(?:, (?:[A-Z][a-z]{2,4}\.? \d{1,2}|[A-Z][A-Za-z .'-]+))? \| "
    r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d [ap]m [A-Z]{2,4}"
)
HEADER_WINDOW = 600
# A BBC page's time stamp run into its first sentence: "17 January 12 16:55 GMT Syria's
# government has rejected ..." (day, month, two-digit year, time).
PAGE_STAMP = re.compile(r"\d{1,2} [A-Z][a-z]{2,8} \d\d \d\d:\d\d (?:GMT|BST) ")
# A live blog's update stamp opening an entry: "(Update 3 p.m. Cairo, 8 a.m. ET)",
# "-- (Updated 7:40 p.m. (0240 in Egypt))". Left in, its town reads as the entry's
# place and its words as a doer.
LIVE_STAMP = re.compile(
    r"(?m)^[ \t]*(?:--[ \t]*)?\((?:Update|Updated|UPDATE|UPDATED)\b[^()\n]{0,60}"
    r"(?:\([^()\n]{0,30}\)[^()\n]{0,20})?\)[ \t]*"
)
# The dateline: PLACE[, Region][, Month Day] (Outlet) -- ; or (Outlet) -- alone.
OUTLETS = r"Reuters|CNN|AP|AFP|BBC|Xinhua|Al Jazeera|dpa|UPI|ANSA|IANS|PTI|Anadolu"
DATELINE = re.compile(
    r"(?P<place>(?!(?:GMT|BST|EDT|EST|CET|CEST|UTC|PDT|PST)\b)[A-Z][A-Z.'/-]+"
    r"(?: [A-Z][A-Z.'/-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}))?"
    r"(?:, (?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}))?"
    rf"\s*(?:\((?P<outlet>{OUTLETS})\))?\s*(?:--|—|–|-)\s"
    rf"|\((?P<bare>{OUTLETS})\)\s*(?:--|—|–|-)\s"
)
DATELINE_WINDOW = 600  # a dateline is only looked for this near the start of the story
# A promo for another story or a video left as the page's last line: one unquoted
# sentence credited to a correspondent by name ("Hopes of a deal remain alive despite
# recent strikes, says Jane Doe."), after the article's own last line. A gallery's
# "BACK {current} of {total} NEXT" may run into it.
TEASER = re.compile(
    r"(?:BACK \{current\} of \{total\} NEXT\s*)?"
    r"[A-Z][^\"“”\n.?!]{20,300}, (?:says|reports) [A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}\.[ \t]*$"
)


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # comments, widget, share, teaser, caption, highlights, header
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    start: int
    end: int
    place: str | None
    region: str | None
    day: str | None  # "June 13" as written
    outlet: str | None
    raw_place: str = ""  # the place as written ("TRIPOLI")


@dataclass(slots=True)
class Cleaned:
    text: str  # same length as the input; removed blocks and the dateline blanked
    original: str = ""  # the input, when anything was blanked
    removed: list[Block] = field(default_factory=list)
    dateline: DatelineMatch | None = None
    # a live blog's update stamps (offset, text): blanked, but their days date entries
    stamps: list[tuple[int, str]] = field(default_factory=list)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters but line breaks turned into spaces, the
    last one a line break (same length, so every offset stays valid)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
        # a removed block ends a paragraph, so its blank never joins the next phrase
        if end > start and "\n" not in chars[end - 1 : end + 1]:
            chars[end - 1] = "\n"
    return "".join(chars)


def _line_starts(text: str, upto: int) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while 0 <= pos < upto:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def comment_start(text: str) -> int | None:
    """Where the reader-comment section begins, or None when there is none."""
    marks = [m.start() for m in (COMMENT_MARKS.search(text), COMMENT_SIGNATURE.search(text)) if m]
    if not marks:
        return None
    first = min(marks)
    starts = _line_starts(text, first)
    line = max(i for i, s in enumerate(starts) if s <= first)
    begin = starts[line]
    for _ in range(COMMENT_BACKTRACK):
        if line == 0:
            break
        prev = text[starts[line - 1] : starts[line]].strip()
        if not prev or REPORTED.search(prev) or not COMMENT_VOICE.search(prev):
            break
        line -= 1
        begin = starts[line]
    first_signed = BLOG_SIGNATURE.search(text)
    if first_signed is not None and first_signed.start() == first:
        begin = min(begin, unsigned_comment_start(text, begin))
    # Never the whole page: a story must be left before its comments.
    return begin if begin > 0 else None


def unsigned_comment_start(text: str, begin: int) -> int:
    """On a blog page, the first reader's post often lost its signature when the page
    was saved: it runs into the post above the first signed comment. Looking back
    ``UNSIGNED_REACH`` lines from ``begin``, the earliest line that shouts ("only a
    STAGING POST in its plan") or writes "&" for "and" opens the comments; reporters'
    prose does neither."""
    starts = _line_starts(text, begin)
    lines = [i for i, s in enumerate(starts) if s < begin]
    found = begin
    for i in reversed(lines[-UNSIGNED_REACH:]):
        end = starts[i + 1] if i + 1 < len(starts) else begin
        if SHOUTED.search(text[starts[i] : end]):
            found = starts[i]
    return found


def find_dateline(text: str, offset: int) -> DatelineMatch | None:
    window = text[offset : offset + DATELINE_WINDOW]
    for m in DATELINE.finditer(window):
        if m.group("bare"):
            return DatelineMatch(
                offset + m.start(), offset + m.end(), None, None, None, m.group("bare")
            )
        place = m.group("place")
        # An all-capital place needs an outlet or a line start to count ("WASHINGTON -")
        line_start = m.start() == 0 or window[m.start() - 1] in "\n "
        if not m.group("outlet") and not (line_start and len(place) > 3 and m.group("day")):
            continue
        if len(place) < 3:
            continue
        return DatelineMatch(
            offset + m.start(),
            offset + m.end(),
            place.title(),
            m.group("region"),
            m.group("day"),
            m.group("outlet"),
            place,
        )
    return None


def clean(text: str) -> Cleaned:
    """Find the blocks of ``text`` that are not the article, and its dateline."""
    blocks: list[Block] = []
    begin = comment_start(text)
    body_end = len(text)
    if begin is not None:
        blocks.append(Block("comments", begin, len(text)))
        body_end = begin
    body = text[:body_end]
    for m in SHARE_LINES.finditer(body):
        blocks.append(Block("share", m.start(), m.end()))
    teaser = last_line_teaser(body, blocks)
    if teaser is not None:
        blocks.append(teaser)
    for m in WIDGETS.finditer(body):
        blocks.append(Block("widget", m.start(), m.end()))
    for m in CAPTIONS.finditer(body):
        blocks.append(Block("caption", m.start(), m.end()))
    stamps = []
    for m in LIVE_STAMP.finditer(body):
        blocks.append(Block("header", m.start(), m.end()))
        stamps.append((m.start(), m.group(0)))
    head = 0
    header = TIME_HEADER.search(body, 0, HEADER_WINDOW)
    if header:
        if header.start() and "Credit:" in body[: header.start()]:
            blocks.append(Block("caption", 0, header.start()))
        blocks.append(Block("header", header.start(), header.end()))
        head = header.end()
    stamp = PAGE_STAMP.match(body, head)
    if stamp:
        blocks.append(Block("header", stamp.start(), stamp.end()))
        head = stamp.end()
    bullets = HEAD_BULLETS.match(body, head)
    if bullets and bullets.group(0).strip():
        # the bullets run up to the dateline; without one, up to the first line break
        found = find_dateline(body, bullets.start())
        stop = found.start if found is not None else body.find("\n", bullets.start())
        if 0 < stop - bullets.start() <= DATELINE_WINDOW:
            blocks.append(Block("highlights", bullets.start(), stop))
            head = stop
    note = EDITOR_NOTE.search(body, head, min(len(body), head + 400))
    if note:
        blocks.append(Block("highlights", note.start(), note.end()))
        head = max(head, note.end())
    blocks = _merge(blocks)
    dateline = find_dateline(body, _skip(body, head, blocks))
    spans = [(b.start, b.end) for b in blocks]
    if dateline is not None:
        spans.append((dateline.start, dateline.end))
    return Cleaned(
        text=blank(text, spans), original=text, removed=blocks, dateline=dateline, stamps=stamps
    )


def last_line_teaser(body: str, blocks: list[Block]) -> Block | None:
    """The page's last non-empty line (share lines after it skipped) when it is a
    :data:`TEASER` and the story has lines before it."""
    end = len(body)
    while True:
        stripped = body[:end].rstrip()
        start = stripped.rfind("\n") + 1
        if not stripped or start == 0:
            return None  # a one-line text is the story itself
        if any(b.start <= start < b.end for b in blocks):
            end = start  # a share line after the story: look at the line above it
            continue
        m = TEASER.match(stripped, start)
        if m is None or m.end() != len(stripped):
            return None
        return Block("teaser", start, len(stripped))


def _skip(text: str, pos: int, blocks: list[Block]) -> int:
    """The first offset at or after ``pos`` outside the removed blocks and spaces."""
    moved = True
    while moved:
        moved = False
        for b in blocks:
            if b.start <= pos < b.end:
                pos, moved = b.end, True
        while pos < len(text) and text[pos].isspace():
            pos, moved = pos + 1, True
    return pos


def _merge(blocks: list[Block]) -> list[Block]:
    """Sorted, with overlapping blocks joined (the first kind wins)."""
    out: list[Block] = []
    for b in sorted(blocks, key=lambda b: (b.start, -b.end)):
        if out and b.start < out[-1].end:
            last = out[-1]
            out[-1] = Block(last.kind, last.start, max(last.end, b.end))
        else:
            out.append(b)
    return out


def dateline_day(day: str | None, published: dt.date | None) -> str | None:
    """ "June 13" in a dateline, as an ISO date in the year of publication (or the one
    before, when the day would fall after the publication date)."""
    if not day or published is None:
        return None
    month_name, _, number = day.replace(".", "").partition(" ")
    month = MONTHS.get(month_name[:3].lower())
    if month is None or not number.isdigit():
        return None
    try:
        when = dt.date(published.year, month, int(number))
        if when > published + dt.timedelta(days=1):
            when = dt.date(published.year - 1, month, int(number))
    except ValueError:
        return None
    return when.isoformat()


MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
