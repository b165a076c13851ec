"""The accessibility statement and privacy pages every footer links to, and staff sign-in."""
import pytest

from tests.pagecheck import soup


def test_footer_links_to_accessibility_privacy_and_staff_sign_in(client, demo):
    links = {a.get_text(): a["href"] for a in soup(client.get("/")).select(".footer-links a")}
    assert links == {"Accessibility statement": "/accessibility", "Privacy": "/privacy", "Staff sign in": "/auth/login"}


@pytest.mark.parametrize(
    "path", ["/accessibility", "/c/community-safety-survey", "/c/community-safety-survey/q/1", "/auth/login", "/no-such-page"]
)
def test_every_page_shows_staff_where_to_sign_in(client, demo, path):
    link = soup(client.get(path)).select_one(".site-footer a[href='/auth/login']")
    assert link is not None and link.get_text() == "Staff sign in"


def test_layout_links_follow_the_prefix_the_site_is_served_under(client, demo):
    """The layout's URLs are kept once built: a site mounted under a prefix must still get its own."""
    for prefix in ("", "/consult", ""):
        page = soup(client.get("/accessibility", base_url=f"http://localhost{prefix}"))
        links = [a["href"] for a in page.select(".site-name, .footer-links a")]
        assert links == [f"{prefix}/", f"{prefix}/accessibility", f"{prefix}/privacy", f"{prefix}/auth/login"]
        assert page.select_one("link[rel=stylesheet]")["href"].startswith(f"{prefix}/static/css/consult.css?v=")


def test_accessibility_statement_names_the_standard_and_an_alternative(client):
    text = soup(client.get("/accessibility")).get_text(" ")
    assert "WCAG 2.2" in text and "on paper or by phone" in text


def test_privacy_page_says_what_is_kept_and_how_to_erase(client):
    text = soup(client.get("/privacy")).get_text(" ")
    assert "first part of your postcode" in text and "IP address" in text and "receipt code" in text
