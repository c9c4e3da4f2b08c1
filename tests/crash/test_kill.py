"""Kill a writing process at random moments; nothing it reported as saved may be lost.

``make test`` runs a short series (CTPAT_CRASH_KILLS, default 25); ``make crash`` a long
one. CTPAT_CRASH_SEED repeats a series' kill schedule and values (not its exact timing).
"""

import os
import random
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from tests.crash.harness import WRITER_ENV, run_kills

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and select() on pipes")


def test_killed_writer_loses_no_reported_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kills = int(os.environ.get("CTPAT_CRASH_KILLS", "25"))
    seed = int(os.environ.get("CTPAT_CRASH_SEED", random.randrange(2**32)))
    # The checks open the data folder as the writer does: passphrase, no keyring.
    for name, value in WRITER_ENV.items():
        monkeypatch.setenv(name, value)
    keyring.set_keyring(NoKeyring())

    tally = run_kills(tmp_path / "data", kills, seed)

    print(tally.summary())
    assert tally.tried == tally.survived == kills
    assert tally.saves_reported > 0
