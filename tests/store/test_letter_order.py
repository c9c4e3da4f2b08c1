"""Follow-up letters read back in the order they were signed, even two in one second
(the signature's time has whole seconds; a status letter and a closure letter signed by
a script one after the other share it)."""

from datetime import date

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.store.issued import append_letter, letters
from ctpat_desktop.sync.letter_rules import Letter, LetterType

SECOND = "2026-12-05T10:00:00Z"


def _letter(letter_id: str, validation_id: str, kind: LetterType, open_actions: int) -> Letter:
    return Letter(
        id=letter_id,
        validation_id=validation_id,
        report_version=1,
        report_sha256="a" * 64,
        language="en",
        letter_type=kind,
        open_actions=open_actions,
        sha256=letter_id[0] * 64,
        signer="Test SCSS",
        signed_at=SECOND,
        file_name=f"{kind.value}.pdf",
    )


def test_two_letters_signed_in_one_second_keep_their_order(ctx: AppContext) -> None:
    vid = plan_validation(
        ctx, member="Acme Imports", account="A-1", entity="importer", on=date(2026, 3, 10)
    ).id
    # the later letter's ID sorts first, as a random UUID does half of the time
    first = _letter("ffffffff-0000-4000-8000-000000000001", vid, LetterType.STATUS, 1)
    then = _letter("00000000-0000-4000-8000-000000000002", vid, LetterType.CLOSURE, 0)
    with ctx.store.transaction() as conn:
        append_letter(conn, first, "tester", SECOND)
    with ctx.store.transaction() as conn:
        append_letter(conn, then, "tester", SECOND)
    with ctx.store.transaction() as conn:
        read = letters(conn, vid)
    assert [(letter.letter_type, letter.open_actions) for letter in read] == [
        (LetterType.STATUS, 1),
        (LetterType.CLOSURE, 0),
    ]
