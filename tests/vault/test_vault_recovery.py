"""Recovery codes: Damm check digits catch every typo a person makes when
copying digits from paper, and report it by group."""
import pytest

from prep_app.vault import RecoveryCodeTypoError, format_recovery_code, parse_recovery_code
from prep_app.vault.recovery import DIGITS, damm, generate


def test_damm_known_value():
    assert damm("572") == 4 and damm("5724") == 0          # Damm's own worked example


def test_every_group_catches_every_single_digit_error_and_neighbour_swap():
    for n in range(1000):
        body = f"{n:03d}"
        group = body + str(damm(body))
        assert damm(group) == 0
        for pos in range(4):
            for d in "0123456789":
                if d != group[pos]:
                    assert damm(group[:pos] + d + group[pos + 1:]) != 0
        for pos in range(3):
            if group[pos] != group[pos + 1]:
                swapped = group[:pos] + group[pos + 1] + group[pos] + group[pos + 2:]
                assert damm(swapped) != 0


def test_generated_codes_have_80_bits_and_print_in_8_groups():
    codes = {generate() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == DIGITS == 32 and code.isdigit()
        printed = format_recovery_code(code)
        assert len(printed.split("-")) == 8 and all(len(g) == 4 for g in printed.split("-"))
        assert parse_recovery_code(printed) == code
    # 24 random digits: every body digit position takes every value across many codes
    for pos in (0, 1, 2, 29, 30):
        assert {c[pos] for c in codes} == set("0123456789")


def test_typed_forms_are_accepted():
    code = generate()
    printed = format_recovery_code(code)
    for typed in (printed, printed.replace("-", " "), code, f" {printed} ",
                  printed.replace("-", " - "), printed.replace("-", "\u2013"),
                  code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))):
        assert parse_recovery_code(typed) == code


def test_typos_name_the_groups():
    code = generate()
    wrong = list(code)
    wrong[9] = str((int(wrong[9]) + 1) % 10)            # group 3
    wrong[30] = str((int(wrong[30]) + 5) % 10)          # group 8
    with pytest.raises(RecoveryCodeTypoError) as err:
        parse_recovery_code("".join(wrong))
    assert err.value.groups == (3, 8) and err.value.exit_code == 2
    assert str(err.value) == "Groups 3, 8 of the recovery code have typos."


@pytest.mark.parametrize("typed, fragment", [("1234", "32 digits; 4 were typed"),
                                             ("", "32 digits; 0 were typed"),
                                             ("1234-abcd", "\"a\" is not one of them")])
def test_wrong_shape_is_a_typo_not_a_wrong_code(typed, fragment):
    with pytest.raises(RecoveryCodeTypoError) as err:
        parse_recovery_code(typed)
    assert fragment in str(err.value) and err.value.group is None
