"""The demo's signed validation: taken through review, a supervisor's approval and a real
PAdES signature, then given follow-up records (a required action closed, one extended).

The signing identity is made for this one signature in a private temporary folder, its key
sealed with a random passphrase held only in memory, and removed with the folder once the
report is signed: no key is left anywhere. The signed report is kept sealed (AES-GCM, like
evidence) in the data folder's content store under the SHA-256 its report record names;
the demo CA's certificate, which a `verify --trust` needs, is kept beside the database
(a certificate: nothing secret). Every step goes through the services the CLI uses.
"""

import secrets
from pathlib import Path

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import followup, report_io
from ctpat_desktop.services.approval import submit_for_review
from ctpat_desktop.sync.followup_rules import Event
from ctpat_desktop.worksheet.rules import Outcome

# The approval is recorded under this name: the demo has no hub to vouch for a supervisor.
DEMO_SUPERVISOR = "Demo Supervisor (sample data)"
DEMO_CA_FILE = "demo-ca.pem"  # in the data folder: trust it to verify the demo's report
EXTENSION_DAYS = 60
_CERTIFICATE_DAYS = 3650  # the demo report verifies for years, not only this week


def demo_ca(data_dir: Path) -> Path:
    """The CA certificate that issued the demo's signing certificate."""
    return data_dir / DEMO_CA_FILE


def can_sign_here(ctx: AppContext) -> bool:
    """Whether the demo may sign: not on a laptop that syncs with a hub, where a signature
    rests on an approval the hub recorded, which the demo's cannot be."""
    from ctpat_desktop.sync.local import LocalSync

    return not LocalSync(ctx.store).state("server")


def review_sample(ctx: AppContext, validation_id: str, *, approve: bool) -> None:
    """Submit a sample validation for review and, with approve, approve it as the demo
    supervisor: the report then names who approved it (before, an approved sample was
    seeded as approved by whoever ran the demo, and its report said so)."""
    submit_for_review(ctx, validation_id)
    if approve:
        ctx.store.move(
            validation_id,
            "approve",
            DEMO_SUPERVISOR,
            details={"note": "Sample data: approved by the demo, not by a real supervisor."},
        )


def sign_sample(ctx: AppContext, validation_id: str) -> None:
    """Submit, approve (as the demo supervisor) and sign a sample validation, then record
    its follow-up."""
    review_sample(ctx, validation_id, approve=True)
    _sign(ctx, validation_id)
    _follow_up(ctx, validation_id)


def _signer_name(ctx: AppContext, scss: str) -> str:
    """The name the certificate must carry for the SCSS (the settings' signers, else theirs)."""
    from ctpat_desktop.report.signer_check import folded

    mapped = (v for k, v in ctx.settings.signers.items() if folded(k) == folded(scss))
    return next(mapped, scss)


def _sign(ctx: AppContext, validation_id: str) -> None:
    from ctpat_desktop.report.certificates import create_test_identity
    from ctpat_desktop.report.signing import Pkcs12Key
    from ctpat_desktop.scratch import PrivateFolder

    validation = ctx.store.validation(validation_id)
    passphrase = secrets.token_urlsafe(24)
    with PrivateFolder("draft") as folder:
        identity = create_test_identity(
            folder / "identity",
            _signer_name(ctx, validation.scss),
            passphrase,
            days=_CERTIFICATE_DAYS,
        )
        target = folder / f"validation-report-{validation.member.account}-v1-en.pdf"
        built = report_io.issue_report(
            ctx, validation_id, target, Pkcs12Key(identity.pkcs12), lambda: passphrase
        )
        assert built.record is not None  # issued: signed, recorded and kept
        ca = demo_ca(ctx.data_dir)
        ca.touch(mode=0o600)
        ca.write_bytes(identity.ca_certificate.read_bytes())


def _follow_up(ctx: AppContext, validation_id: str) -> None:
    """The member answers two required actions: one implemented, accepted and closed; one
    not yet, given 60 more days. The others stay open, awaiting the member."""
    log = followup.follow_up_log(ctx, validation_id)
    required = [i for i in log.items if i.outcome is Outcome.REQUIRED_ACTION]
    done, late = required[0], required[1]
    title = late.title.lower()
    followup.append_records(
        ctx,
        validation_id,
        {
            done.criterion: [
                followup.Wanted(
                    Event.RESPONSE,
                    note=f"Implemented: {done.title.lower()}. The written procedure and the "
                    "training records are attached to our response.",
                    implemented=True,
                ),
                followup.Wanted(
                    Event.DECISION,
                    note="Procedure and training records reviewed: they meet the criterion.",
                    accepted=True,
                ),
                followup.Wanted(Event.CLOSURE, note="Verified from the documents sent."),
            ],
            late.criterion: [
                followup.Wanted(
                    Event.RESPONSE,
                    note=f"Not yet implemented: {title}. The work is scheduled and under way.",
                    implemented=False,
                ),
                followup.Wanted(
                    Event.EXTENSION,
                    note="The member is replacing the system involved; the new one is on order.",
                    days=EXTENSION_DAYS,
                ),
            ],
        },
    )
