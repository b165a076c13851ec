"""Sharing: the public link, QR codes generated in Python, and the A4 poster."""
import pytest

from consult.services.consultations.lifecycle import open_consultation
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup


@pytest.fixture
def opened(app):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    return consultation


def test_share_page_gives_the_absolute_public_link(opened, client, auth):
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/share"))
    assert page.select_one(".share-link a")["href"] == "http://localhost/c/safer-streets"
    assert page.select_one("img.qr-code")["alt"] == "QR code that opens http://localhost/c/safer-streets"


def test_public_base_url_setting_wins_for_printed_links(opened, client, auth, app):
    app.config["PUBLIC_BASE_URL"] = "https://haveyoursay.example.org/"
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/poster"))
    assert "haveyoursay.example.org/c/safer-streets" in page.select_one(".poster-url").get_text()


def test_qr_codes_come_as_svg_and_png(opened, client, auth):
    auth.login("officer")
    svg = client.get("/manage/consultations/safer-streets/qr.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    body = svg.get_data(as_text=True) if svg.headers.get("Content-Encoding") != "gzip" else __import__("gzip").decompress(svg.get_data()).decode()
    assert body.startswith("<svg") and "<title>QR code: Safer streets</title>" in body
    png = client.get("/manage/consultations/safer-streets/qr.png")
    assert png.mimetype == "image/png" and png.get_data().startswith(b"\x89PNG\r\n\x1a\n")


def test_qr_code_encodes_the_public_link(opened, client, auth):
    import io

    import segno

    auth.login("officer")
    # segno cannot read codes back, so compare with a code made directly from the link.
    expected = io.BytesIO()
    segno.make("http://localhost/c/safer-streets", error="m", micro=False).save(expected, kind="png", scale=12, border=4)
    assert client.get("/manage/consultations/safer-streets/qr.png").get_data() == expected.getvalue()


def test_poster_has_title_closing_date_short_link_and_no_app_needed(opened, client, auth):
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/poster"))
    text = page.select_one(".poster").get_text(" ", strip=True)
    assert page.h1.get_text() == "Safer streets: have your say"
    assert "No app needed" in text and "localhost/c/safer-streets" in text
    assert "Closes " in text and page.select_one("img.poster-qr")["src"].endswith("/qr.svg")


def test_a_draft_has_nothing_to_share_yet(app, client, auth):
    draft_consultation()
    auth.login("officer")
    for url in ("/manage/consultations/safer-streets/share", "/manage/consultations/safer-streets/qr.png"):
        assert client.get(url).headers["Location"].endswith("/manage/consultations/safer-streets")


@pytest.mark.parametrize("role", ["board", "partner"])
def test_other_roles_cannot_make_posters(opened, client, auth, role):
    auth.login(role)
    assert client.get("/manage/consultations/safer-streets/poster").status_code == 403
    assert client.get("/manage/consultations/safer-streets/qr.svg").status_code == 403
