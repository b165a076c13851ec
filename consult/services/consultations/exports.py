"""Responses as CSV or XLSX: one row per response, one column per question, read in keyset batches.

Rows are produced batch by batch (BATCH_SIZE responses, three queries a batch), so an export of
100,000 responses never holds them all in memory. Responses are numbered from 1 in the order
they arrived within the consultation (database ids mean nothing to the people reading them).
Written text is redacted unless the caller asks for the original, which only admins may (the
view checks; the audit log records it).
"""
import csv
import io
from datetime import datetime

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from consult.extensions import db
from consult.formatting import ordinal, to_uk_time
from consult.models import Answer, AnswerTheme, Area, Consultation, Response, Theme
from consult.services import spreadsheets
from consult.services.accounts import audit

BATCH_SIZE = 1000
SUBMITTED_FORMAT = "%Y-%m-%d %H:%M"
# Column widths in characters: written answers wide, themes medium, figures narrow.
WIDTHS = {"text": 60, "themes": 30, "sentiment": 11, "number": 11, "submitted": 18, "channel": 10, "district": 11}
# A spreadsheet runs a cell starting with one of these as a formula ("CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NOT_YET_REDACTED = "[not yet analysed: open the answer in the workspace]"


def safe_cell(value):
    """Text a spreadsheet shows as text: a leading apostrophe defuses formula characters."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Layout:
    """The columns of one consultation's export, and how to fill a row from a response's answers."""

    def __init__(self, consultation, raw):
        # "About you" answers are special category data: counted on the board, never exported per response.
        self.questions = [q for q in consultation.questions if q.section != "about_you"]
        self.raw = raw
        self.options = {o.id: (o.position, o.label) for q in self.questions for o in q.options}
        self.areas = dict(db.session.execute(sa.select(Area.id, Area.name)).all())
        self.themes = {t.id: (t.position, t.name) for t in db.session.scalars(sa.select(Theme))}
        # Plain tuples: reading ORM attributes for every question of every row would dominate the time.
        self.shapes = [(q.id, q.kind if q.kind in ("area", "grid", "ranking") else "text" if q.is_text else "choice") for q in self.questions]
        # A grid has a column per statement (its scale point), a ranking a column per rank (the option).
        self.columns_of = {
            q.id: [o.id for o in q.options] if q.kind == "grid" else list(range(1, q.rank_count + 1))
            for q in self.questions if q.kind in ("grid", "ranking")
        }
        self.points = {q.id: list(q.scale_points or []) for q in self.questions if q.kind == "grid"}

    def header(self):
        columns = ["Response number", "Submitted (UK time)", "Channel"]
        for number, question in enumerate(self.questions, start=1):
            title = f"Q{number}. {question.title}"
            if question.kind == "area":
                columns += [title, f"Q{number}. Postcode district"]
            elif question.kind == "grid":
                columns += [f"{title}: {option.label}" for option in question.options]
            elif question.kind == "ranking":
                columns += [f"{title}: {ordinal(rank)}" for rank in self.columns_of[question.id]]
            elif question.is_text:
                kind = "original text" if self.raw else "redacted"
                columns += [f"{title} ({kind})", f"Q{number}. Themes", f"Q{number}. Sentiment"]
            else:
                columns.append(title)
        return columns

    def widths(self):
        """A width for each column of header(), in characters."""
        widths = [WIDTHS["number"], WIDTHS["submitted"], WIDTHS["channel"]]
        for question in self.questions:
            if question.kind == "area":
                widths += [max(14, len(question.title) // 2), WIDTHS["district"]]
            elif question.kind in ("grid", "ranking"):
                widths += [20] * len(self.columns_of[question.id])
            elif question.is_text:
                widths += [WIDTHS["text"], WIDTHS["themes"], WIDTHS["sentiment"]]
            else:
                widths.append(max(14, min(40, len(question.title) // 2)))
        return widths

    def row(self, number, response, answers, themes_by_answer):
        """Cells for the `number`th response; the time of submission is UK time, without a zone."""
        _response_id, submitted_at, channel, area_id, district = response
        by_question = {}
        for answer in answers:
            by_question.setdefault(answer.question_id, []).append(answer)
        cells = [number, to_uk_time(submitted_at).replace(tzinfo=None, second=0, microsecond=0), channel]
        for question_id, shape in self.shapes:
            given = by_question.get(question_id, ())
            if shape == "area":
                cells += [self.areas.get(area_id, ""), district or ""]
            elif shape == "text":
                cells += self._text_cells(given[0] if given else None, themes_by_answer)
            elif shape == "grid":
                points = self.points[question_id]
                chosen = {a.option_id: a.choice for a in given}
                cells += [
                    points[chosen[o] - 1] if chosen.get(o) and chosen[o] <= len(points) else ""
                    for o in self.columns_of[question_id]
                ]
            elif shape == "ranking":
                ranked = {a.choice: self.options[a.option_id][1] for a in given if a.option_id in self.options}
                cells += [ranked.get(rank, "") for rank in self.columns_of[question_id]]
            else:
                labels = sorted(self.options[a.option_id] for a in given if a.option_id in self.options)
                cells.append("; ".join(label for _position, label in labels))
        return cells

    def _text_cells(self, answer, themes_by_answer):
        if answer is None:
            return ["", "", ""]
        if self.raw:
            text = answer.text or ""
        else:
            text = answer.redacted_text if answer.redacted_text is not None else NOT_YET_REDACTED
        names = sorted(self.themes[theme_id] for theme_id in themes_by_answer.get(answer.id, ()) if theme_id in self.themes)
        sentiment = round(answer.sentiment, 2) if answer.sentiment is not None else ""
        return [text, "; ".join(name for _position, name in names), sentiment]


def _effective_tag():
    """Officer tags once the answer is reviewed, automatic tags until then."""
    return sa.or_(
        sa.and_(Answer.reviewed_at.is_not(None), AnswerTheme.source == "officer"),
        sa.and_(Answer.reviewed_at.is_(None), AnswerTheme.source == "auto"),
    )


def response_batches(consultation, batch_size=None):
    """Yield [(response, answers, themes by answer id)] a batch at a time, by ascending response id."""
    size = batch_size or BATCH_SIZE
    last_id = 0
    while True:
        responses = db.session.execute(
            sa.select(Response.id, Response.submitted_at, Response.channel, Response.area_id, Response.postcode_district)
            .where(Response.consultation_id == consultation.id, Response.id > last_id)
            .order_by(Response.id)
            .limit(size)
        ).all()
        if not responses:
            return
        ids = [row[0] for row in responses]
        answers = db.session.execute(
            sa.select(
                Answer.id, Answer.response_id, Answer.question_id, Answer.option_id, Answer.choice,
                Answer.text, Answer.redacted_text, Answer.sentiment,
            ).where(Answer.response_id.in_(ids))
        ).all()
        tags = db.session.execute(
            sa.select(AnswerTheme.answer_id, AnswerTheme.theme_id)
            .join(Answer, Answer.id == AnswerTheme.answer_id)
            .where(Answer.response_id.in_(ids), _effective_tag())
        ).all()
        answers_by_response, themes_by_answer = {}, {}
        for answer in answers:
            answers_by_response.setdefault(answer.response_id, []).append(answer)
        for answer_id, theme_id in tags:
            themes_by_answer.setdefault(answer_id, []).append(theme_id)
        yield [(row, answers_by_response.get(row[0], []), themes_by_answer) for row in responses]
        last_id = ids[-1]


def export_rows(consultation, raw=False, batch_size=None):
    """The header, then one list of cells per response, produced lazily.

    Only the consultation's id is kept: a streamed download reads the rows after the view has
    returned and its session has gone, so the generator loads the consultation in its own.
    """
    return _rows(consultation.id, raw, batch_size)


def _rows(consultation_id, raw, batch_size):
    consultation = db.session.get(Consultation, consultation_id)
    layout = _Layout(consultation, raw)
    yield layout.header()
    number = 0
    for batch in response_batches(consultation, batch_size):
        for response, answers, themes_by_answer in batch:
            number += 1
            yield layout.row(number, response, answers, themes_by_answer)


def column_widths(consultation):
    """The export's column widths in characters, in the order of its header."""
    return _Layout(consultation, raw=False).widths()


