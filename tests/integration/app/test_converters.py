"""Path values a database cannot take are a 404, not a 500 (found by tests/fuzz)."""


def test_an_id_too_large_for_a_database_integer_is_not_found(client, auth):
    user = auth.login("admin")
    assert client.get(f"/manage/users/{user.id}").status_code == 200
    for url in ("/manage/users/2147483648", "/manage/review/99999999999999999999", "/manage/safeguarding/" + "9" * 5000):
        assert client.get(url).status_code == 404, url[:60]
    assert client.get("/manage/users/2147483647").status_code == 404


def test_control_characters_in_a_path_are_not_found(client, demo):
    """PostgreSQL refuses text holding NUL with an error, so the lookup must never be tried."""
    assert client.get("/c/community-safety-survey").status_code == 200
    for url in ("/c/community-safety-survey%00", "/c/%1Fcommunity-safety-survey", "/c/community%7Fsafety"):
        assert client.get(url).status_code == 404, url
