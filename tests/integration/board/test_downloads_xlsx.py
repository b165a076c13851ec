"""The board's XLSX downloads: typed cells, a bold frozen header with filters, readable widths."""
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter


def workbook_sheet(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.data)).active


def test_matrix_xlsx_has_typed_cells_and_a_frozen_filtered_bold_header(client, auth, board_data):
    auth.login("board")
    sheet = workbook_sheet(client, "/board/board-test/download/theme-matrix.xlsx")
    rows = list(sheet.iter_rows())
    header, north, south, west, total = rows[:5]
    assert [cell.value for cell in header[:4]] == ["Area", "Respondents", "Road safety: respondents", "Road safety: share"]
    assert all(cell.font.bold for cell in header) and not any(cell.font.bold for cell in north)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}5"

    assert (north[1].value, north[1].data_type, north[1].number_format) == (20, "n", "#,##0")
    assert north[3].value == pytest.approx(0.6) and north[3].number_format == "0.0%"
    assert north[4].value == pytest.approx(1.2) and north[4].number_format == "0.00"
    assert south[2].value == "fewer than 5" and west[2].value == "not shown"
    assert south[9].value == "higher" and total[0].value == "All areas"

    widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, len(header) + 1)]
    assert all(8 <= width <= 60 for width in widths)
    assert widths[0] >= len("All areas") and widths[9] >= len("significant") + 2


def test_trend_xlsx_months_are_dates(client, auth, board_data):
    auth.login("board")
    sheet = workbook_sheet(client, "/board/board-test/download/trend-by-month.xlsx")
    months = [row[0] for row in sheet.iter_rows(min_row=2, max_row=3)]
    assert [cell.value for cell in months] == [datetime(2026, 3, 1), datetime(2026, 4, 1)]
    assert all(cell.is_date and cell.number_format == "mmm yyyy" for cell in months)
