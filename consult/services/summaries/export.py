"""Summary tables as CSV and XLSX files (suppressed counts read "fewer than N" or "not shown")."""
import csv
import io
import re
from datetime import date

from openpyxl import Workbook

from consult.services import spreadsheets
from consult.services.summaries.suppression import Count
from consult.services.summaries.tables import Percent, Ratio, public

# Cells starting with these run as formulas in spreadsheet programs; prefix them so they stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONTH = re.compile(r"\d{4}-\d{2}")  # a trend period by month, as the board writes it


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def table_csv(table):
    out = io.StringIO()
    writer = csv.writer(out)
    # Headings too: they hold theme, area and answer names officers typed (found by tests/fuzz).
    writer.writerow([_safe(v) for v in table.headings()])
    for row in table.public_rows():
        writer.writerow([_safe(v) for v in row])
    if table.note:
        writer.writerow([])
        writer.writerow([_safe(table.note)])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_value(sheet, key, value):
    """A typed cell: counts as whole numbers, shares as percentages, lifts as decimals, months as dates.

    A suppressed count stays the text "fewer than N" or "not shown".
    """
    if isinstance(value, Percent):
        # Rounded as the page, the CSV and the API show it (to a tenth of a percent).
        return spreadsheets.typed_cell(sheet, None if value.value is None else round(value.value, 3), "0.0%")
    if isinstance(value, Ratio):
        return spreadsheets.typed_cell(sheet, value.public, "0.00")
    if isinstance(value, Count) and value.suppressed:
        return spreadsheets.typed_cell(sheet, value.public)
    if key == "period" and isinstance(value, str) and MONTH.fullmatch(value):
        return spreadsheets.typed_cell(sheet, date(int(value[:4]), int(value[5:]), 1), "mmm yyyy")
    return spreadsheets.typed_cell(sheet, _safe(public(value)))


def _width(heading, values):
    """Wide enough for the longest value, and for the heading's longest word (headings wrap)."""
    longest_word = max((len(word) for word in str(heading).split()), default=0)
    longest_value = max((len(f"{public(v):,}" if isinstance(public(v), int) else str(public(v))) for v in values if v is not None), default=0)
    return max(longest_word, longest_value, min(len(str(heading)), 16)) + 2


def table_xlsx(table):
    workbook = Workbook(write_only=True)
    # Excel refuses sheet names over 31 characters or with any of \ / * ? : [ ].
    sheet = workbook.create_sheet(title=re.sub(r"[\\/*?:\[\]]", " ", table.title)[:31].strip() or "Summary")
    spreadsheets.set_widths(sheet, [_width(heading, [row.get(key) for row in table.rows]) for key, heading in table.columns])
    spreadsheets.append_header(sheet, [_safe(v) for v in table.headings()])
    for row in table.rows:
        sheet.append([_xlsx_value(sheet, key, row.get(key)) for key, _heading in table.columns])
    spreadsheets.add_filter(sheet, len(table.columns), 1 + len(table.rows))
    if table.note:
        sheet.append([])
        sheet.append([_safe(table.note)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
