"""flask commands: seed-demo, purge-drafts, analysis evaluate, retag and run-jobs, consultations sync, mail, and more."""
import functools
import sys
from contextlib import contextmanager

import click
from flask import Flask, current_app, url_for

RENEW_ACCOUNTS = ".venv/bin/flask --app wsgi seed-demo --accounts"


@contextmanager
def database_ready():
    """Turn a database error into a polite one: "no such table" (never migrated) says what to run."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        yield
    except (OperationalError, ProgrammingError) as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        # SQLite: "no such table: x"; PostgreSQL: 'relation "x" does not exist'.
        if "no such table" in detail or ("relation" in detail and "does not exist" in detail):
            raise click.ClickException(
                f"The database is not ready ({detail}). Run `.venv/bin/flask --app wsgi db upgrade`, then try again."
            ) from None
        raise click.ClickException(
            f"The database could not be used ({detail}). Check DATABASE_URL and that the database is running, "
            "then try again."
        ) from None


def register(app: Flask):
    from consult.auth.commands import create_user
    from consult.jobs_cli import jobs, summaries
    from consult.mail_cli import mail

    for command in (seed_demo, purge_drafts, analysis, purge_expired, erase_response, consultations,
                    create_user, mail, jobs, summaries):
        _politely(command)
        app.cli.add_command(command)


def _politely(command: click.Command) -> None:
    """Run the command (or every command of a group) inside ``database_ready``, once however
    many apps are made."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _politely(sub)
        return
    original = command.callback
    if original is None or getattr(original, "database_ready", False):
        return

    @functools.wraps(original)
    def callback(*args, **kwargs):
        with database_ready():
            return original(*args, **kwargs)

    callback.database_ready = True
    command.callback = callback


@click.command("seed-demo")
@click.option("--responses", type=click.IntRange(min=0), default=0, help="How many synthetic responses to add (a quarter to the closed survey).")
@click.option("--reset", is_flag=True, help="Delete all consultations, responses and areas first.")
@click.option("--seed", type=int, default=2026, help="Random seed, for repeatable demo data.")
@click.option("--if-empty", is_flag=True, help="Do nothing if any consultation exists (for first runs).")
@click.option("--accounts", is_flag=True, help="Also create one staff account per role and print their passwords (development only).")
@click.option("--site-url", default="http://127.0.0.1:5000", show_default=True, help="Where the site is served, for the sign-in address printed with --accounts.")
def seed_demo(responses, reset, seed, if_empty, accounts, site_url):
    """Create the demo partnership's areas and surveys (once), optionally with synthetic responses and staff accounts."""
    from consult.services.demo.accounts import DemoAccountsRefused, refuse_outside_development
    from consult.services.demo.seed import database_is_empty, seed_demo as run

    # Refused before anything is written, and whether or not the database is empty, so a
    # production `make run` stops here with the reason.
    if accounts:
        try:
            refuse_outside_development(current_app.config.get("CONSULT_ENV"))
        except DemoAccountsRefused as refused:
            raise click.ClickException(str(refused)) from None

    if if_empty and not database_is_empty():
        click.echo("The database already has consultations: demo data not added.")
        if accounts:
            click.echo(f"New passwords for the demo staff accounts: {RENEW_ACCOUNTS}")
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
    if accounts:
        _print_demo_accounts(site_url)


def _print_demo_accounts(site_url):
    from consult.access import ROLE_NAMES
    from consult.services.demo.accounts import create_demo_accounts

    created = create_demo_accounts(current_app.config.get("CONSULT_ENV"))
    with current_app.test_request_context(base_url=site_url):
        sign_in = url_for("auth.login", _external=True)
    click.echo("")
    click.echo("Demo staff accounts (development only). The passwords are shown this once;")
    click.echo(f"{RENEW_ACCOUNTS} gives them new ones.")
    for user, password in created:
        click.echo(f"  {ROLE_NAMES[user.role]:<18} {user.email:<26} {password}")
    click.echo(f"Sign in at {sign_in}")
    click.echo("")


@click.command("purge-drafts")
def purge_drafts():
    """Delete unfinished survey drafts that have expired (safe to run from cron)."""
    from consult.services.survey.drafts import purge_expired_drafts

    removed = purge_expired_drafts()
    click.echo(f"Removed {removed:,} expired draft{'s' if removed != 1 else ''}.")




@click.command("purge-expired")
def purge_expired():
    """Anonymise responses past their consultation's retention period (safe to run nightly)."""
    from consult.services.casework.data_protection import purge_expired as run

    done = run()
    if not done:
        click.echo("No responses are past their retention period.")
    for slug, count in done.items():
        click.echo(f"{slug}: anonymised {count:,} response{'s' if count != 1 else ''} (free text removed, totals kept).")


@click.command("erase-response")
@click.argument("receipt_code")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase_response(receipt_code, yes):
    """Delete the response a resident's receipt code names, on their request (audit-logged)."""
    from consult.services.casework.data_protection import erase_response as erase
    from consult.services.casework.data_protection import find_by_receipt

    response = find_by_receipt(receipt_code)
    if response is None:
        raise click.ClickException(f"No response has the receipt code {receipt_code!r}. Check it with the resident.")
    when = f"{response.submitted_at:%d %B %Y}"
    if not yes and not click.confirm(f"Delete the response to {response.consultation.title!r} sent on {when}?", err=True):
        raise click.Abort()
    erase(response)
    click.echo("The response and its answers have been deleted.")


