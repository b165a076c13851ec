"""Rebuilding the board's summary tables as a background job (`summaries` kind) or from the CLI."""
from consult.services.summaries import tally


def rebuild_work(job, progress):
    """Recount every consultation's figures for `job`; returns how many consultations."""
    progress.total(len(tally.consultations_to_rebuild()))
    return tally.rebuild(progress)
