"""The accessibility statement and privacy pages every footer links to."""
from tests.pagecheck import soup


def test_footer_links_to_accessibility_and_privacy(client, demo):
    links = {a.get_text(): a["href"] for a in soup(client.get("/")).select(".footer-links a")}
    assert links == {"Accessibility statement": "/accessibility", "Privacy": "/privacy"}


def test_accessibility_statement_names_the_standard_and_an_alternative(client):
    text = soup(client.get("/accessibility")).get_text(" ")
    assert "WCAG 2.2" in text and "on paper or by phone" in text


def test_privacy_page_says_what_is_kept_and_how_to_erase(client):
    text = soup(client.get("/privacy")).get_text(" ")
    assert "first part of your postcode" in text and "IP address" in text and "receipt code" in text
