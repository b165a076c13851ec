"""Small-number suppression: primary (1 to 4 hidden) and secondary (no hidden value worked out)."""
from consult.services.summaries.suppression import Count, count, suppress_grid, suppress_line


def hidden(grid):
    return [[cell.suppressed for cell in row] for row in grid]


def test_counts_from_one_to_four_are_hidden_and_read_fewer_than_5():
    assert [str(count(n, 5)) for n in (0, 1, 4, 5, 1234)] == ["0", "fewer than 5", "fewer than 5", "5", "1,234"]
    assert count(3, 5).public == "fewer than 5"
    assert count(3, 5).shown is None
    assert count(7, 5).public == 7


def test_the_threshold_is_configurable():
    assert str(count(9, 10)) == "fewer than 10"
    assert not count(9, 5).suppressed


def test_a_hidden_count_has_no_share():
    assert count(3, 5).share_of(40) is None
    assert count(10, 5).share_of(40) == 0.25
    assert count(10, 5).share_of(count(3, 5)) is None


def test_a_line_with_one_hidden_cell_hides_its_next_smallest_cell_too():
    # 38 + 2 + 0 = 40 shown: 2 alone could be worked out as 40 - 38 - 0.
    cells = suppress_line([38, 2, 0], 5)
    # The 38 is hidden only to protect the 2: it is not small, so it does not read "fewer than 5".
    assert [str(c) for c in cells] == ["not shown", "fewer than 5", "0"]


def test_a_line_with_two_hidden_cells_needs_no_more():
    assert [c.suppressed for c in suppress_line([3, 9, 2], 5)] == [True, False, True]


def test_ties_for_the_complement_take_the_first_cell():
    assert [c.suppressed for c in suppress_line([5, 3, 5], 5)] == [True, True, False]


def test_a_line_whose_total_is_hidden_reveals_nothing():
    assert [c.suppressed for c in suppress_line([3, 0], 5)] == [True, False]


def test_secondary_suppression_runs_down_columns_until_nothing_can_be_worked_out():
    # Columns add up (areas to "all areas"); rows do not (a respondent can have several themes).
    grid = [
        [20, 12, 3],
        [15, 3, 9],
        [5, 5, 2],
    ]
    assert hidden(suppress_grid(grid, 5, columns_add_up=True)) == [
        [False, False, True],
        [False, True, False],
        [False, True, True],
    ]


def test_secondary_suppression_in_rows_and_columns_cascades():
    # 3 is hidden; row 0 then hides 6 (its smallest other cell); column 0 has 3 alone hidden,
    # so 40 is hidden; column 1 has 6 alone hidden, so 10 is hidden. Row 1 now has two hidden
    # cells (40 and 10) and every column two, so nothing more can be worked out.
    grid = [
        [3, 6, 30],
        [40, 10, 20],
    ]
    assert hidden(suppress_grid(grid, 5, rows_add_up=True, columns_add_up=True)) == [
        [True, True, False],
        [True, True, False],
    ]


def test_suppressed_counts_sort_below_every_shown_count():
    assert sorted([count(3, 5), count(50, 5), count(1, 5)], key=Count.sort_key)[-1].value == 50
    assert count(3, 5).sort_key() == count(1, 5).sort_key()


def test_the_threshold_comes_from_the_environment_and_refuses_to_show_single_people(monkeypatch):
    import pytest

    from config import DevelopmentConfig

    monkeypatch.setenv("SUPPRESSION_THRESHOLD", "10")
    assert DevelopmentConfig().SUPPRESSION_THRESHOLD == 10
    monkeypatch.setenv("SUPPRESSION_THRESHOLD", "1")
    with pytest.raises(RuntimeError, match="SUPPRESSION_THRESHOLD must be 2 or more"):
        DevelopmentConfig()
