"""Password rules: 12 to 128 characters, no composition rules, common ones refused, scrypt hashes."""
import pytest

from consult.services.accounts.users import UserError, common_passwords, create_user, password_problem


@pytest.mark.parametrize(
    "password",
    ["correct staple orbit", "aaaaaaaaaaab", "x" * 128, "spaces are fine in a password ", "ÿñîçødé pässwörd"],
)
def test_long_enough_uncommon_passwords_are_accepted(password):
    assert password_problem(password) is None


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", "at least 12 characters"),
        ("x" * 129, "128 characters or fewer"),
        ("password1234", "too common"),
        ("Qwertyuiop12", "too common"),
        ("123456789012", "too common"),
        ("officer@example.org", "too common"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password, message):
    assert message in password_problem(password, "officer@example.org")


def test_the_shipped_list_is_lower_case_and_long_enough_to_matter():
    passwords = common_passwords()
    assert len(passwords) >= 300
    assert all(len(password) >= 12 and password == password.lower() for password in passwords)


def test_passwords_are_stored_as_scrypt_hashes(app):
    user = create_user("jo@example.org", "board", "a very long passphrase")
    assert user.password_hash.startswith("scrypt:")
    assert "a very long passphrase" not in user.password_hash


def test_duplicate_email_is_refused_whatever_its_case(app):
    create_user("jo@example.org", "board", "a very long passphrase")
    with pytest.raises(UserError, match="already an account"):
        create_user("JO@example.org", "officer", "another long passphrase")
