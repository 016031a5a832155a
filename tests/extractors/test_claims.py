"""Claims: reported speech with source, sourcing chain and hedges, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.config import DEFAULT
from flashpoint.extractors.claims import hedges_in
from flashpoint.extractors.context import Context
from flashpoint.models import Claim, Report
from flashpoint.nlp import load
from flashpoint.pipeline import run_extractors
from flashpoint.registry import ordered

Run = Callable[..., Report]


def _only(report: Report, fragment: str) -> Claim:
    found = [c for c in report.claims if fragment in c.content.text]
    assert len(found) == 1, [c.content.text for c in report.claims]
    return found[0]


def test_content_then_source(run: Run) -> None:
    report = run("The army withdrew from the northern town overnight, officials said.")
    claim = _only(report, "army withdrew")
    assert claim.content.text == "The army withdrew from the northern town overnight"
    assert claim.source.name == "officials"
    assert claim.source.kind == "official"
    assert claim.cue is not None and claim.cue.text == "said"
    text = report.document.text
    assert text[claim.content.start : claim.content.end] == claim.content.text


def test_said_that_leaves_the_complementizer_out(run: Run) -> None:
    report = run("The governor said that the curfew would be lifted on Sunday.")
    claim = _only(report, "curfew")
    assert claim.content.text.startswith("the curfew")
    assert claim.source.name == "The governor"


def test_according_to(run: Run) -> None:
    report = run("According to the health ministry, 40 people died in the floods.")
    claim = _only(report, "died")
    assert claim.source.name == "the health ministry"
    assert claim.source.kind == "official"
    assert "According" not in claim.content.text


def test_media_source_citing_anonymous_sources(run: Run) -> None:
    report = run(
        "Reuters, citing four sources familiar with the matter, reported that the "
        "pipeline talks had collapsed."
    )
    claim = _only(report, "talks had collapsed")
    assert claim.source.name == "Reuters" and claim.source.kind == "media"
    assert len(claim.via) == 1
    assert claim.via[0].kind == "anonymous" and claim.via[0].count == 4


def test_content_first_media_reported_citing(run: Run) -> None:
    report = run("The pipeline talks had collapsed, Reuters reported, citing three of the sources.")
    claim = _only(report, "talks had collapsed")
    assert claim.source.kind == "media"
    assert [v.count for v in claim.via] == [3]
    assert claim.hedges == []  # the cue "reported" is no hedge on its own claim


def test_sources_told_an_outlet(run: Run) -> None:
    report = run("Two of the sources told Reuters the plan was dropped in March.")
    claim = _only(report, "plan was dropped")
    assert claim.source.kind == "anonymous"
    assert claim.via and claim.via[0].name == "Reuters" and claim.via[0].kind == "media"


def test_capital_city_speaks_for_a_government(run: Run) -> None:
    report = run("Caracas says the naval drills are aimed at intimidating its neighbours.")
    claim = _only(report, "naval drills")
    assert claim.source.name == "Caracas"
    assert claim.source.kind == "official"


def test_experts_and_uncertainty_hedge(run: Run) -> None:
    report = run("Experts say the new sanctions could backfire on the farmers.")
    claim = _only(report, "sanctions")
    assert claim.source.kind == "expert"
    assert [(h.text, h.kind) for h in claim.hedges] == [("could", "uncertainty")]


def test_claim_inside_a_relative_clause(run: Run) -> None:
    report = run("The vote, which independent observers said the opposition won, was annulled.")
    claim = _only(report, "opposition won")
    assert "observers" in claim.source.name


def test_denial_is_a_hedge(run: Run) -> None:
    report = run("The defence minister denied that troops had crossed the border.")
    claim = _only(report, "troops had crossed")
    assert ("denied", "denial") in [(h.text, h.kind) for h in claim.hedges]


def test_withholding_is_no_denial() -> None:
    # "denied entry", "denying them the right": something withheld, no claim disputed.
    text = (
        "The envoy said she had been denied entry to the port city. Aid workers said the"
        " militia was denying them access to the wounded. The judge denied bail to both men."
        " The ministry flatly denied the reports of a massacre. A spokesman denied the convoy"
        " had been hit, and the army denies any involvement."
    )
    ctx = run_extractors(Context(doc=load(DEFAULT.model)(text)), ordered(("hedges",)))
    denials = [h for h in hedges_in(ctx, 0, len(text)) if h.kind == "denial"]
    after = [text[h.end : h.end + 12].split()[0] for h in denials]
    assert after == ["the", "the", "any"]


def test_allegation_and_report_hedges(run: Run) -> None:
    report = run("Police said the alleged smugglers were reportedly armed.")
    claim = _only(report, "smugglers")
    kinds = {h.kind for h in claim.hedges}
    assert kinds == {"allegation", "report"}


def test_direct_quote_is_not_also_a_claim(run: Run) -> None:
    report = run('"We will not sign this agreement," the prime minister said.')
    assert report.claims == []
    assert len(report.quotes) == 1


def test_partial_quote_inside_a_claim(run: Run) -> None:
    report = run('The senator said the deal was "a surrender" to the cartels.')
    claim = _only(report, "the deal was")
    assert "a surrender" in claim.content.text
    assert any(q.partial for q in report.quotes)


def test_request_with_an_infinitive(run: Run) -> None:
    report = run("The candidate urged supporters to watch the polling stations.")
    claim = _only(report, "supporters")
    assert claim.content.text == "supporters to watch the polling stations"


def test_reporting_noun_with_that_clause(run: Run) -> None:
    report = run("The minister's claim that the army had withdrawn was disputed by residents.")
    claim = _only(report, "army had withdrawn")
    assert claim.cue is not None and claim.cue.text == "claim"
    assert "minister" in claim.source.name


def test_no_source_no_claim(run: Run) -> None:
    assert run("It was reported that the border crossing had reopened.").claims == []


def test_hedges_in_serves_unattributed_text() -> None:
    text = "The alleged drug boats did not stop. The navy gave no immediate comment."
    ctx = run_extractors(Context(doc=load(DEFAULT.model)(text)), ordered(("hedges",)))
    found = {(h.text, h.kind) for h in hedges_in(ctx, 0, len(text))}
    assert ("alleged", "allegation") in found
    assert ("no immediate comment", "no_comment") in found
    assert hedges_in(ctx, 0, 10) == []


def test_colon_headline_is_a_claim_but_a_label_is_not(run: Run) -> None:
    report = run("Governor: Curfew will stay in place until spring\n\nUpdate: the road reopened.")
    claim = _only(report, "Curfew will stay")
    assert claim.source.name == "Governor" and claim.source.kind == "official"
    assert not [c for c in report.claims if "road reopened" in c.content.text]


def test_parenthetical_source_inside_the_content(run: Run) -> None:
    report = run("The convoy, the aid agency said, was turned back at the checkpoint.")
    claim = _only(report, "turned back")
    assert claim.source.name == "the aid agency"
    assert claim.content.text.startswith("The convoy")


def test_pronoun_source_takes_the_resolved_actors_name(run: Callable[..., Report]) -> None:
    text = (
        "Defence Minister Lena Petrova visited the northern garrison on Monday. "
        "She said the army had repelled two attacks near the river."
    )
    claim = next(c for c in run(text).claims if "repelled" in c.content.text)
    assert claim.source.name == "Lena Petrova"
    assert text[claim.source.start or 0 : claim.source.end or 0] == "She"


def test_described_as_is_a_claim_of_the_subject(run: Run) -> None:
    r = run("The Kestrian ministry dismissed the harbour report as propaganda on Monday.")
    assert [(c.source.name, c.cue.text if c.cue else None, c.content.text) for c in r.claims] == [
        ("The Kestrian ministry", "dismissed", "the harbour report as propaganda")
    ]
    r = run('President Alder Voss has described the shelling of Port Halden as "a crime".')
    claim = next(c for c in r.claims if c.cue and c.cue.text == "described")
    assert claim.source.name == "President Alder Voss"
    assert claim.content.text.startswith("the shelling of Port Halden as")
    # "used the school as a base" says nothing about the school: no claim
    assert run("Varnian rebels used the old school as a base.").claims == []


def test_a_guess_at_what_someone_may_find_or_say_is_no_claim_of_theirs(run: Run) -> None:
    report = run(
        "With the regime struggling, Moscow may find that its plan is as fruitless as the"
        " sanctions. Moscow found that its plan had failed."
    )
    assert not any("as fruitless" in c.content.text for c in report.claims)
    assert _only(report, "its plan had failed").source.name == "Moscow"
