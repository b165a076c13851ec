"""flask commands for background work: `jobs worker`, `jobs restart-lost`, `jobs run-queued`, `jobs purge-files`, `summaries rebuild`."""
import sys

import click
from flask import current_app

from consult.services.jobs.runner import KINDS


@click.group()
def jobs():
    """Run and look after background jobs."""


@jobs.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker_command(burst):
    """Run queued jobs from Redis (REDIS_URL) until stopped: `make worker`."""
    from redis import Redis
    from rq import Worker

    from consult.extensions import db
    from consult.services.jobs.dispatch import QUEUE_NAME, starter

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.ClickException("REDIS_URL is not set: without it the app runs jobs in its own threads and needs no worker.")
    again = starter(current_app).restart_lost()
    if again:
        click.echo(f"Queued again {len(again)} job{'' if len(again) == 1 else 's'} lost with a previous worker.")
    # Each job runs in a forked process: it must open database connections of its own.
    db.session.remove()
    db.engine.dispose()
    Worker([QUEUE_NAME], connection=Redis.from_url(url)).work(burst=burst)


@jobs.command("restart-lost")
def restart_lost_command():
    """Start again the jobs whose worker died (run from cron when there is no worker running)."""
    from consult.services.jobs.dispatch import starter

    again = starter(current_app).restart_lost(background=False)
    click.echo(f"Started again {len(again)} lost job{'' if len(again) == 1 else 's'}.")


@jobs.command("run-queued")
@click.option("--kind", type=click.Choice(sorted(KINDS)), help="Only jobs of this kind.")
def run_queued_command(kind):
    """Run here every job still queued, oldest first (where no worker or app thread runs them)."""
    from consult.services.jobs.runner import run_queued

    ran = run_queued(kind)
    click.echo(f"Ran {ran} queued job{'' if ran == 1 else 's'}.")


@jobs.command("purge-files")
def purge_files_command():
    """Delete export files kept longer than EXPORT_KEEP_HOURS (run nightly from cron)."""
    from consult.services.consultations.export_jobs import purge_expired_files

    deleted = purge_expired_files()
    click.echo(f"Deleted {deleted} expired export file{'' if deleted == 1 else 's'}.")


@click.group()
def summaries():
    """The board's summary tables."""


@summaries.command("rebuild")
def rebuild_command():
    """Recount the board's summary tables from the answers, consultation by consultation."""
    from consult.services.summaries import tally

    total = len(tally.consultations_to_rebuild())
    with click.progressbar(length=total, label="Recounting consultations", file=sys.stderr) as bar:
        done = tally.rebuild(progress=bar.update)
    click.echo(f"Rebuilt the summary tables of {done:,} consultation{'' if done == 1 else 's'}.")
