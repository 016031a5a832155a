"""Places: gazetteer resolution, accents, regions, merging and ambiguity by context."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint import gazetteer
from flashpoint.models import Place, Report

Run = Callable[..., Report]


def _place(report: Report, name: str) -> Place:
    hits = [p for p in report.places if p.name == name]
    assert hits, f"no place {name!r} in {[p.name for p in report.places]}"
    return hits[0]


def test_city_country_and_coordinates(run: Run) -> None:
    report = run("Hundreds marched through Bogota on Sunday to protest against the reform.")
    bogota = _place(report, "Bogotá")
    assert bogota.feature == "city"
    assert bogota.country == "COL"
    assert bogota.lat is not None and 4 < bogota.lat < 5
    assert bogota.gazetteer_id and bogota.gazetteer_id.startswith("geonames:")


def test_accent_insensitive_lookup() -> None:
    assert gazetteer.lookup("Cucuta")[0].name == "Cúcuta"
    assert gazetteer.lookup("CÚCUTA")[0].country == "COL"


def test_mentions_of_one_place_merge(run: Run) -> None:
    report = run(
        "Ecuador closed its border on Monday. Officials in Ecuador said the measure "
        "would last a week."
    )
    ecuador = _place(report, "Ecuador")
    assert ecuador.feature == "country"
    assert len(ecuador.mentions) == 2
    assert len([p for p in report.places if p.country == "ECU" and p.feature == "country"]) == 1


def test_short_country_form_is_the_country(run: Run) -> None:
    report = run("The UK and France sent ships to the Mediterranean last month.")
    assert _place(report, "United Kingdom").country == "GBR"
    sea = _place(report, "Mediterranean")
    assert sea.feature == "region"
    assert sea.gazetteer_id == "flashpoint:mediterranean"


def test_regions_and_seas_from_the_data_file(run: Run) -> None:
    report = run("Aid convoys entered Gaza while warships patrolled the Red Sea.")
    assert _place(report, "Gaza").country == "PSE"
    assert _place(report, "Red Sea").feature == "region"


def test_ambiguous_name_follows_the_document_country(run: Run) -> None:
    spanish = run("Floods swept through Valencia after storms hit Spain, Spanish officials said.")
    assert _place(spanish, "Valencia").country == "ESP"
    venezuelan = run("Venezuelan troops were deployed in Valencia as unrest grew in Venezuela.")
    assert _place(venezuelan, "Valencia").country == "VEN"


def test_us_state_is_an_admin_area_with_a_point(run: Run) -> None:
    report = run("Storms knocked out power across Texas on Thursday.")
    texas = _place(report, "Texas")
    assert texas.feature == "admin" and texas.country == "USA"
    assert texas.lat is not None and 25 < texas.lat < 37


def test_rank_prefers_context_then_population() -> None:
    candidates = gazetteer.lookup("San Cristobal")
    assert len(candidates) >= 2
    assert gazetteer.rank(candidates, ["DOM"])[0].country == "DOM"
    assert gazetteer.rank(candidates, [])[0].population >= candidates[-1].population


def test_unknown_place_is_left_out(run: Run) -> None:
    report = run("Residents of Zarqundistan Flats said they heard explosions.")
    assert all("Zarqundistan" not in p.name for p in report.places)


def test_seat_of_power_named_as_location_is_a_landmark(run: Run) -> None:
    report = run("The two leaders met at the White House on Wednesday.")
    house = _place(report, "White House")
    assert house.feature == "landmark" and house.country == "USA"


def test_big_city_beats_the_state_of_the_same_name() -> None:
    assert gazetteer.rank(gazetteer.lookup("New York"))[0].feature == "city"
    washington = gazetteer.rank(gazetteer.lookup("Washington"))[0]
    assert washington.feature == "city" and washington.capital
    assert gazetteer.lookup("Trinidad")[0].feature == "country"


def test_context_does_not_promote_a_small_namesake(run: Run) -> None:
    report = run("American diplomats flew to Paris on Friday, the US State Department said.")
    assert _place(report, "Paris").country == "FRA"


def test_a_town_given_a_bearing_from_another_is_in_that_towns_country(run: Run) -> None:
    # "Iskandariya" is also a name of Egypt's Alexandria; "south of Baghdad" says which
    report = run(
        "Gunmen shot dead four teachers at a school in Iskandariya, south of Baghdad,"
        " on Tuesday, Egyptian and Iraqi officials said."
    )
    assert {p.country for p in report.places} == {"IRQ"}
