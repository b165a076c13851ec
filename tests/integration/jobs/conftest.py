"""A consultation with three responses, exported through background jobs into a folder of the test's own."""
import pytest

from consult.services.consultations.lifecycle import open_consultation
from consult.services.consultations.paper import enter_paper_response
from tests.integration.manage.builder_helpers import answers_for, draft_consultation

PHONE_TEXT = "Speeding on the prom, ring me on 07700 900123"


@pytest.fixture
def answered(app, tmp_path):
    app.config.update(EXPORT_JOB_THRESHOLD=0, EXPORT_DIR=str(tmp_path / "exports"))
    consultation = draft_consultation()
    open_consultation(consultation, None)
    enter_paper_response(consultation, answers_for(consultation, text=PHONE_TEXT), "a" * 20, None)
    enter_paper_response(consultation, answers_for(consultation, text="Litter everywhere"), "b" * 20, None)
    enter_paper_response(consultation, answers_for(consultation, walk="No"), "c" * 20, None)
    return consultation
