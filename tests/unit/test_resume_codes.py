"""Resume codes for saved drafts: unambiguous characters, at least 60 bits, forgiving of how they are typed."""
import math

from consult.services.survey.saved import ALPHABET, GROUP_LENGTH, GROUPS, format_code, new_code, normalise_code


def test_codes_hold_at_least_60_bits_from_an_alphabet_without_look_alikes():
    assert GROUPS * GROUP_LENGTH * math.log2(len(set(ALPHABET))) >= 60
    assert not set("01ILO") & set(ALPHABET)
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(set(code) <= set(ALPHABET) for code in codes)


def test_codes_show_in_four_groups_and_are_read_back_whatever_the_case_and_spacing():
    code = "ABCDEFGHJKMNPQRS"
    assert format_code(code) == "ABCD-EFGH-JKMN-PQRS"
    assert normalise_code(" abcd efgh-jkmn\tpqrs ") == code