@click.group()
def analysis():
    """Measure, train and cross-validate the theme tagger, and re-analyse stored answers."""


@analysis.command("evaluate")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--stored", is_flag=True, help="Use the themes stored in the database (as edited by admins), not the built-in ones.")
@click.option("--learn-from", "learn_from", type=click.Path(dir_okay=False),
              help="First learn from this labelled CSV's rows as if officers had reviewed them (in memory; nothing is stored).")
def evaluate_command(path, stored, learn_from):
    """Score the tagger on a labelled CSV (columns text,themes[,safeguarding]).

    The last line printed is one JSON object with macro_f1, per_theme, none_precision and
    problem_positive_share (and learned_from with --learn-from).
    """
    from consult.analysis import current_model, load_default_taxonomy, store
    from consult.analysis.evaluate import EvaluationFileError, evaluate, format_report, load_labelled_csv

    taxonomy = _stored_taxonomy_or_default() if stored else load_default_taxonomy()
    try:
        rows = load_labelled_csv(path, taxonomy)
        lessons = load_labelled_csv(learn_from, taxonomy) if learn_from else None
    except (EvaluationFileError, OSError) as error:
        raise click.ClickException(str(error)) from None
    model = store.train(lessons) if lessons else current_model()
    result = evaluate(rows, taxonomy, model=model)
    if lessons is not None:
        result["learned_from"] = len(lessons)
    for line in format_report(result):
        click.echo(line)


@analysis.command("train")
def train_command():
    """Train the model from the shipped corpus and officers' reviews (fixed seed), store it and switch it on."""
    from flask import current_app

    from consult.analysis import store
    from consult.services.tagging.learning import model_folder, reviewed_examples

    examples = reviewed_examples()
    model = store.train(examples)
    path = store.save(model, model_folder(current_app))
    store.use(model)
    click.echo(f"Trained model {model.version} on {model.trained_on:,} rows "
               f"({len(examples):,} from officers' reviews): {path}")
    click.echo("Run `flask --app wsgi analysis retag --stale` to re-analyse answers an older model tagged.")


@analysis.command("crossval")
@click.option("--folds", type=click.IntRange(min=2, max=10), default=5, show_default=True)
def crossval_command(folds):
    """Print k-fold cross-validated scores of the tagger on the shipped training corpus."""
    from consult.analysis import load_default_taxonomy
    from consult.analysis.corpus import load_corpus
    from consult.analysis.crossval import crossval
    from consult.analysis.evaluate import format_report

    taxonomy = load_default_taxonomy()
    rows = load_corpus(taxonomy)
    click.echo(f"{folds}-fold cross-validation on {len(rows):,} corpus rows", err=True)
    for line in format_report(crossval(rows, taxonomy, folds=folds)):
        click.echo(line)


def _stored_taxonomy_or_default():
    from sqlalchemy.exc import SQLAlchemyError

    from consult.analysis import load_default_taxonomy
    from consult.services.tagging.store import current_taxonomy

    try:
        return current_taxonomy()[0]
    except SQLAlchemyError:
        click.echo("No database to read themes from: using the built-in themes.", err=True)
        return load_default_taxonomy()


@analysis.command("retag")
@click.option("--consultation", "slug", help="Only this consultation's answers (its slug).")
@click.option("--batch-size", type=click.IntRange(min=1, max=10000), default=500, show_default=True)
@click.option("--stale", is_flag=True, help="Only answers an older model version (or none) analysed.")
def retag_command(slug, batch_size, stale):
    """Re-analyse stored text answers with the current themes and model; officer-confirmed tags stay."""
    import sqlalchemy as sa

    from consult.extensions import db
    from consult.models import Consultation
    from consult.services.tagging.store import count_text_answers, retag

    consultation = None
    if slug:
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
        if consultation is None:
            raise click.ClickException(f"No consultation has the slug {slug!r}.")
    total = count_text_answers(consultation, stale=stale)
    with click.progressbar(length=total, label="Re-analysing answers", file=sys.stderr) as bar:
        done = retag(consultation, batch_size=batch_size, progress=bar.update, stale=stale)
    click.echo(f"Re-analysed {done:,} text answer{'s' if done != 1 else ''}.")


@analysis.command("run-jobs")
def run_jobs_command():
    """Run queued re-analysis jobs here: `flask jobs run-queued --kind retag` by its older name."""
    from consult.services.jobs.runner import run_queued

    ran = run_queued("retag")
    click.echo(f"Ran {ran} queued re-analysis job{'' if ran == 1 else 's'}.")


@click.group()
def consultations():
    """Keep consultations' statuses in step with their dates."""


@consultations.command("sync")
def sync_command():
    """Close open consultations whose closing date has passed (safe to run from cron, any time)."""
    from consult.services.consultations.lifecycle import sync_statuses

    closed = sync_statuses()
    if not closed:
        click.echo("No consultation needed closing.")
    for consultation in closed:
        click.echo(f"Closed {consultation.slug}: its closing date has passed.")
