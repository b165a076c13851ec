"""Demo staff accounts, one per role, so a developer can try every staff page after `make run`."""
import secrets

from consult.models import ROLES
from consult.services.accounts.users import create_user, find_user, set_password, set_safeguarding_alerts

DOMAIN = "demo.example.org"
NAMES = {"admin": "Demo administrator", "officer": "Demo officer", "board": "Demo board member", "partner": "Demo partner"}
# Where demo accounts may exist. Anything else (production, or an unnamed config) is refused,
# since their passwords are printed in a terminal.
ALLOWED_ENVIRONMENTS = ("development", "testing")


class DemoAccountsRefused(RuntimeError):
    """Demo accounts were asked for where they must not exist; the message says why."""


def demo_email(role):
    return f"{role}@{DOMAIN}"


def refuse_outside_development(environment):
    """:raise DemoAccountsRefused: unless `environment` (the app's CONSULT_ENV) is development or testing."""
    if environment not in ALLOWED_ENVIRONMENTS:
        raise DemoAccountsRefused(
            f"Demo accounts are for development only, and CONSULT_ENV is {environment or 'not set'}: "
            "nothing was added. Create real accounts with `flask --app wsgi create-user EMAIL --role ROLE`."
        )


def create_demo_accounts(environment):
    """Create one account per role, or give existing demo accounts a new password; commits.

    Returns [(user, password)] in ROLES order. The passwords are random and stored hashed like
    any other, so this is the only time they can be shown.
    :raise DemoAccountsRefused: outside development and testing (see refuse_outside_development).
    """
    refuse_outside_development(environment)
    accounts = []
    for role in ROLES:
        password = secrets.token_urlsafe(12)
        user = find_user(demo_email(role))
        if user is None:
            user = create_user(demo_email(role), role, password, name=NAMES[role])
            if role == "officer":
                set_safeguarding_alerts(user, True, by=None)
        else:
            set_password(user, password)
        accounts.append((user, password))
    return accounts
