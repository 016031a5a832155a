"""Article cleaning: comment threads, widgets, captions, highlights and datelines."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.ingest.clean import clean
from flashpoint.models import Report

STORY = (
    "BENGHAZI, Libya, March 3 (Reuters) - Rebels fired rockets at government troops on"
    " Thursday, a rebel spokesman said.\n"
    "The spokesman said the fighting lasted four hours.\n"
)
COMMENTS = (
    "I think they should all go home!\n"
    "you people dont care who they kill\n"
    "March 4, 2011 at 9:12 pm | Reply\n"
    "Comments are not pre-screened before they post.\n"
)


def test_comment_thread_is_removed_up_to_the_end() -> None:
    text = STORY + COMMENTS
    cleaned = clean(text)
    kinds = [b.kind for b in cleaned.removed]
    assert kinds == ["comments"]
    block = cleaned.removed[0]
    assert text[block.start : block.end] == COMMENTS
    assert len(cleaned.text) == len(text)
    assert "kill" not in cleaned.text and "fighting lasted" in cleaned.text


def test_blog_comments_signed_at_a_time_are_removed() -> None:
    # A blog's readers sign each post "At HH:MM <day> <Mon> <year>, <name> wrote:";
    # what they write (an arrest, a seizure) is no event of the story.
    post = (
        "At 21:07 3rd Mar 2011, desert_fox wrote: The rebels seized the port last year,"
        " everyone knows it.\n"
        "At 22:15 3rd Mar 2011, OldHand wrote: Police arrested my cousin for nothing.\n"
    )
    text = STORY + post
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["comments"]
    assert text[cleaned.removed[0].start :] == post
    # "At 9:30 on Friday, he wrote to the council" is the reporter's prose, not a signature.
    prose = STORY + "At 9:30 on Friday, the governor wrote to the council, aides said.\n"
    assert clean(prose).removed == []


def test_reported_line_before_the_marks_stays() -> None:
    text = STORY + '"We will not leave," one fighter told reporters.\n' + COMMENTS
    block = clean(text).removed[0]
    assert text[block.start :].startswith("I think")


def test_dateline_gives_place_day_and_outlet() -> None:
    found = clean(STORY).dateline
    assert found is not None
    assert (found.place, found.region, found.day, found.outlet) == (
        "Benghazi",
        "Libya",
        "March 3",
        "Reuters",
    )
    assert STORY[found.start : found.end].startswith("BENGHAZI, Libya")


def test_bare_outlet_dateline() -> None:
    found = clean("(CNN) -- Protesters gathered in the square on Friday.").dateline
    assert found is not None and found.outlet == "CNN" and found.place is None


def test_highlight_bullets_end_at_the_dateline() -> None:
    text = (
        "* Rebels say they hold the port * Talks planned for next week (Adds quotes)"
        " TRIPOLI (Reuters) - Government troops shelled the port on Monday."
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["highlights"]
    assert cleaned.dateline is not None and cleaned.dateline.place == "Tripoli"
    assert "Government troops shelled" in cleaned.text
    assert "Talks planned" not in cleaned.text


def test_widget_share_line_and_caption() -> None:
    text = (
        "Police arrested six men in Kano on Tuesday.\n"
        "Recommended Stories list of 3 items Story one Story two Story three end of list\n"
        "Share this story on Twitter\n"
        "Soldiers patrol the market (Photo: Musa Ali/AFP) The army said the city was calm.\n"
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["widget", "share", "caption"]
    assert "Story two" not in cleaned.text and "Musa" not in cleaned.text
    assert "The army said the city was calm." in cleaned.text


def test_plain_story_is_untouched() -> None:
    text = "Troops withdrew from the town on Sunday, residents said."
    cleaned = clean(text)
    assert cleaned.removed == [] and cleaned.text == text and cleaned.dateline is None


def test_report_keeps_the_whole_text_and_lists_removed_blocks(
    run: Callable[..., Report],
) -> None:
    text = STORY + COMMENTS
    report = run(text, "2011-03-04")
    assert report.document.text == text
    assert [b.kind for b in report.document.removed] == ["comments"]
    dateline = report.document.dateline
    assert dateline is not None and dateline.outlet == "Reuters" and dateline.day == "2011-03-03"
    place = next(p for p in report.places if p.id == dateline.location)
    assert place.name == "Benghazi" and place.country == "LBY"
    start = report.document.removed[0].start
    assert all(e.trigger.start < start for e in report.events)
    assert all(text[e.trigger.start : e.trigger.end] == e.trigger.text for e in report.events)
    assert not any(a.name == "Reuters" for a in report.actors)


def test_dated_reader_posts_after_the_story() -> None:
    text = (
        "Troops shelled the town on Sunday, residents said.\n"
        "12th May 2011 - 10:15 they should bomb them all\n"
        "13th May 2011 - 09:02 I agree!\n"
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["comments"]
    assert text[cleaned.removed[0].start :].startswith("12th May")


def test_photo_gallery_title_goes_with_its_controls() -> None:
    text = (
        "1 of 12 Full Screen Autoplay Close Skip Ad × Crowds clash with riot police View Photos"
        " Police arrested forty people on Sunday."
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["caption"]
    assert "clash" not in cleaned.text and "Police arrested forty" in cleaned.text


def test_time_header_with_a_day_goes_before_the_dateline() -> None:
    # "PLACE, Mon DD | Day Mon DD, YYYY hh:mm am TZ" then the dateline: the header is no party
    text = (
        "ANKARA, Sept 21 | Wed Sep 21, 2011 6:06 am EDT ANKARA, Sept 21 (Reuters) - "
        "Turkey has suspended talks with its neighbour, the prime minister said.\n"
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["header"]
    assert cleaned.dateline is not None and cleaned.dateline.day == "Sept 21"
    assert text[cleaned.dateline.start :].startswith("ANKARA, Sept 21 (Reuters)")


def test_promo_line_for_another_story_at_the_end_is_removed() -> None:
    text = (
        "Rebels shelled the town on Monday, killing four people.\n"
        "The army denied the report.\n"
        "Talks on a ceasefire remain stalled despite recent strikes near the border, "
        "says Jane Doe.\n"
        "The BBC is not responsible for the content of external Internet sites"
    )
    cleaned = clean(text)
    teaser = [b for b in cleaned.removed if b.kind == "teaser"]
    assert len(teaser) == 1
    assert text[teaser[0].start : teaser[0].end].startswith("Talks on a ceasefire")
    assert "strikes" not in cleaned.text and "shelled the town" in cleaned.text


def test_quoted_or_only_line_credited_to_a_name_stays() -> None:
    quoted = 'Rebels shelled the town on Monday.\n"The war is over for us now," says John Smith.'
    assert not [b for b in clean(quoted).removed if b.kind == "teaser"]
    alone = "Hopes of a settlement remain alive despite recent strikes, says Jane Doe."
    assert not clean(alone).removed
    inside = (
        "Peace remains far off despite the recent truce, says Jane Doe.\n"
        "The army shelled the town on Monday."
    )
    assert not clean(inside).removed


def test_a_blog_post_that_lost_its_signature_is_a_comment_too() -> None:
    # The first reader's post above the first signed one, saved without its signature:
    # it shouts ("a SHAM CEASEFIRE") or writes "&" for "and"; the blog post above stays.
    unsigned = (
        "The envoy's plan is only a SHAM CEASEFIRE to buy time for the generals.\n"
        "The rebels & their backers were never going to accept it.\n"
    )
    post = "At 21:07 3rd Mar 2011, desert_fox wrote: Nobody believes the talks will work.\n"
    text = STORY + unsigned + post
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["comments"]
    assert text[cleaned.removed[0].start :] == unsigned + post
    assert "fighting lasted" in cleaned.text
    # without a blog signature below, a shouted line is left alone
    plain = STORY + unsigned
    assert clean(plain).removed == []


def test_a_page_time_stamp_run_into_the_first_sentence_is_a_header() -> None:
    text = "14 March 12 09:41 GMT The army has shelled the old quarter of the city again.\n"
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["header"]
    block = cleaned.removed[0]
    assert text[block.start : block.end] == "14 March 12 09:41 GMT "
    assert cleaned.text.lstrip().startswith("The army")
    # a day and a time told in the sentence itself stay
    told = "On 14 March the army shelled the city at 09:41, residents said.\n"
    assert clean(told).removed == []


def test_a_live_blogs_update_stamps_are_headers() -> None:
    text = (
        "Follow the latest developments here.\n"
        "(Update 3 p.m. Cairo, 8 a.m. ET) Turkey has sent two planes to evacuate its citizens.\n"
        "-- (Updated 7:40 p.m. (0240 in Egypt)) A senior official said the curfew would hold.\n"
    )
    cleaned = clean(text)
    assert [b.kind for b in cleaned.removed] == ["header", "header"]
    assert "Cairo" not in cleaned.text and "Egypt" not in cleaned.text
    assert "Turkey has sent" in cleaned.text and "A senior official" in cleaned.text
    # an update told in the story's words stays
    told = "The ministry posted an update (at 3 p.m.) saying the road was open.\n"
    assert clean(told).removed == []
