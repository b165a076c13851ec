"""Fixtures for the analysis library's unit tests."""
from pathlib import Path

import pytest

from consult.analysis import load_default_taxonomy

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "analysis_examples.csv"


@pytest.fixture(scope="session")
def taxonomy():
    return load_default_taxonomy()


@pytest.fixture(scope="session")
def examples_path():
    return EXAMPLES
