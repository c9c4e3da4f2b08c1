"""The workspace side panels: evidence, live session and follow-up, against a real store."""

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.evidence import set_caption
from ctpat_desktop.services.validations import (
    ValidationSession,
    plan_validation,
    update_validation,
)
from ctpat_desktop.sync.protocol import MAX_BLOB_BYTES
from ctpat_desktop.ui.panels import session_panel
from ctpat_desktop.ui.panels.evidence_panel import (
    EvidenceListModel,
    EvidencePanel,
    grouped_sha256,
    png_bytes,
)
from ctpat_desktop.ui.panels.followup_panel import ExtendDueDialog, FollowUpPanel
from ctpat_desktop.ui.panels.session_panel import SessionPanel
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from ctpat_desktop.worksheet import Lifecycle
from ctpat_desktop.worksheet.agenda import plan_agenda
from ctpat_desktop.worksheet.followup import FollowUpItem
from ctpat_desktop.worksheet.rules import Outcome

ON = date(2026, 5, 18)
WEBEX = "https://cbp.webex.com/meet/x"


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Acme Imports LLC",
        account="US-12345",
        entity="importer",
        on=ON,
        webex_url=WEBEX,
        participants=("Ana Ruiz",),
        planned_minutes=240,
    )
    opened = ValidationSession(ctx, validation.id)
    opened.record_finding(
        "1.3",
        status="not-met",
        reasons=["no-written-procedure"],
        action="Write the security program down and review it yearly.",
    )
    opened.record_finding(
        "2.1", status="not-met", reasons=["no-evidence"], action="Send the risk assessment."
    )
    opened.record_finding(
        "1.1", status="not-met", reasons=["training-gap"], action="Publish a statement."
    )
    opened.record_finding("1.4", status="exceeds", note="A trained deputy covers the contact.")
    opened.record_finding("1.2", status="met")
    return opened


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Warnings the panels show, instead of modal boxes."""
    shown: list[str] = []

    def warn(_parent: Any, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def _picture(width: int = 64, height: int = 40) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(8, 8, 20, 12, QColor("darkblue"))
    painter.end()
    return image


# Evidence -----------------------------------------------------------------------------


@pytest.fixture
def evidence(ctx: AppContext, session: ValidationSession, qtbot: QtBot) -> EvidencePanel:
    panel = EvidencePanel(ctx, ImmediateRunner(), session)
    qtbot.addWidget(panel)
    panel.set_criterion("1.3")
    return panel


def test_paste_a_screenshot_from_the_clipboard(
    evidence: EvidencePanel, session: ValidationSession, ctx: AppContext
) -> None:
    picture = _picture()
    QGuiApplication.clipboard().setImage(picture)
    expected = hashlib.sha256(png_bytes(QGuiApplication.clipboard().image())).hexdigest()

    evidence.paste_action.trigger()

    [record] = session.evidence()
    assert record.criterion == "1.3"
    assert record.sha256 == expected
    assert record.filename.startswith("screenshot-") and record.media_type == "image/png"
    stored = ctx.store.blobs.read_bytes(record.sha256)
    assert hashlib.sha256(stored).hexdigest() == expected
    sealed = ctx.store.blobs.path_of(record.sha256).read_bytes()
    assert sealed[:8] == b"CTPATEV1" and stored not in sealed  # encrypted on disk
    assert QImage.fromData(stored).pixelColor(10, 10) == QColor("darkblue")
    assert evidence.selected() == record
    assert grouped_sha256(record.sha256) == evidence.hash_label.text()
    assert evidence.model.missing_thumbnails() == []
    assert "Attached" in evidence.status.text()


def test_paste_and_thumbnail_through_the_background_runner(
    ctx: AppContext, session: ValidationSession, qtbot: QtBot
) -> None:
    runner = TaskRunner()
    panel = EvidencePanel(ctx, runner, session)
    qtbot.addWidget(panel)
    QGuiApplication.clipboard().setImage(_picture(400, 300))
    panel.paste_from_clipboard()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.missing_thumbnails())
    runner.wait()
    assert [r.criterion for r in session.evidence()] == [None]


def test_paste_files_copied_to_the_clipboard(
    evidence: EvidencePanel, session: ValidationSession, tmp_path: Path
) -> None:
    report = tmp_path / "camera-log.pdf"
    report.write_bytes(b"%PDF-1.4 camera log")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    QGuiApplication.clipboard().setMimeData(mime)
    evidence.paste_from_clipboard()
    [record] = session.evidence()
    assert (record.filename, record.media_type) == ("camera-log.pdf", "application/pdf")


def test_paste_with_nothing_useful_says_how_to_copy_a_screenshot(
    evidence: EvidencePanel, session: ValidationSession, messages: list[str]
) -> None:
    QGuiApplication.clipboard().setText("just words")
    evidence.paste_from_clipboard()
    assert session.evidence() == []
    assert len(messages) == 1 and "Win+Shift+S" in messages[0]


def test_attach_a_file_through_the_dialog(
    evidence: EvidencePanel,
    session: ValidationSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy = tmp_path / "security-policy.txt"
    policy.write_text("Seals are checked by two people.\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(policy)], ""))
    evidence.attach_action.trigger()
    [record] = session.evidence()
    assert record.filename == "security-policy.txt" and record.criterion == "1.3"
    assert record.sha256 == hashlib.sha256(policy.read_bytes()).hexdigest()
    assert evidence.model.rowCount() == 1


def test_dropped_files_are_attached(
    evidence: EvidencePanel, session: ValidationSession, tmp_path: Path
) -> None:
    photo = tmp_path / "gate.png"
    _picture().save(str(photo))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(evidence, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(evidence, drop)
    [record] = session.evidence()
    assert record.filename == "gate.png"
    assert evidence.model.missing_thumbnails() == []


def test_a_drop_with_a_folder_attaches_nothing_and_says_so_once(
    evidence: EvidencePanel, session: ValidationSession, tmp_path: Path, messages: list[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(tmp_path))])
    evidence.dropEvent(
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert session.evidence() == []
    assert messages == [
        f"Cannot attach evidence: {tmp_path}: is a folder, not a file\n\nNothing was attached."
    ]


def test_a_failure_midway_leaves_nothing_attached(
    evidence: EvidencePanel,
    session: ValidationSession,
    tmp_path: Path,
    messages: list[str],
) -> None:
    kept, first, too_big = tmp_path / "kept.txt", tmp_path / "a.txt", tmp_path / "big.bin"
    kept.write_text("attached before")
    first.write_text("a")
    with too_big.open("wb") as handle:  # sparse: more than the hub takes, no disk used
        handle.truncate(MAX_BLOB_BYTES + 1)
    evidence.attach_files([kept])
    [before] = session.evidence()
    copy = tmp_path / "kept-again.txt"
    copy.write_text("attached before")
    evidence.attach_files([copy, first, too_big])
    assert session.evidence() == [before]  # the one there before is not taken away
    assert evidence.model.rowCount() == 1
    assert len(messages) == 1 and "big.bin has" in messages[0]
    assert "Nothing was attached" in messages[0]


def test_remove_asks_first(
    evidence: EvidencePanel, session: ValidationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence.attach_image(_picture(), "whiteboard.png")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answers.pop(0))
    evidence.select_id(session.evidence()[0].id)
    evidence.remove_action.trigger()
    assert len(session.evidence()) == 1
    evidence.remove_action.trigger()
    assert session.evidence() == []
    assert evidence.model.rowCount() == 0 and evidence.empty_hint.isVisibleTo(evidence)
    assert not evidence.remove_action.isEnabled()


def test_current_criterion_first_or_only(
    evidence: EvidencePanel, session: ValidationSession
) -> None:
    evidence.attach_image(_picture(), "one-three.png")
    evidence.set_criterion("2.1")
    evidence.attach_image(_picture(30, 30), "two-one.png")
    evidence.set_criterion(None)
    evidence.attach_image(_picture(20, 20), "whole.png")
    names = [r.filename for r in session.evidence()]
    assert sorted(names) == ["one-three.png", "two-one.png", "whole.png"]

    def shown() -> list[str]:
        proxy = evidence.proxy
        return [
            proxy.index(r, 0).data(EvidenceListModel.FileNameRole) for r in range(proxy.rowCount())
        ]

    evidence.set_criterion("1.3")
    assert shown()[0] == "one-three.png"
    evidence.set_criterion("2.1")
    assert shown()[0] == "two-one.png"
    evidence.only_current.setChecked(True)
    assert shown() == ["two-one.png"]
    evidence.set_criterion(None)
    assert shown() == ["whole.png"]
    assert "whole validation" in evidence.target.text()


def test_evidence_model_passes_qt_model_tester(
    evidence: EvidencePanel, qtmodeltester: ModelTester
) -> None:
    evidence.attach_image(_picture(), "a.png")
    evidence.attach_image(_picture(300, 200), "big.png")
    newest = evidence.proxy.index(0, 0)
    assert newest.data(EvidenceListModel.FileNameRole) == "big.png"
    thumbnail = newest.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(thumbnail, QIcon) and thumbnail.availableSizes() == [QSize(160, 160)]
    roles = evidence.model.roleNames()
    assert roles[EvidenceListModel.Sha256Role].data() == b"sha256"
    qtmodeltester.check(evidence.model)
    qtmodeltester.check(evidence.proxy)


def test_capture_screen_attaches_the_grab_or_says_why_not(
    evidence: EvidencePanel,
    session: ValidationSession,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QScreen, "grabWindow", lambda *a: QPixmap())
    evidence.capture_screen()
    assert session.evidence() == []
    assert "could not be captured" in messages[0] and "Paste screenshot" in messages[0]

    monkeypatch.setattr(QScreen, "grabWindow", lambda *a: QPixmap.fromImage(_picture()))
    evidence.capture_screen()
    [record] = session.evidence()
    assert record.filename.startswith("screen-") and record.criterion == "1.3"


def test_open_shows_a_named_copy(
    evidence: EvidencePanel, session: ValidationSession, opened_urls: list[QUrl]
) -> None:
    evidence.attach_image(_picture(), "dock door.png")
    evidence.open_action.trigger()
    [url] = opened_urls
    copy = Path(url.toLocalFile())
    assert copy.name == "dock door.png"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == session.evidence()[0].sha256


def test_copy_sha256(evidence: EvidencePanel, session: ValidationSession) -> None:
    evidence.attach_image(_picture(), "seal.png")
    evidence.copy_hash_action.trigger()
    assert QGuiApplication.clipboard().text() == session.evidence()[0].sha256


def test_the_same_picture_pasted_twice_is_stored_once(
    evidence: EvidencePanel, session: ValidationSession, ctx: AppContext
) -> None:
    QGuiApplication.clipboard().setImage(_picture())
    evidence.paste_action.trigger()
    [first] = session.evidence()
    evidence.set_criterion("2.1")
    evidence.select_id(first.id)
    evidence.set_criterion("1.3")

    evidence.paste_action.trigger()

    assert session.evidence() == [first]
    assert evidence.status.text() == (
        f"This picture is already attached to criterion 1.3 as {first.filename}; nothing was added."
    )
    assert evidence.selected() == first
    evidence.set_criterion("2.1")  # the same picture on another criterion is its own item
    evidence.paste_action.trigger()
    assert [e.criterion for e in session.evidence()] == ["1.3", "2.1"]
    assert len([p for p in (ctx.data_dir / "evidence").rglob("*") if p.is_file()]) == 1


def test_a_file_attached_again_says_where_it_is(
    evidence: EvidencePanel, session: ValidationSession, tmp_path: Path
) -> None:
    policy, copy, other = tmp_path / "policy.pdf", tmp_path / "policy (1).pdf", tmp_path / "b.txt"
    policy.write_bytes(b"%PDF-1.4 policy")
    copy.write_bytes(b"%PDF-1.4 policy")
    other.write_text("new")
    evidence.attach_files([policy])
    evidence.attach_files([copy, other])
    assert [e.filename for e in session.evidence()] == ["policy.pdf", "b.txt"]
    assert evidence.status.text() == (
        "Attached b.txt to criterion 1.3. policy (1).pdf is already attached to criterion 1.3 "
        "as policy.pdf; nothing was added."
    )


def test_a_caption_is_typed_under_the_selected_evidence(
    evidence: EvidencePanel, session: ValidationSession, ctx: AppContext, qtbot: QtBot
) -> None:
    evidence.attach_image(_picture(), "seal.png")
    [record] = session.evidence()
    assert evidence.selected() == record and evidence.caption.isEnabled()
    evidence.caption.setFocus()
    evidence.caption.setText("Seal log, dock 3")
    qtbot.keyClick(evidence.caption, Qt.Key.Key_Return)
    evidence.list.setFocus()  # leaving the field finishes the edit again: saved once

    [saved] = session.evidence()
    assert saved.caption == "Seal log, dock 3"
    assert "Caption of seal.png saved" in evidence.status.text()
    row = evidence.proxy.index(0, 0)
    assert row.data(Qt.ItemDataRole.DisplayRole).startswith("Seal log, dock 3\nseal.png")
    assert row.data(EvidenceListModel.CaptionRole) == "Seal log, dock 3"
    assert evidence.caption.text() == "Seal log, dock 3"
    events = ctx.store.audit_events(session.id)
    assert [e["action"] for e in events if e["kind"] == "evidence"] == ["attach", "update"]


def test_a_caption_changed_elsewhere_is_not_overwritten(
    evidence: EvidencePanel, session: ValidationSession, ctx: AppContext, messages: list[str]
) -> None:
    evidence.attach_image(_picture(), "seal.png")
    [record] = session.evidence()
    set_caption(ctx, session, record.id, "From the other window")
    evidence.caption.setText("Mine")
    evidence.caption.editingFinished.emit()
    assert session.evidence()[0].caption == "From the other window"
    assert len(messages) == 1 and "changed elsewhere" in messages[0]
    assert evidence.status.text() == "The caption was not saved."


def test_a_category_row_attaches_nothing_and_names_no_criterion(
    evidence: EvidencePanel, session: ValidationSession, tmp_path: Path, messages: list[str]
) -> None:
    evidence.attach_image(_picture(), "one-three.png")
    evidence.show_category(2)

    assert not any(a.isEnabled() for a in evidence.actions())
    assert "1.3" not in evidence.target.text() and "Category 2" in evidence.target.text()
    assert all("Select a criterion first" in a.toolTip() for a in evidence.actions())
    QGuiApplication.clipboard().setImage(_picture(30, 30))
    evidence.paste_action.trigger()  # what Ctrl+Shift+V would do: nothing, it is disabled
    evidence.paste_from_clipboard()  # called directly: refused with the reason
    dropped = tmp_path / "gate.png"
    _picture().save(str(dropped))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(evidence, enter)
    assert not enter.isAccepted()
    assert [e.criterion for e in session.evidence()] == ["1.3"]
    assert "Select a criterion first" in evidence.status.text()
    assert messages == []

    evidence.set_criterion("")  # what an empty criterion from the workspace means
    assert not evidence.paste_action.isEnabled()
    assert evidence.target.text() == "Select a criterion to attach evidence to it."
    evidence.set_criterion("2.1")
    assert all(a.isEnabled() for a in evidence.actions())
    assert evidence.paste_action.toolTip().startswith("Attach the picture")


def test_a_category_row_shows_its_criteria_evidence(
    evidence: EvidencePanel, session: ValidationSession
) -> None:
    evidence.attach_image(_picture(), "one-three.png")
    evidence.set_criterion("2.1")
    evidence.attach_image(_picture(30, 30), "two-one.png")
    evidence.only_current.setChecked(True)
    evidence.show_category(1)
    shown = [
        evidence.proxy.index(r, 0).data(EvidenceListModel.FileNameRole)
        for r in range(evidence.proxy.rowCount())
    ]
    assert shown == ["one-three.png"]
    assert evidence.only_current.text() == "Only this category"


def test_a_signed_validation_keeps_its_evidence_unchangeable(
    ctx: AppContext, session: ValidationSession, qtbot: QtBot
) -> None:
    session.attach_evidence_bytes(png_bytes(_picture()), "seal.png", "1.3")
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    panel = EvidencePanel(ctx, ImmediateRunner(), session)
    qtbot.addWidget(panel)
    panel.set_criterion("1.3")
    panel.select_id(session.evidence()[0].id)

    assert not any(a.isEnabled() for a in panel.actions())
    assert not panel.remove_action.isEnabled() and not panel.caption.isEnabled()
    assert panel.open_action.isEnabled() and panel.copy_hash_action.isEnabled()
    assert "signed and locked" in panel.paste_action.toolTip()
    assert "signed and locked" in panel.remove_action.toolTip()
    assert "signed and locked" in panel.caption.toolTip()
    assert "Signed and locked" in panel.target.text()

    ctx.store.reopen(session.id, "the member sent the procedure", "supervisor")
    panel.reload()  # what the workspace's reload after a reopen does
    assert all(a.isEnabled() for a in panel.actions()) and panel.remove_action.isEnabled()


def test_signing_while_the_panel_is_open_is_noticed_on_reload(
    evidence: EvidencePanel, session: ValidationSession, ctx: AppContext
) -> None:
    assert evidence.paste_action.isEnabled()
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    evidence.reload()
    assert not evidence.paste_action.isEnabled()
    evidence.set_locked(False)
    evidence.set_locked(True)
    assert not evidence.attach_action.isEnabled()


def test_the_panel_offers_its_actions_with_shortcuts(evidence: EvidencePanel) -> None:
    shortcuts = {
        a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in evidence.actions()
    }
    assert shortcuts == {
        "Attach file…": "Ctrl+Shift+E",
        "Paste screenshot": "Ctrl+Shift+V",
        "Capture screen": "",
    }
    assert all(a.parent() is evidence for a in evidence.actions())


# Session ------------------------------------------------------------------------------


@pytest.fixture
def live(ctx: AppContext, session: ValidationSession, qtbot: QtBot) -> SessionPanel:
    panel = SessionPanel(ctx, ImmediateRunner(), session)
    qtbot.addWidget(panel)
    return panel


def _agenda_row(panel: SessionPanel, row: int) -> list[str]:
    model = panel.agenda_model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_agenda_for_240_minutes(
    live: SessionPanel, session: ValidationSession, qtmodeltester: ModelTester
) -> None:
    assert live.agenda_slots() == plan_agenda(session.catalog, 240)
    assert live.agenda_model.rowCount() == 12
    assert _agenda_row(live, 0) == [
        "▶ now",
        "1 Security Vision & Responsibility",
        "0:00–0:10",
        "",
    ]
    assert _agenda_row(live, 3) == ["", "4 Cybersecurity", "0:36–1:10", ""]
    assert _agenda_row(live, 11)[2] == "3:39–4:00"
    assert live.agenda_model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert live.agenda_model.index(3, 1).data(Qt.ItemDataRole.FontRole) is None
    assert live.plan_label.text() == "Planned 4:00; 4:00 left"
    qtmodeltester.check(live.agenda_model)


def _fake_clock(panel: SessionPanel) -> list[int]:
    """The panel's clock, in milliseconds from a fixed moment; the test moves it."""
    clock = [1_000]
    start = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    panel.now = lambda: start + timedelta(milliseconds=clock[0])
    return clock


