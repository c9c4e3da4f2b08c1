"""A signed document is never lost (issues 17/18): signing keeps the exact signed bytes
sealed in the data folder, and `report ID OUT --copy-of N` (`followup letter … --copy-of N`)
writes them again byte for byte, checked against the record; a damaged or missing copy is
refused in one line with OUT untouched. Before, only the SHA-256 was recorded."""

import hashlib
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import report_io
from ctpat_desktop.services.demo import SAMPLES
from ctpat_desktop.services.demo_signed import demo_ca
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import keys
from ctpat_desktop.store.backups import make_backup
from ctpat_desktop.store.evidence import SEALED
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import approve
from tests.report.conftest import PASSPHRASE, identity  # noqa: F401  (fixture)
from tests.report.signed_validation import Cli, sign_validation


@pytest.fixture
def signed(
    cli: Cli,
    data_dir: Path,
    tmp_path: Path,
    identity: SigningIdentity,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, Path, bytes]:
    """A validation whose English report version 1 is signed: (ID, its PDF, its bytes)."""
    pdf = tmp_path / "v1-en.pdf"
    vid = sign_validation(cli, data_dir, pdf, identity, monkeypatch)
    return vid, pdf, pdf.read_bytes()


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _verified(cli: Cli, pdf: Path, ca: Path) -> bool:
    done = cli("verify", str(pdf), "--trust", str(ca), "--json")
    return done.code == 0 and done.json()["ok"] is True


