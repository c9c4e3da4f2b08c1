"""How guessable a new passphrase is: a length floor, a common-password list, an entropy floor.

The list (resources/passwords/common.txt) holds the 5,000 passwords people choose most; the
entropy estimate counts what a guesser must try character by character, charging little
for a character that repeats the one before it or continues a keyboard or alphabet run.
"""

import math
import re
from functools import cache

from ctpat_desktop.paths import resources_dir

MIN_LENGTH = 12
MIN_BITS = 50
# A common password with at most this many characters around it is still a common password.
MAX_ADDED = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")
_LEET = str.maketrans("0134578@$!", "oieastbasi")
_RUNS = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)
# Characters a guesser tries for each class present, and for anything else (accents, ñ...).
_POOLS = ((str.islower, 26), (str.isupper, 26), (str.isdigit, 10))
_PUNCTUATION, _OTHER = 33, 100


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of the most common passwords, lower case."""
    path = resources_dir() / "passwords" / "common.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def weakness(passphrase: str) -> str:
    """Why a new passphrase is too easy to guess ("" when it is not)."""
    if len(passphrase) < MIN_LENGTH:
        return f"shorter than {MIN_LENGTH} characters"
    folded = passphrase.casefold()
    compact = _SEPARATORS.sub("", folded)
    common = common_passwords()
    if folded in common or compact in common or compact.translate(_LEET) in common:
        return "it is one of the most common passwords"
    if _common_at_heart(compact, common):
        return "it is a common password with a few characters added"
    if compact.isdigit():
        return "digits only"
    if len(set(folded)) < 5:
        return "too few different characters"
    if _repeats(compact):
        return "one short piece repeated"
    bits = estimated_bits(passphrase)
    if bits < MIN_BITS:
        return f"about {bits} bits to guess, at least {MIN_BITS} are needed"
    return ""


def _common_at_heart(compact: str, common: frozenset[str]) -> bool:
    core = compact.strip("0123456789!@#$%^&*()+=?~`'\",;:<>/\\|[]{}")
    if len(compact) - len(core) > MAX_ADDED or len(core) < 4:
        return False
    return core in common or core.translate(_LEET) in common


def _repeats(text: str) -> bool:
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


def estimated_bits(passphrase: str) -> int:
    """Bits of guesswork: log2 of the character pool for each character a guesser cannot
    predict, one bit for a character that repeats or continues a run."""
    pool = sum(size for test, size in _POOLS if any(test(c) and c.isascii() for c in passphrase))
    if any(not c.isalnum() and c.isascii() for c in passphrase):
        pool += _PUNCTUATION
    if any(not c.isascii() for c in passphrase):
        pool += _OTHER
    per_character = math.log2(max(pool, 2))
    folded = passphrase.casefold()
    bits = 0.0
    for index, char in enumerate(folded):
        previous = folded[index - 1] if index else ""
        bits += 1.0 if previous and _follows(previous, char) else per_character
    return int(bits)


def _follows(previous: str, char: str) -> bool:
    if previous == char:
        return True
    pair, reverse = previous + char, char + previous
    return any(pair in run or reverse in run for run in _RUNS)