def test_timer_starts_pauses_and_resumes(live: SessionPanel) -> None:
    clock = _fake_clock(live)
    assert live.timer_button.text() == "Start" and live.elapsed_seconds() == 0

    live.timer_button.click()
    assert live.is_running() and live._ticker.isActive()
    assert live.timer_button.text() == "Pause"
    clock[0] += 125_000
    live._on_ticker_timeout()
    assert live.clock_label.text() == "0:02:05"

    live.timer_button.click()
    assert not live.is_running() and not live._ticker.isActive()
    clock[0] += 600_000
    live._on_ticker_timeout()
    assert live.elapsed_seconds() == 125
    assert live.timer_button.text() == "Resume"

    live.timer_button.click()
    clock[0] += 40 * 60_000
    live._on_ticker_timeout()
    assert live.elapsed_seconds() == 125 + 2400
    assert live.clock_label.text() == "0:42:05"
    assert live.plan_label.text() == "Planned 4:00; 3:18 left"
    assert _agenda_row(live, 3)[0] == "▶ now"
    assert live.agenda_model.index(3, 1).data(Qt.ItemDataRole.FontRole).bold()

    live.set_current_category(3)
    assert live.where_label.text() == "Category 3 planned 0:21–0:36; you are 6 min behind"
    assert _agenda_row(live, 2)[0] == "● here"
    live.set_criterion("5.1")
    assert live.where_label.text() == "Category 5 planned from 1:10; you are 28 min ahead"
    live.set_criterion("4.1")
    assert _agenda_row(live, 3)[0] == "▶ now ● here"
    assert live.where_label.text().endswith("you are on time")
    live.pause_timer()


