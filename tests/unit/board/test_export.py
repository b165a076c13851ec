"""Summary tables as CSV and XLSX: every text cell that would start a formula stays text."""
import csv
import io

from openpyxl import load_workbook

from consult.services.summaries.export import table_csv, table_xlsx
from consult.services.summaries.tables import Table

# Theme and area names are typed by officers, so headings can start like a formula too.
TABLE = Table(
    key="theme-matrix",
    title="Themes by area",
    columns=[("area", "Area"), ("t1", '=HYPERLINK("http://evil.example")'), ("t2", "@SUM(1+1)")],
    rows=[{"area": "-2+3", "t1": 4, "t2": -1}],
    note="+note",
)


def test_csv_headings_cells_and_note_are_neutralised():
    rows = list(csv.reader(io.StringIO(table_csv(TABLE).decode("utf-8-sig"))))
    assert rows[0] == ["Area", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(1+1)"]
    assert rows[1] == ["'-2+3", "4", "-1"]
    assert rows[-1] == ["'+note"]


def test_xlsx_has_no_formula_cells():
    sheet = load_workbook(io.BytesIO(table_xlsx(TABLE))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.value for cell in cells if cell.data_type == "f"]
    assert [cell.value for cell in cells][:3] == ["Area", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(1+1)"]
    assert [cell.value for cell in cells][-1] == "'+note"