def csv_chunks(rows):
    """CSV text a few rows at a time, formula-safe, with a byte-order mark so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for count, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(cell) for cell in row])
        if count % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_cell(value):
    if isinstance(value, datetime):
        return value.strftime(SUBMITTED_FORMAT)
    return safe_cell(value)


def _xlsx_cell(sheet, value):
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return spreadsheets.typed_cell(sheet, value)


def write_xlsx(rows, fileobj, widths=()):
    """Write rows to an XLSX file with openpyxl's write-only mode, which streams rows to disk.

    The first row is the header: bold, frozen and filtered; `widths` are the columns' widths.
    """
    workbook = Workbook(write_only=True)
    # A fixed sheet name: titles may hold characters Excel refuses in one (: / ? * [ ]).
    sheet = workbook.create_sheet(title="Responses")
    spreadsheets.set_widths(sheet, widths)
    rows = iter(rows)
    header = next(rows, [])
    spreadsheets.append_header(sheet, [_xlsx_cell(sheet, heading) for heading in header])
    written = 1
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
        written += 1
    spreadsheets.add_filter(sheet, len(header), written)
    workbook.save(fileobj)


def record_export(consultation, file_format, raw, user):
    """Log who exported what; raw text exports are the ones an auditor looks for. Commits."""
    action = "export.raw" if raw else "export.redacted"
    audit.record(action, f"consultation:{consultation.id}", user=user, format=file_format)
    db.session.commit()
