"""The signer check: a report is signed only with a certificate naming the validation's SCSS."""

import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.signer_check import (
    CertificateSubject,
    check_signer,
    signing_subject,
    subject_of,
)
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import approval
from ctpat_desktop.services.report_io import issue_report
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.settings import Settings, load_settings
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import approve
from tests.report.conftest import PASSPHRASE

OKAFOR = "Daniel Okafor"


def _flat(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = done.stdout
    return re.sub(r"\s+", " ", text)


def _approved(ctx: AppContext, scss: str) -> str:
    validation = plan_validation(
        ctx, member="Great Lakes Home Goods Inc.", account="US-22871", entity="importer", scss=scss
    )
    approve(ctx, validation.id)
    return validation.id


def test_the_cn_must_be_the_scss_without_regard_to_case_or_accents() -> None:
    check_signer("Laura Méndez", CertificateSubject("LAURA MENDEZ"), {})
    check_signer("  laura  méndez ", CertificateSubject("Laura Méndez"), {})
    with pytest.raises(RuleError) as refused:
        check_signer(OKAFOR, CertificateSubject("Test SCSS"), {})
    message = str(refused.value)
    assert "'Test SCSS'" in message and f"'{OKAFOR}'" in message and "\n" not in message
    assert refused.value.code == "signer-not-scss"


def test_a_mapping_names_the_certificate_by_cn_or_e_mail() -> None:
    piv = CertificateSubject("OKAFOR.DANIEL.1234567890", ("daniel.okafor@cbp.example",))
    with pytest.raises(RuleError, match="not to the validation's SCSS"):
        check_signer(OKAFOR, piv, {})
    check_signer(OKAFOR, piv, {"daniel okafor": "okafor.daniel.1234567890"})
    check_signer(OKAFOR, piv, {"Daniel Okafor": "Daniel.Okafor@CBP.example"})
    # A mapping is a promise about one certificate: another one is refused, naming both.
    with pytest.raises(RuleError) as refused:
        check_signer(OKAFOR, CertificateSubject(OKAFOR), {OKAFOR: "daniel.okafor@cbp.example"})
    assert "signs as 'daniel.okafor@cbp.example'" in str(refused.value)
    assert f"issued to '{OKAFOR}'" in str(refused.value)


def test_a_validation_without_an_scss_signs_nothing() -> None:
    with pytest.raises(RuleError, match="names no Supply Chain Security Specialist"):
        check_signer(" ", CertificateSubject("Laura Méndez"), {})


def test_subject_names_come_from_the_subject_and_its_alternative_names(tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "OKAFOR.DANIEL.1234567890"),
            x509.NameAttribute(NameOID.EMAIL_ADDRESS, "dokafor@cbp.example"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name("daniel.okafor@cbp.example")]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    subject = subject_of(certificate)
    assert subject == CertificateSubject(
        "OKAFOR.DANIEL.1234567890", ("dokafor@cbp.example", "daniel.okafor@cbp.example")
    )
    assert subject.describe() == "OKAFOR.DANIEL.1234567890 <dokafor@cbp.example>"


def test_a_key_file_s_subject_is_read_with_its_passphrase(
    identity: SigningIdentity, tmp_path: Path
) -> None:
    assert signing_subject(Pkcs12Key(identity.pkcs12), lambda: PASSPHRASE).name == "Laura Méndez"
    with pytest.raises(CtpatError, match="wrong passphrase"):
        signing_subject(Pkcs12Key(identity.pkcs12), lambda: "wrong")
    with pytest.raises(CtpatError, match="needs its passphrase"):
        signing_subject(Pkcs12Key(identity.pkcs12), lambda: None)
    with pytest.raises(CtpatError, match="cannot be read"):
        signing_subject(Pkcs12Key(tmp_path / "missing.p12"), lambda: PASSPHRASE)


def test_signing_with_another_person_s_certificate_is_refused_and_changes_nothing(
    ctx: AppContext, identity: SigningIdentity, tmp_path: Path
) -> None:
    """Before, the test certificate signed a report whose SCSS was someone else: "Digitally
    signed by Test SCSS" above "I conducted this validation … Daniel Okafor"."""
    validation_id = _approved(ctx, OKAFOR)
    target = tmp_path / "report.pdf"
    with pytest.raises(RuleError) as refused:
        issue_report(ctx, validation_id, target, Pkcs12Key(identity.pkcs12), lambda: PASSPHRASE)
    assert "'Laura Méndez', not to the validation's SCSS 'Daniel Okafor'" in str(refused.value)
    assert list(tmp_path.iterdir()) == [ctx.data_dir]  # no report, no half-built draft
    assert ctx.store.validation(validation_id).status is Lifecycle.APPROVED
    assert ctx.store.reports(validation_id) == []


def test_a_mapped_certificate_signs_and_the_report_names_signer_and_approval(
    data_dir: Path, identity: SigningIdentity, tmp_path: Path
) -> None:
    ctx = AppContext(data_dir, Settings(user="tester", signers={OKAFOR: "Laura Méndez"}))
    try:
        validation_id = _approved(ctx, OKAFOR)
        asked: list[str] = []

        def secret() -> str:
            asked.append("passphrase")
            return PASSPHRASE

        key = Pkcs12Key(identity.pkcs12)
        built = issue_report(ctx, validation_id, tmp_path / "r.pdf", key, secret)
        approved = approval.recorded_approval(ctx, validation_id)
    finally:
        ctx.close()
    assert asked == ["passphrase"]  # read for the check and for signing: asked once
    assert built.record is not None and built.record.signer == "Laura Méndez"
    assert approved is not None and approved.by == "Sam Supervisor"
    day = datetime.datetime.fromisoformat(approved.at).date()
    flat = _flat(built.path)
    assert f"{OKAFOR} Supply Chain Security Specialist" in flat
    assert "Signed with the certificate of Laura Méndez." in flat
    month = day.strftime("%B")
    assert f"Approved by Sam Supervisor, supervisor, on {month} {day.day}, {day.year}." in flat


def test_the_approval_printed_is_the_one_the_status_rests_on(ctx: AppContext) -> None:
    validation_id = _approved(ctx, OKAFOR)
    first = approval.recorded_approval(ctx, validation_id)
    assert first is not None and first.by == "Sam Supervisor"
    ctx.store.set_status(validation_id, Lifecycle.IN_PROGRESS, "Sam Supervisor")
    assert approval.recorded_approval(ctx, validation_id) is None  # returned: no approval
    ctx.store.set_status(validation_id, Lifecycle.APPROVED, "Ana Jefa")
    again = approval.recorded_approval(ctx, validation_id)
    assert again is not None and again.by == "Ana Jefa"


def test_the_signer_table_and_the_report_settings_are_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "signers": {" Daniel Okafor ": "OKAFOR.DANIEL.1234567890"},
                "contacts": {"Laredo": "laredo@cbp.example"},
                "sensitivity_marking": "CUI",
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.signers == {OKAFOR: "OKAFOR.DANIEL.1234567890"}
    assert settings.contacts == {"Laredo": "laredo@cbp.example"}
    assert settings.sensitivity_marking == "CUI"
    for bad, said in (
        ({"signers": ["Daniel Okafor"]}, "signers must map names to non-empty texts"),
        ({"signers": {OKAFOR: ""}}, "signers must map names to non-empty texts"),
        ({"contacts": {"Laredo": 5}}, "contacts must map names to non-empty texts"),
        ({"sensitivity_marking": "two\nlines"}, "sensitivity_marking must be one line"),
    ):
        (tmp_path / "settings.json").write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(CtpatError, match=said):
            load_settings(tmp_path)


def test_the_sign_dialog_says_so_before_the_file_is_asked_for(
    ctx: AppContext, identity: SigningIdentity, qtbot: QtBot
) -> None:
    from ctpat_desktop.services.report_io import check_signer as check_key
    from ctpat_desktop.ui.sign_dialog import SignDialog

    validation_id = _approved(ctx, OKAFOR)
    dialog = SignDialog(
        check=lambda key, secret: check_key(ctx, validation_id, key, lambda: secret)
    )
    qtbot.addWidget(dialog)
    dialog.file.setText(str(identity.pkcs12))
    dialog.secret.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() != SignDialog.DialogCode.Accepted
    assert dialog.problem.isVisibleTo(dialog)
    assert "Laura Méndez" in dialog.problem.text() and OKAFOR in dialog.problem.text()

    matching = _approved(ctx, "Laura Mendez")
    dialog = SignDialog(check=lambda key, secret: check_key(ctx, matching, key, lambda: secret))
    qtbot.addWidget(dialog)
    dialog.file.setText(str(identity.pkcs12))
    dialog.secret.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.result() == SignDialog.DialogCode.Accepted