def _kept_file(data_dir: Path, sha256: str) -> Path:
    return data_dir / "evidence" / sha256[:2] / sha256


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_a_lost_signed_report_is_written_again_byte_for_byte(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, pdf, content = signed
    kept = _kept_file(data_dir, _sha(content))
    assert kept.read_bytes().startswith(SEALED)  # sealed, like evidence: no plain copy
    assert content[:200] not in kept.read_bytes()
    pdf.unlink()  # the SCSS lost the file handed out

    copy = tmp_path / "again.pdf"
    done = cli("report", vid, str(copy), "--copy-of", "1", "--json")
    assert done.code == 0, done.err
    assert done.json() == {
        "version": 1,
        "sha256": _sha(content),
        "path": str(copy),
        "language": "en",
    }
    assert copy.read_bytes() == content
    assert _verified(cli, copy, identity.ca_certificate)
    assert not list(tmp_path.glob("*.part"))

    said = cli("report", vid, str(tmp_path / "said.pdf"), "--copy-of", "1")
    assert said.code == 0 and "Kept signed report version 1 (en)" in said.out
    assert _sha(content) in said.out

    (report,) = cli("validation", "show", vid, "--json").json()["reports"]
    assert report["kept"] is True and report["sha256"] == _sha(content)
    assert set(report) == {"version", "sha256", "signer", "signed_at", "file", "language", "kept"}


def test_each_version_is_kept_and_an_unknown_one_is_refused(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, _pdf, first = signed
    assert cli("validation", "reopen", vid, "--reason", "New evidence").code == 0
    approve(data_dir, vid)
    second = tmp_path / "v2.pdf"
    done = cli("report", vid, str(second), "--sign", "--p12", str(identity.pkcs12))
    assert done.code == 0, done.err
    for version, content in ((1, first), (2, second.read_bytes())):
        out = tmp_path / f"copy-{version}.pdf"
        assert cli("report", vid, str(out), "--copy-of", str(version)).code == 0
        assert out.read_bytes() == content
    out = tmp_path / "copy-3.pdf"
    missing = cli("report", vid, str(out), "--copy-of", "3")
    assert missing.code == 1 and not out.exists()
    assert "no signed report version 3 (signed: 1, 2)" in _one_line(missing.err)


def test_a_rendition_is_kept_and_given_back_in_its_language(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, _pdf, english = signed
    spanish_pdf = tmp_path / "v1-es.pdf"
    done = cli(
        "report",
        vid,
        str(spanish_pdf),
        "--lang",
        "es",
        "--rendition-of",
        "1",
        "--sign",
        "--p12",
        str(identity.pkcs12),
    )
    assert done.code == 0, done.err
    spanish = spanish_pdf.read_bytes()
    spanish_pdf.unlink()

    copy = tmp_path / "copia.pdf"
    done = cli("report", vid, str(copy), "--copy-of", "1", "--lang", "es", "--json")
    assert done.code == 0, done.err
    wanted = {"version": 1, "sha256": _sha(spanish), "path": str(copy), "language": "es"}
    assert done.json() == wanted
    assert copy.read_bytes() == spanish
    assert _verified(cli, copy, identity.ca_certificate)
    # Without --lang, the version as it was signed; with its own language, the same.
    for extra in ((), ("--lang", "en")):
        out = tmp_path / f"original{len(extra)}.pdf"
        assert cli("report", vid, str(out), "--copy-of", "1", *extra).code == 0
        assert out.read_bytes() == english
    refused = cli("report", vid, str(tmp_path / "fr.pdf"), "--copy-of", "1", "--lang", "fr")
    assert refused.code == 1 and not (tmp_path / "fr.pdf").exists()
    assert "was signed in en and has no signed rendition in fr" in _one_line(refused.err)
    (rendition,) = cli("validation", "show", vid, "--json").json()["renditions"]
    assert rendition["kept"] is True


def test_a_follow_up_letter_is_kept_and_given_back_by_its_number(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, _pdf, report = signed
    letter_pdf = tmp_path / "letter.pdf"
    done = cli("followup", "letter", vid, str(letter_pdf), "--sign", "--p12", str(identity.pkcs12))
    assert done.code == 0, done.err
    letter = letter_pdf.read_bytes()
    letter_pdf.unlink()

    (listed,) = cli("validation", "show", vid, "--json").json()["letters"]
    assert listed["number"] == 1 and listed["kept"] is True
    copy = tmp_path / "letter-again.pdf"
    done = cli("followup", "letter", vid, str(copy), "--copy-of", "1", "--json")
    assert done.code == 0, done.err
    assert done.json() == {
        "number": 1,
        "id": listed["id"],
        "report_version": 1,
        "letter_type": "status",
        "sha256": _sha(letter),
        "path": str(copy),
        "language": "en",
    }
    assert copy.read_bytes() == letter
    assert _verified(cli, copy, identity.ca_certificate)
    assert _sha(letter) != _sha(report)

    out = tmp_path / "second.pdf"
    refused = cli("followup", "letter", vid, str(out), "--copy-of", "2")
    assert refused.code == 1 and not out.exists()
    assert "no follow-up letter 2 (it has 1: 1 to 1)" in _one_line(refused.err)
    signing = cli("followup", "letter", vid, str(out), "--copy-of", "1", "--sign")
    assert signing.code == 1 and "give no signing options" in _one_line(signing.err)

    # By its ID's start too, which a letter arriving by sync cannot move as it moves numbers.
    by_id = cli("followup", "letter", vid, str(out), "--copy-of", listed["id"][:8], "--json")
    assert by_id.code == 0, by_id.err
    assert by_id.json()["number"] == 1 and out.read_bytes() == letter
    unknown = cli("followup", "letter", vid, str(tmp_path / "x.pdf"), "--copy-of", "zz")
    assert unknown.code == 1 and "no follow-up letter zz" in _one_line(unknown.err)


def test_a_damaged_kept_copy_is_refused_and_out_left_as_it_was(
    cli: Cli, signed: tuple[str, Path, bytes], tmp_path: Path, data_dir: Path
) -> None:
    vid, _pdf, content = signed
    kept = _kept_file(data_dir, _sha(content))
    damaged = bytearray(kept.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    kept.write_bytes(bytes(damaged))
    out = tmp_path / "out.pdf"
    out.write_bytes(b"what was there before")

    done = cli("report", vid, str(out), "--copy-of", "1", "--json")
    assert done.code == 1 and done.out == ""
    line = _one_line(done.err)
    assert "the kept copy of report version 1 is damaged" in line and str(out) in line
    assert out.read_bytes() == b"what was there before"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == ["out.pdf"]


def test_a_version_signed_before_copies_were_kept_is_refused_in_one_line(
    cli: Cli, signed: tuple[str, Path, bytes], tmp_path: Path, data_dir: Path
) -> None:
    """A record without its kept bytes: what every version signed before this release is."""
    vid, _pdf, content = signed
    _kept_file(data_dir, _sha(content)).unlink()
    out = tmp_path / "out.pdf"
    done = cli("report", vid, str(out), "--copy-of", "1")
    assert done.code == 1 and not out.exists()
    assert "no copy of report version 1 is kept in this data folder" in _one_line(done.err)
    (report,) = cli("validation", "show", vid, "--json").json()["reports"]
    assert report["kept"] is False


def test_copy_of_refuses_signing_options_and_an_unsigned_validation(
    cli: Cli, signed: tuple[str, Path, bytes], tmp_path: Path
) -> None:
    vid, _pdf, _content = signed
    out = tmp_path / "out.pdf"
    for extra in (("--sign",), ("--rendition-of", "1"), ("--p12", "x.p12"), ("--reason", "r")):
        done = cli("report", vid, str(out), "--copy-of", "1", *extra)
        assert done.code == 1 and "give no signing options" in _one_line(done.err)
    created = cli(
        "validation",
        "new",
        "--member",
        "Acme Imports",
        "--account",
        "US-1234",
        "--entity",
        "importer",
        "--json",
    ).json()
    unsigned = cli("report", created["id"], str(out), "--copy-of", "1")
    assert unsigned.code == 1 and "no report of this validation has been signed yet" in (
        _one_line(unsigned.err)
    )
    nowhere = cli("report", vid, str(tmp_path / "no" / "such" / "out.pdf"), "--copy-of", "1")
    assert nowhere.code == 1 and "cannot be written" in _one_line(nowhere.err)
    folder = tmp_path / "a folder"
    (folder / "inside").mkdir(parents=True)
    onto = cli("report", vid, str(folder), "--copy-of", "1")
    assert onto.code == 1 and "cannot be written" in _one_line(onto.err)
    assert [p.name for p in folder.iterdir()] == ["inside"]
    assert not list(tmp_path.glob("*.part"))
    assert not out.exists()


@pytest.mark.parametrize("command", ["report", "letter"])
def test_when_keeping_fails_nothing_is_recorded_and_out_is_removed(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,  # noqa: F811
    command: str,
) -> None:
    vid, _pdf, _content = signed
    if command == "report":
        assert cli("validation", "reopen", vid, "--reason", "New evidence").code == 0
        approve(data_dir, vid)
    store = data_dir / "evidence"
    if store.exists():  # (the signed version 1 is kept there)
        store.rename(tmp_path / "evidence-aside")
    store.write_bytes(b"not a folder")  # the content store cannot be written
    before = cli("validation", "show", vid, "--json").json()
    out = tmp_path / "signed.pdf"
    args = ("report", vid) if command == "report" else ("followup", "letter", vid)
    done = cli(*args, str(out), "--sign", "--p12", str(identity.pkcs12))
    assert done.code == 1, done.err
    assert "could not be kept" in _one_line(done.err) and "nothing was recorded" in done.err
    assert not out.exists()
    after = cli("validation", "show", vid, "--json").json()
    assert after["reports"] == before["reports"] and after["letters"] == before["letters"]
    assert after["validation"]["status"] == before["validation"]["status"]


def test_when_recording_fails_the_kept_copy_goes_too(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, _pdf, _content = signed
    assert cli("validation", "reopen", vid, "--reason", "New evidence").code == 0
    approve(data_dir, vid)
    stored = sorted(p for p in (data_dir / "evidence").rglob("*") if p.is_file())
    target = tmp_path / "v2.pdf"
    ctx = AppContext(data_dir, Settings(user="tester"))

    def secret() -> str:
        # Meanwhile, in another window, the validation is sent back for changes: the
        # report is signed, then refused when it is recorded.
        ctx.store.set_status(vid, Lifecycle.IN_PROGRESS, "Sam Supervisor")
        return PASSPHRASE

    try:
        with pytest.raises(RuleError, match="a supervisor must approve"):
            report_io.issue_report(ctx, vid, target, Pkcs12Key(identity.pkcs12), secret)
    finally:
        ctx.close()
    assert not target.exists()
    assert sorted(p for p in (data_dir / "evidence").rglob("*") if p.is_file()) == stored
    assert [r["version"] for r in cli("validation", "show", vid, "--json").json()["reports"]] == [1]

    # Approved again, version 2 is signed and kept: the one kept file more is its own.
    approve(data_dir, vid)
    done = cli("report", vid, str(target), "--sign", "--p12", str(identity.pkcs12))
    assert done.code == 0, done.err
    now = sorted(p for p in (data_dir / "evidence").rglob("*") if p.is_file())
    assert [p.name for p in now if p not in stored] == [_sha(target.read_bytes())]
    copy = tmp_path / "v2-again.pdf"
    assert cli("report", vid, str(copy), "--copy-of", "2").code == 0
    assert copy.read_bytes() == target.read_bytes()


def test_a_kept_report_survives_rekey_and_backup_restore(
    cli: Cli,
    signed: tuple[str, Path, bytes],
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,  # noqa: F811
) -> None:
    vid, _pdf, content = signed
    assert cli("rekey", "--keyring").code == 0
    copy = tmp_path / "after-rekey.pdf"
    done = cli("report", vid, str(copy), "--copy-of", "1")
    assert done.code == 0, done.err
    assert copy.read_bytes() == content

    later = datetime.now(UTC) + timedelta(days=2)  # the newest backup, after signing
    backup = make_backup(data_dir, keys.load_key(data_dir, None), now=later)
    assert cli("validation", "reopen", vid, "--reason", "Wrong date").code == 0
    restored = cli("backup", "restore", backup.name, "--json")
    assert restored.code == 0, restored.err
    assert restored.json()["missing_evidence"] == []
    shown = cli("validation", "show", vid, "--json").json()
    assert shown["validation"]["status"] == Lifecycle.SIGNED.value
    assert shown["reports"][0]["kept"] is True
    copy = tmp_path / "after-restore.pdf"
    assert cli("report", vid, str(copy), "--copy-of", "1").code == 0
    assert copy.read_bytes() == content
    assert _verified(cli, copy, identity.ca_certificate)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test alone (where private folders go)."""
    folder = tmp_path / "tmp"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_demo_signed_report_can_be_written_out(
    cli: Cli, data_dir: Path, tmp_path: Path, temp_dir: Path
) -> None:
    """The demo kept its signed report before; now it can be had, and it verifies."""
    assert cli("demo", "--json").code == 0
    signed = next(s for s in SAMPLES if s.status is Lifecycle.SIGNED)
    listed = cli("validation", "list", "--json").json()["validations"]
    vid = next(v["id"] for v in listed if v["status"] == "signed")
    (report,) = cli("validation", "show", vid, "--json").json()["reports"]
    assert report["kept"] is True and report["signer"] == signed.scss
    out = tmp_path / "demo-report.pdf"
    done = cli("report", vid, str(out), "--copy-of", "1", "--json")
    assert done.code == 0, done.err
    assert _sha(out.read_bytes()) == report["sha256"] == done.json()["sha256"]
    assert _verified(cli, out, demo_ca(data_dir))
