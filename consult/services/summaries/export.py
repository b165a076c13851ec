"""Summary tables as CSV and XLSX files (suppressed counts read "fewer than N" or "not shown")."""
import csv
import io
import re

from openpyxl import Workbook

# Cells starting with these run as formulas in spreadsheet programs; prefix them so they stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def table_xlsx(table):
    workbook = Workbook(write_only=True)
    # Excel refuses sheet names over 31 characters or with any of \ / * ? : [ ].
    sheet = workbook.create_sheet(title=re.sub(r"[\\/*?:\[\]]", " ", table.title)[:31].strip() or "Summary")
    sheet.append([_safe(v) for v in table.headings()])
    for row in table.public_rows():
        sheet.append([_safe(v) for v in row])
    if table.note:
        sheet.append([])
        sheet.append([_safe(table.note)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
