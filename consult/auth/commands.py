"""flask create-user: make an account from the command line (the first admin, for example)."""
import sys

import click

from consult.models import ROLES


@click.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the person may see and do.")
@click.option("--name", default="", help="The person's name, as shown to other staff.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
def create_user(email, role, name, password_stdin):
    """Create an account for EMAIL with a password (asked for twice unless --password-stdin)."""
    from consult.services.accounts.users import UserError, create_user as create, email_problem, find_user, normalise_email, password_problem

    problem = email_problem(normalise_email(email))
    if problem:
        raise click.ClickException(f"{problem}.")
    if find_user(email) is not None:
        raise click.ClickException(f"There is already an account for {normalise_email(email)}.")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password (at least 12 characters)", hide_input=True, confirmation_prompt=True, err=True)
    problem = password_problem(password, email)
    if problem:
        raise click.ClickException(f"{problem}.")
    try:
        user = create(email, role, password, name=name)
    except UserError as error:
        raise click.ClickException(f"{error}.") from None
    click.echo(f"Created {user.role} account for {user.email}.")
