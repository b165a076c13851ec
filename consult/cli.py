"""flask commands: seed-demo, purge-drafts (and the analysis group once it is wired)."""
import sys

import click
from flask import Flask



def register(app: Flask):
    app.cli.add_command(seed_demo)
    app.cli.add_command(purge_drafts)


@click.command("seed-demo")
@click.option("--responses", type=click.IntRange(min=0), default=0, help="How many synthetic responses to add.")
@click.option("--reset", is_flag=True, help="Delete all consultations, responses and areas first.")
@click.option("--seed", type=int, default=2026, help="Random seed, for repeatable demo data.")
@click.option("--if-empty", is_flag=True, help="Do nothing if any consultation exists (for first runs).")
def seed_demo(responses, reset, seed, if_empty):
    """Create the demo partnership's areas and surveys (once), optionally with synthetic responses."""
    from consult.services.demo import database_is_empty, seed_demo as run

    if if_empty and not database_is_empty():
        click.echo("The database already has consultations: demo data not added.")
        return

    # Ask a person at a terminal; scripts that pass --reset have already decided.
    if reset and sys.stdin.isatty() and not click.confirm("This deletes every consultation and response. Continue?", default=False, err=True):
        raise click.Abort()
    if responses:
        with click.progressbar(length=responses, label="Adding responses", file=sys.stderr) as bar:
            message = run(responses=responses, reset=reset, seed=seed, progress=bar.update)
    else:
        message = run(reset=reset, seed=seed)
    click.echo(message)


@click.command("purge-drafts")
def purge_drafts():
    """Delete unfinished survey drafts that have expired (safe to run from cron)."""
    from consult.services.responses import purge_expired_drafts

    removed = purge_expired_drafts()
    click.echo(f"Removed {removed:,} expired draft{'s' if removed != 1 else ''}.")


