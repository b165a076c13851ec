"""Helpers that answer the demo survey the way a resident would, through the pages."""


def option_id(consultation, number, label):
    question = consultation.questions[number - 1]
    return str(next(option.id for option in question.options if option.label == label))


def area_id(consultation, name):
    return str(next(area.id for area in consultation.areas if area.name == name))


def typical_answers(consultation, victim="No"):
    """Form data for each demo question, by question number."""
    return {
        1: {"answer": option_id(consultation, 1, "Fairly safe")},
        2: {"answer": option_id(consultation, 2, "Fairly unsafe")},
        3: {"answer": [option_id(consultation, 3, "Drug dealing or drug use"), option_id(consultation, 3, "Speeding or dangerous driving")]},
        4: {"answer": option_id(consultation, 4, "Disagree")},
        5: {"answer": option_id(consultation, 5, "Don't know")},
        6: {"answer": option_id(consultation, 6, victim)},
        7: {"answer": option_id(consultation, 7, "Yes, to the police")},
        8: {"answer": "Boy racers on the promenade every night, and drug dealing behind the chip shop."},
        9: {"answer": "Speed bumps and more patrols."},
        10: {"answer": area_id(consultation, "Whitehaven"), "postcode": "ca28 7ab"},
    }


def complete_survey(client, consultation, victim="No", submit=True, **overrides):
    """Walk the survey following each redirect; returns the last response.

    Keyword arguments like q8="text" replace the typical answer to that question number.
    """
    answers = typical_answers(consultation, victim)
    for name, value in overrides.items():
        answers[int(name[1:])] = {"answer": value}
    url = f"/c/{consultation.slug}/q/1"
    while "/q/" in url:
        number = int(url.split("/q/")[1].split("?")[0])
        response = client.post(url, data=answers[number])
        assert response.status_code == 302, response.get_data(as_text=True)
        url = response.headers["Location"]
    assert url.endswith("/check")
    if not submit:
        return client.get(url)
    return client.post(url)
