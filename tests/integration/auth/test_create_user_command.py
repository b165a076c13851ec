"""flask create-user: the first admin from a terminal or a script, with clear errors."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import User


def test_creates_a_user_from_stdin(runner):
    result = runner.invoke(args=["create-user", "Admin@Example.org", "--role", "admin", "--name", "Sam", "--password-stdin"], input="a long admin passphrase\n")
    assert result.exit_code == 0, result.output
    assert "Created admin account for admin@example.org." in result.output
    user = db.session.scalar(sa.select(User))
    assert (user.email, user.role, user.name) == ("admin@example.org", "admin", "Sam")


def test_prompts_twice_without_stdin_flag(runner):
    result = runner.invoke(args=["create-user", "jo@example.org", "--role", "officer"], input="a long officer passphrase\na long officer passphrase\n")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(User.role)) == "officer"


def test_bad_role_is_refused(runner):
    result = runner.invoke(args=["create-user", "jo@example.org", "--role", "mayor", "--password-stdin"], input="a long officer passphrase\n")
    assert result.exit_code == 2
    assert "'mayor' is not one of 'admin', 'officer', 'board', 'partner'" in result.output


def test_duplicate_email_is_refused(runner):
    runner.invoke(args=["create-user", "jo@example.org", "--role", "officer", "--password-stdin"], input="a long officer passphrase\n")
    result = runner.invoke(args=["create-user", "JO@example.org", "--role", "board", "--password-stdin"], input="a long officer passphrase\n")
    assert result.exit_code == 1
    assert "There is already an account for jo@example.org." in result.output


def test_weak_password_is_refused(runner):
    result = runner.invoke(args=["create-user", "jo@example.org", "--role", "officer", "--password-stdin"], input="password1234\n")
    assert result.exit_code == 1
    assert "too common" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_bad_email_is_refused(runner):
    result = runner.invoke(args=["create-user", "not-an-email", "--role", "officer", "--password-stdin"], input="a long officer passphrase\n")
    assert result.exit_code == 1
    assert "Enter an email address in the correct format" in result.output
