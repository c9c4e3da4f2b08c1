"""Passphrase strength: the shipped common-password list, the length and entropy floors."""

import pytest

from ctpat_desktop.store import strength


def test_the_shipped_list_is_read_whole() -> None:
    common = strength.common_passwords()
    assert len(common) == 5000
    assert {"password", "12345678", "iloveyou", "trustno1"} <= common
    assert not any(word.startswith("#") or word != word.lower() for word in common)


def test_every_long_enough_entry_of_the_list_is_refused_as_common() -> None:
    long_ones = sorted(w for w in strength.common_passwords() if len(w) >= strength.MIN_LENGTH)
    assert long_ones
    for word in long_ones:
        assert "common" in strength.weakness(word), word
        assert "common" in strength.weakness(word.upper()), word


@pytest.mark.parametrize(
    "passphrase",
    [
        "dock seven blue lantern",
        "Kx9#mPq2vL!e",
        "contraseña del puerto",
        "correct horse battery",
    ],
)
def test_passphrases_hard_to_guess_are_accepted(passphrase: str) -> None:
    assert strength.weakness(passphrase) == ""
    assert strength.estimated_bits(passphrase) >= strength.MIN_BITS


def test_runs_and_repeats_cost_a_guesser_little() -> None:
    assert strength.estimated_bits("abcdefghijkl") < 20
    assert strength.estimated_bits("aaaaaaaaaaaa") < 20
    assert strength.estimated_bits("mtqzwkrdhvgp") > 50
