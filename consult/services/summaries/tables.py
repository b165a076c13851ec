"""The shape every summary table takes, so pages, charts, CSV, XLSX and the API read the same rows."""
from dataclasses import dataclass, field

from consult.services.summaries.suppression import Count


@dataclass(frozen=True)
class Percent:
    """A share between 0 and 1, or None when it must not be shown (suppressed or no base)."""

    value: float | None

    @property
    def public(self):
        return None if self.value is None else round(self.value * 100, 1)

    def __str__(self):
        return "" if self.value is None else f"{self.value * 100:.1f}%"

    def sort_key(self):
        return -1 if self.value is None else self.value


@dataclass(frozen=True)
class Ratio:
    """A lift (observed / expected share), or None when not shown."""

    value: float | None

    @property
    def public(self):
        return None if self.value is None else round(self.value, 2)

    def __str__(self):
        return "" if self.value is None else f"{self.value:.2f}"

    def sort_key(self):
        return -1 if self.value is None else self.value


@dataclass
class Table:
    """A summary table: `columns` are (key, heading) pairs, `rows` dicts keyed by column key.

    Values are str, int, Count, Percent or Ratio; `public_rows()` turns them into what a
    download or the API carries (a suppressed count becomes "fewer than N").
    """

    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""

    def headings(self):
        return [heading for _key, heading in self.columns]

    def public_rows(self):
        return [[public(row.get(key)) for key, _heading in self.columns] for row in self.rows]

    def as_json(self):
        return {
            "key": self.key,
            "title": self.title,
            "note": self.note,
            "columns": [{"key": key, "heading": heading} for key, heading in self.columns],
            "rows": [{key: public(row.get(key)) for key, _heading in self.columns} for row in self.rows],
        }


def public(value):
    if isinstance(value, (Count, Percent, Ratio)):
        return value.public
    return value
