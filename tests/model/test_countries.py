"""Country names in the family's language, for the detainee locator card."""
from prep_app.i18n import LANGUAGES
from prep_app.model.countries import country_codes, country_name


def test_every_language_names_every_country_in_words_not_codes():
    for lang in LANGUAGES:
        named = {code: country_name(code, lang) for code in country_codes()}
        assert all(name and name != code for code, name in named.items()), lang


def test_haitian_creole_falls_back_to_french_names():
    assert country_name("BR", "ht") == "Brésil" and country_name("MX", "ht") == "Mexique"
