"""The shared lexicon: countries, demonyms, sectors, titles, organizations."""

from __future__ import annotations

import pytest

from flashpoint import lexicon


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("Venezuelan", "VEN"),
        ("Colombians", "COL"),
        ("PERU", "PER"),
        ("Perú", "PER"),
        ("Brazil's", "BRA"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_names_short_forms_and_demonyms(text: str, iso3: str) -> None:
    assert lexicon.country(text) == iso3


def test_short_capital_forms_do_not_match_ordinary_words() -> None:
    assert lexicon.country("us") is None
    assert lexicon.sector("who") is None
    assert lexicon.sector("WHO") == "IGO"
    assert lexicon.country("banana") is None


def test_country_info_has_a_point() -> None:
    info = lexicon.country_info("COL")
    assert info is not None and info.name == "Colombia"
    assert info.lat is not None and 0 < info.lat < 10


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("president", "GOV"),
        ("Trump administration", "GOV"),
        ("troops", "MIL"),
        ("defense minister", "MIL"),
        ("minister of defence", "MIL"),
        ("riot police", "COP"),
        ("guerrillas", "REB"),
        ("rebel leader", "REB"),
        ("police officials", "COP"),
        ("protesters", "CVL"),
        ("the people of Chile", "CVL"),
        ("drug cartel", "CRM"),
        ("reporter", "JRN"),
        ("news agency", "MED"),
        ("Reuters", "MED"),
        ("opposition", "OPP"),
        ("NATO", "IGO"),
        ("International Criminal Court", "IGO"),
        ("parliament", "LEG"),
        ("supreme court", "JUD"),
    ],
)
def test_sector(text: str, code: str) -> None:
    assert lexicon.sector(text) == code


def test_unknown_words_have_no_sector() -> None:
    assert lexicon.sector("umbrella") is None
    assert lexicon.sector("") is None


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("President", "President"),
        ("Peruvian President", "President"),
        ("US President", "President"),
        ("defence minister", "minister of defence"),
        ("Defense Minister", "minister of defence"),
        ("minister of defence", "minister of defence"),
        ("Minister for Foreign Affairs", "minister of foreign affairs"),
        ("foreign minister", "minister of foreign affairs"),
        ("prime minister", "Prime Minister"),
        ("Gen.", "General"),
        ("acting president", "President"),
    ],
)
def test_role_normalises_titles(text: str, canonical: str) -> None:
    assert lexicon.role(text) == canonical


def test_role_of_a_non_title_is_none() -> None:
    assert lexicon.role("bakery") is None


def test_organizations_merge_short_and_long_forms() -> None:
    long_form = lexicon.organization("International Criminal Court")
    assert long_form is not None and lexicon.organization("ICC") == long_form
    pentagon = lexicon.organization("the Pentagon")
    assert pentagon is not None and pentagon.country == "USA"
