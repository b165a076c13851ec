"""XLSX sheets people can work with at once: a bold frozen header with filters, widths, typed cells.

Shared by the board's summary downloads and the officers' response exports. Sheets are
openpyxl write-only sheets, so the column widths and frozen panes must be set before the first
row and the filter's range after the last.
"""
from datetime import date, datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

DATE_FORMAT = "yyyy-mm-dd"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"
INTEGER_FORMAT = "#,##0"
MIN_WIDTH, MAX_WIDTH = 8, 60


def set_widths(sheet, widths):
    """Column widths in characters (clamped to a readable range); call before the first row."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))


def append_header(sheet, headings):
    """The bold, wrapped first row, frozen so it stays in view while scrolling."""
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    cells = []
    for heading in headings:
        cell = WriteOnlyCell(sheet, value=heading)
        cell.font, cell.alignment = bold, wrapped
        cells.append(cell)
    # Set before the first row: a write-only sheet writes its views with the first row.
    sheet.freeze_panes = "A2"
    sheet.append(cells)


def typed_cell(sheet, value, number_format=None):
    """A cell that keeps its type: dates and times with a date format, whole numbers with separators."""
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    elif isinstance(value, datetime):
        cell.number_format = DATE_TIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = INTEGER_FORMAT
    return cell


def add_filter(sheet, columns, last_row):
    """Filter buttons on the header over rows 1..last_row; call after the last row."""
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(1, last_row)}"
