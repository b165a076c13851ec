"""Exports: one row per response, redacted by default, raw for admins only and logged, streamed in batches."""
import csv
import gzip
import io

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from consult.extensions import db
from consult.models import Answer, AnswerTheme, AuditEvent, Theme, utcnow
from consult.services.consultations import exports
from consult.services.consultations.lifecycle import open_consultation
from consult.services.consultations.paper import enter_paper_response
from tests.integration.manage.builder_helpers import answers_for, draft_consultation

PHONE_TEXT = "Speeding on the prom, ring me on 07700 900123"


@pytest.fixture
def answered(app):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    enter_paper_response(consultation, answers_for(consultation, text=PHONE_TEXT), "a" * 20, None)
    enter_paper_response(consultation, answers_for(consultation, text="=1+2 and litter everywhere"), "b" * 20, None)
    enter_paper_response(consultation, answers_for(consultation, walk="No"), "c" * 20, None)
    return consultation


def _answer(text):
    return db.session.scalar(sa.select(Answer).where(Answer.text == text))


def _theme_names(text):
    answer = _answer(text)
    names = [tag.theme.name for tag in sorted(answer.themes, key=lambda t: t.theme.position) if tag.source == "auto"]
    assert names, "the example answer should have at least one theme"
    return "; ".join(names)


def _sentiment(text):
    return _answer(text).sentiment


def _body(response):
    data = response.get_data()
    if response.headers.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return data


def _csv(response):
    return list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"))))


def test_csv_has_a_row_per_response_and_a_column_per_question_with_redacted_text(answered, client, auth):
    auth.login("officer")
    response = client.get("/manage/consultations/safer-streets/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="safer-streets-responses.csv"' in response.headers["Content-Disposition"]
    rows = _csv(response)
    header, first = rows[0], rows[1]
    assert header == [
        "Response number", "Submitted (UK time)", "Channel",
        "Q1. Do you walk at night?", "Q2. What worries you?", "Q3. Streets are well lit",
        "Q4. What would help? (redacted)", "Q4. Themes", "Q4. Sentiment",
        "Q5. Where do you live?", "Q5. Postcode district",
    ]
    assert len(rows) == 4
    assert first[2:6] == ["paper", "Yes", "Speeding", "Strongly agree"]
    assert "07700" not in first[6] and "[phone]" in first[6]
    assert first[7] == _theme_names(PHONE_TEXT)
    assert float(first[8]) == pytest.approx(_sentiment(PHONE_TEXT), abs=0.01)
    assert first[9:] == ["Maryport", "CA15"]
    assert rows[3][6:9] == ["", "", ""]  # the skipped question stays empty


def test_officer_tags_win_once_an_answer_is_reviewed(answered, client, auth):
    answer = _answer(PHONE_TEXT)
    hate = db.session.scalar(sa.select(Theme).where(Theme.slug == "hate-crime"))
    answer.themes.append(AnswerTheme(theme=hate, source="officer"))
    answer.reviewed_at = utcnow()
    db.session.commit()
    auth.login("officer")
    rows = _csv(client.get("/manage/consultations/safer-streets/export.csv"))
    assert rows[1][7] == hate.name


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(answered, client, auth):
    auth.login("officer")
    rows = _csv(client.get("/manage/consultations/safer-streets/export.csv"))
    assert rows[2][6].startswith("'=1+2")
    for value in ("=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"):
        assert exports.safe_cell(value) == "'" + value
    assert exports.safe_cell("Speeding") == "Speeding" and exports.safe_cell(-0.5) == -0.5


def test_officers_cannot_export_original_text(answered, client, auth):
    auth.login("officer")
    assert client.get("/manage/consultations/safer-streets/export.csv?raw=1").status_code == 403
    assert client.get("/manage/consultations/safer-streets/export.xlsx?raw=1").status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action == "export.raw")) == 0


def test_admins_export_original_text_and_it_is_audit_logged(answered, client, auth):
    admin = auth.login("admin")
    rows = _csv(client.get("/manage/consultations/safer-streets/export.csv?raw=1"))
    assert rows[0][6] == "Q4. What would help? (original text)"
    assert rows[1][6] == PHONE_TEXT
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "export.raw"))
    assert event.user_id == admin.id and event.detail == {"format": "csv"}
    assert event.target == f"consultation:{answered.id}"