def test_session_time_is_recorded_by_category_and_outlives_the_panel(
    ctx: AppContext, session: ValidationSession, qtbot: QtBot
) -> None:
    """Before, the time lived in the panel: closed, the timer was back at 0:00:00."""
    live = SessionPanel(ctx, ImmediateRunner(), session)
    qtbot.addWidget(live)
    clock = _fake_clock(live)
    live.set_criterion("1.1")
    live.start_timer()
    clock[0] += 10 * 60_000
    live.set_criterion("2.1")  # the time from now counts for category 2
    clock[0] += 5 * 60_000
    live.pause_timer()
    clock[0] += 30 * 60_000  # a break: not counted
    live.start_timer()
    clock[0] += 3 * 60_000
    live.pause_timer()
    assert live.elapsed_seconds() == 18 * 60

    times = ValidationSession(ctx, session.id).session_times()
    assert times.seconds == 18 * 60
    assert times.by_category() == {1: 600, 2: 480}
    assert [p.category for p in times.periods] == [1, 2, 2]
    assert times.periods[0].started_at == "2026-12-07T14:00:01Z"

    again = SessionPanel(ctx, ImmediateRunner(), ValidationSession(ctx, session.id))
    qtbot.addWidget(again)
    assert again.elapsed_seconds() == 18 * 60
    assert again.clock_label.text() == "0:18:00"
    assert again.timer_button.text() == "Resume"
    assert _agenda_row(again, 0)[3] == "0:10" and _agenda_row(again, 1)[3] == "0:08"


