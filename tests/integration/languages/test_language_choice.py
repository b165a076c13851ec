"""Residents choose the language of their pages; the choice is kept and staff pages stay English."""
import re

import pytest


def _html_tag(page):
    return re.search(r"<html[^>]*>", page).group(0)


def test_a_resident_page_offers_every_language_marked_with_hreflang_and_lang(client):
    page = client.get("/").get_data(as_text=True)
    assert 'lang="en-GB"' in _html_tag(page) and 'dir="ltr"' in _html_tag(page)
    link = re.search(r'<a href="(/language/pl\?next=[^"]*)" hreflang="pl" lang="pl">Polski</a>', page)
    assert link, "the switch offers Polish, named in Polish, with hreflang and lang"
    assert '<span lang="en" aria-current="true">English</span>' in page


def test_choosing_polish_goes_back_to_the_page_and_keeps_the_choice(client):
    chosen = client.get("/language/pl?next=/privacy")
    assert chosen.status_code == 302 and chosen.headers["Location"].endswith("/privacy")
    for path in ("/privacy", "/"):
        page = client.get(path).get_data(as_text=True)
        assert 'lang="pl"' in _html_tag(page)
        assert "Jeśli potrzebujesz pomocy teraz" in page
        assert "If you need help now" not in page
        assert 'href="tel:999">999</a>' in page, "the emergency number stays a working link"
    client.get("/language/en?next=/")
    assert "If you need help now" in client.get("/").get_data(as_text=True)


def test_the_browser_language_is_used_until_the_resident_chooses(client):
    page = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert 'lang="pl"' in _html_tag(page)
    client.get("/language/en?next=/")
    page = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"}).get_data(as_text=True)
    assert 'lang="en-GB"' in _html_tag(page)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])
def test_the_switch_never_sends_a_resident_off_the_site(client, target):
    response = client.get("/language/pl", query_string={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] in ("/", "http://localhost/")


def test_an_unknown_language_is_ignored_politely(client):
    response = client.get("/language/xx?next=/")
    assert response.status_code == 302
    assert 'lang="en-GB"' in _html_tag(client.get("/").get_data(as_text=True))


def test_staff_pages_stay_in_english_with_an_english_lang(client):
    client.get("/language/pl?next=/")
    page = client.get("/auth/login").get_data(as_text=True)
    assert 'lang="en-GB"' in _html_tag(page)
    assert "language-switch" not in page


def test_a_right_to_left_language_lays_the_page_out_right_to_left(app, client):
    app.config["LANGUAGES"] = ("en", "pl", "ar")
    client.get("/language/ar?next=/")
    page = client.get("/").get_data(as_text=True)
    assert 'lang="ar"' in _html_tag(page) and 'dir="rtl"' in _html_tag(page)
    assert 'hreflang="pl" lang="pl">Polski</a>' in page