def test_redacted_exports_are_logged_too(answered, client, auth):
    auth.login("officer")
    client.get("/manage/consultations/safer-streets/export.xlsx")
    assert db.session.scalar(sa.select(AuditEvent.detail).where(AuditEvent.action == "export.redacted")) == {"format": "xlsx"}


def test_xlsx_matches_the_csv_and_defuses_formulas(answered, client, auth):
    answered.title = "Safer streets: have your say [2027]?"
    db.session.commit()
    auth.login("officer")
    response = client.get("/manage/consultations/safer-streets/export.xlsx")
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(_body(response)), read_only=True)["Responses"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][3] == "Q1. Do you walk at night?" and len(rows) == 4
    assert rows[2][6].startswith("'=1+2")
    assert "[phone]" in rows[1][6]


def test_csv_download_is_streamed(answered, client, auth):
    auth.login("officer")
    response = client.get("/manage/consultations/safer-streets/export.csv", buffered=False)
    assert response.is_streamed
    assert "Content-Length" not in response.headers
    response.close()


def test_rows_are_read_in_keyset_batches_of_three_queries(answered, monkeypatch):
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    monkeypatch.setattr(exports, "BATCH_SIZE", 2)
    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        generator = exports.export_rows(answered)
        header = next(generator)
        before_rows = len(statements)
        first_two = [next(generator), next(generator)]
        after_first_batch = len(statements)
        rest = list(generator)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert header[0] == "Response number" and len(first_two) == 2 and len(rest) == 1
    # One batch (responses, their answers, their themes) is read before the first row comes out,
    # and the third response only when the generator is asked for it.
    assert after_first_batch - before_rows == 3
    response_selects = [s for s in statements if "FROM response" in s and "LIMIT" in s]
    assert len(response_selects) == 3  # 2 + 1 rows, then an empty batch ends it


def test_csv_streams_after_the_view_has_returned_in_its_own_app(app, answered, database_url):
    """As under a real server: the rows are read after the request's session has been removed."""
    from tests.conftest import AuthActions, make_app

    user = AuthActions(app.test_client()).user("officer")
    served = make_app(database_url)
    client = served.test_client()
    client.post("/auth/login", data={"email": user.email, "password": AuthActions.PASSWORD})
    response = client.get("/manage/consultations/safer-streets/export.csv")
    assert response.status_code == 200
    assert len(_csv(response)) == 4


def test_xlsx_has_typed_cells_a_frozen_filtered_bold_header_and_numbers_from_one(answered, client, auth):
    # Another consultation's response first, so database ids no longer start at 1 for this one.
    other = draft_consultation(slug="other-streets")
    open_consultation(other, None)
    enter_paper_response(other, answers_for(other), "d" * 20, None)
    enter_paper_response(answered, answers_for(answered, text="More police on foot"), "e" * 20, None)
    auth.login("officer")
    sheet = load_workbook(io.BytesIO(_body(client.get("/manage/consultations/safer-streets/export.xlsx"))))["Responses"]
    rows = list(sheet.iter_rows())
    assert [row[0].value for row in rows[1:]] == [1, 2, 3, 4]
    assert all(row[0].data_type == "n" for row in rows[1:])
    submitted = rows[1][1]
    assert submitted.is_date and submitted.value.year >= 2026 and submitted.number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(rows[1][8].value, float)  # the sentiment of the written answer
    assert all(cell.font.bold for cell in rows[0]) and not rows[1][2].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K5"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCGHI"}
    assert widths == {"A": 11, "B": 18, "C": 10, "G": 60, "H": 30, "I": 11}


def test_csv_numbers_responses_from_one_and_keeps_the_time_as_text(answered, client, auth):
    auth.login("officer")
    rows = _csv(client.get("/manage/consultations/safer-streets/export.csv"))
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert len(rows[1][1]) == len("2026-12-03 16:00") and rows[1][1][4] == "-"