def test_a_running_session_is_recorded_minute_by_minute(
    live: SessionPanel, ctx: AppContext, session: ValidationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop that dies mid-call loses at most a minute of session time."""
    asked: list[bool] = []
    monkeypatch.setattr(live, "ask_pause_on_close", lambda: asked.append(True) or True)
    clock = _fake_clock(live)
    live.start_timer()
    clock[0] += 61_000
    live._on_ticker_timeout()
    clock[0] += 30_000
    live._on_ticker_timeout()  # no mark yet: the next is a minute after the last
    (period,) = ValidationSession(ctx, session.id).session_times().periods
    assert period.seconds == 61
    assert live.confirm_close() and asked == [True]  # running: asked, then paused
    assert not live.is_running()
    assert ValidationSession(ctx, session.id).session_times().seconds == 91


def test_the_timer_goes_with_the_panel(ctx: AppContext, session: ValidationSession) -> None:
    panel = SessionPanel(ctx, ImmediateRunner(), session)
    panel.start_timer()
    ticker = panel._ticker
    assert ticker.isActive()
    panel.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(ticker)


def test_participants_added_elsewhere_meanwhile_are_kept(
    live: SessionPanel, ctx: AppContext, session: ValidationSession
) -> None:
    """Before, the panel wrote its own copy of the list back: a name added meanwhile in
    Edit details (or by a sync) was silently dropped."""
    update_validation(ctx, session.id, participants=("Ana Ruiz", "Carlos Díaz (IT)"))
    live.new_participant.setText("Luis Pérez (HR)")
    live.add_participant.click()
    stored = ValidationSession(ctx, session.id).validation.participants
    assert stored == ("Ana Ruiz", "Carlos Díaz (IT)", "Luis Pérez (HR)")
    assert live.participant_names() == list(stored)
    live.participants.setCurrentRow(0)
    live.remove_participant.click()
    assert ValidationSession(ctx, session.id).validation.participants == (
        "Carlos Díaz (IT)",
        "Luis Pérez (HR)",
    )


def test_participants_are_saved(
    live: SessionPanel, ctx: AppContext, session: ValidationSession, messages: list[str]
) -> None:
    assert live.participant_names() == ["Ana Ruiz"]
    assert not live.add_participant.isEnabled() and not live.remove_participant.isEnabled()
    live.new_participant.setText("  Luis   Pérez (IT) ")
    live.add_participant.click()
    saved = ValidationSession(ctx, session.id).validation.participants
    assert saved == ("Ana Ruiz", "Luis Pérez (IT)")
    assert session.validation.participants == saved
    assert live.new_participant.text() == ""

    live.new_participant.setText("ana ruiz")
    live.add_participant.click()
    assert messages == ["Participant: ana ruiz is already listed."]

    live.participants.setCurrentRow(0)
    live.remove_participant.click()
    assert ValidationSession(ctx, session.id).validation.participants == ("Luis Pérez (IT)",)


def test_participants_not_saved_are_not_lost(
    live: SessionPanel, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_a: Any, **_k: Any) -> Any:
        raise RuleError("the validation is signed and locked; reopen it before changing it")

    monkeypatch.setattr(session_panel, "update_validation", refuse)
    live.new_participant.setText("Luis Pérez")
    live.add_participant.click()
    assert live.participant_names() == ["Ana Ruiz"]
    assert live.new_participant.text() == "Luis Pérez"
    assert messages == [
        "Cannot save the participants: the validation is signed and locked; "
        "reopen it before changing it"
    ]


def test_webex_button_opens_the_link(live: SessionPanel, opened_urls: list[QUrl]) -> None:
    assert live.webex_button.isEnabled()
    live.webex_button.click()
    assert opened_urls == [QUrl(WEBEX)]


def test_webex_button_is_disabled_without_a_link(
    ctx: AppContext, qtbot: QtBot, opened_urls: list[QUrl]
) -> None:
    validation = plan_validation(ctx, member="No Link Co", account="US-777", entity="importer")
    panel = SessionPanel(ctx, ImmediateRunner(), ValidationSession(ctx, validation.id))
    qtbot.addWidget(panel)
    assert not panel.webex_button.isEnabled()
    assert "No WebEx link" in panel.webex_button.toolTip()
    panel.webex_button.click()
    assert opened_urls == []


# Follow-up ----------------------------------------------------------------------------


@pytest.fixture
def follow(ctx: AppContext, session: ValidationSession, qtbot: QtBot) -> FollowUpPanel:
    panel = FollowUpPanel(ctx, ImmediateRunner(), session)
    qtbot.addWidget(panel)
    return panel


def _column(panel: FollowUpPanel, column: int) -> list[str]:
    return [str(row[column]) for row in panel.required.rows()]


def test_summary_lists_counts_actions_recommendations_and_best_practices(
    follow: FollowUpPanel,
) -> None:
    assert "Not met 3" in follow.counts.text() and "Met 1" in follow.counts.text()
    assert "Not reviewed 88" in follow.counts.text()
    assert follow.open_label.text() == "2 required actions still open"
    assert _column(follow, 0) == ["1.3", "2.1"]
    assert _column(follow, 2) == [str(ON + timedelta(days=90))] * 2
    assert _column(follow, 3) == ["awaiting the member's response"] * 2
    assert [r[0] for r in follow.recommendations.rows()] == ["1.1"]
    assert [r[0] for r in follow.best_practices.rows()] == ["1.4"]
    assert follow.progress.rows()[0][1:] == ("4/4", 2, "yes")
    assert follow.progress.rows()[1][1:] == ("1/4", 1, "3 to review")
    assert follow.sections.itemText(0) == "Required actions (2)"
    assert not follow.response_box.isEnabled()


def test_extend_by_60_days_with_a_reason(
    follow: FollowUpPanel, session: ValidationSession, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = session.findings()["1.3"].finding.due
    assert before is not None
    monkeypatch.setattr(ExtendDueDialog, "ask", lambda *a: (60, "New cameras arrive in August."))
    follow.set_criterion("1.3")
    with qtbot.waitSignal(follow.finding_changed) as changed:
        follow.extend_button.click()
    assert changed.args == ["1.3"]
    finding = session.findings()["1.3"].finding
    assert finding.due == before + timedelta(days=60)
    assert (finding.extension_days, finding.extension_reason) == (
        60,
        "New cameras arrive in August.",
    )
    assert _column(follow, 2)[0] == f"{before + timedelta(days=60)}\n+60 days"
    assert follow.selected_item() is not None and follow.selected_item().criterion == "1.3"  # type: ignore[union-attr]
    assert "extended 60 days" in follow.due_label.text()


def test_an_extension_without_reason_shows_the_error_and_changes_nothing(
    follow: FollowUpPanel, session: ValidationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = session.findings()["1.3"]
    asked: list[tuple[int, str]] = []

    def ask(_item: FollowUpItem, days: int, reason: str, _parent: Any) -> tuple[int, str]:
        asked.append((days, reason))
        return 90, "   " if len(asked) == 1 else ""

    monkeypatch.setattr(ExtendDueDialog, "ask", ask)
    follow.select_criterion("1.3")
    follow.extend_button.click()
    assert follow.error.isVisibleTo(follow)
    assert "a due-date extension needs a reason" in follow.error.text()
    assert session.findings()["1.3"] == before
    follow.extend_button.click()
    assert asked == [(30, ""), (90, "   ")]


def test_responses_close_the_required_actions(
    follow: FollowUpPanel, session: ValidationSession
) -> None:
    follow.select_criterion("1.3")
    follow.implemented.setCurrentIndex(follow.implemented.findData(True))
    follow.response_note.setPlainText("Program written; signed copy attached.")
    follow.decision.setCurrentIndex(follow.decision.findData(True))
    follow.save_button.click()
    finding = session.findings()["1.3"].finding
    assert finding.response_accepted is True and finding.response_implemented is True
    assert _column(follow, 3)[0] == "closed: response accepted"
    assert follow.open_label.text() == "1 required action still open"

    follow.record_response("2.1", False, "Will send it next month.", False)
    assert _column(follow, 3)[1] == "response rejected: awaiting a new response"
    follow.record_response("2.1", True, "Risk assessment sent.", True)
    assert follow.open_label.text() == "All required actions are closed"


def test_accepting_without_a_response_shows_the_rule_and_keeps_the_input(
    follow: FollowUpPanel, session: ValidationSession
) -> None:
    before = session.findings()["2.1"]
    follow.select_criterion("2.1")
    follow.decision.setCurrentIndex(follow.decision.findData(True))
    follow.save_button.click()
    assert "no member's response to accept or reject yet" in follow.error.text()
    assert follow.error.isVisibleTo(follow)
    assert session.findings()["2.1"] == before
    assert follow.decision.currentData() is True


def test_unsaved_responses_survive_moving_between_actions(follow: FollowUpPanel) -> None:
    follow.select_criterion("1.3")
    follow.response_note.setPlainText("Half typed")
    follow.select_criterion("2.1")
    assert follow.response_note.toPlainText() == ""
    follow.select_criterion("1.3")
    assert follow.response_note.toPlainText() == "Half typed"


def test_extend_dialog_shows_the_new_due_date(qtbot: QtBot) -> None:
    item = FollowUpItem(
        "1.3", "Program", Outcome.REQUIRED_ACTION, "Do it", date(2026, 8, 16), None, None, "", None
    )
    dialog = ExtendDueDialog(item, 60, "Waiting for parts")
    qtbot.addWidget(dialog)
    assert dialog.days() == 60
    assert dialog.new_due.text() == "New due date: 2026-10-15"
    dialog.choices.button(120).setChecked(True)
    assert dialog.new_due.text() == "New due date: 2026-12-14"
    assert dialog.reason.toPlainText() == "Waiting for parts"


def test_decrypted_copies_a_crash_left_behind_are_removed(tmp_path: Path) -> None:
    """Before, "Open evidence" left plaintext copies in the temporary folder after a crash."""
    import os

    from ctpat_desktop.ui.panels.evidence_panel import COPIES_PREFIX, sweep_stale_copies

    gone_pid = 2**22 + 12345  # above Linux's largest process ID: no such process
    left = tmp_path / f"{COPIES_PREFIX}{gone_pid}-abcd"
    (left / "e1").mkdir(parents=True)
    (left / "e1" / "seal.png").write_bytes(b"decrypted evidence")
    mine = tmp_path / f"{COPIES_PREFIX}{os.getpid()}-efgh"
    mine.mkdir()
    unrelated = tmp_path / "ctpat-evidence-notes"
    unrelated.mkdir()
    assert sweep_stale_copies(tmp_path) == [left]
    assert not left.exists() and mine.exists() and unrelated.exists()
