"""The evidence panel: attach, paste, capture, drop, caption, open and remove evidence.

Evidence attaches to the criterion on screen: nothing can be attached while a category row
is shown (show_category) nor to a signed validation (set_locked, and read again on every
reload); the same content attaches to a criterion once, and the panel says where it is.
"""

import os
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QImageWriter,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop import scratch
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError, NotFoundError, StoreError
from ctpat_desktop.services.evidence import Attachment, attach_bytes, attach_file, set_caption
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import EvidenceRecord
from ctpat_desktop.sync.meaning import MAX_CAPTION
from ctpat_desktop.ui.i18n import error_text, shown_text, translate
from ctpat_desktop.ui.panels.base import SidePanel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.worksheet import lifecycle

_Index = QModelIndex | QPersistentModelIndex
THUMBNAIL_EDGE = 160
# Long enough for the window to get out of the way before a single screen is grabbed.
_CAPTURE_DELAY_MS = 600
_SCREENSHOT_HINT = QT_TRANSLATE_NOOP(
    "EvidencePanel",
    "Copy the shared screen first: on Windows, Win+Shift+S copies a region, Alt+PrtSc the "
    "active window and PrtSc the whole screen.",
)
_UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def screenshot_hint() -> str:
    """How to put a screenshot on the clipboard, in the language of the interface."""
    return translate("EvidencePanel", str(_SCREENSHOT_HINT))


def local_time(captured_at: str) -> str:
    """A stored UTC timestamp as local date and time, e.g. 2026-05-18 14:03."""
    try:
        moment = datetime.fromisoformat(captured_at)
    except ValueError:
        return captured_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    """A byte count as people read it."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def grouped_sha256(sha256: str) -> str:
    """The hash in groups of eight, easier to read aloud and to compare."""
    return " ".join(sha256[i : i + 8] for i in range(0, len(sha256), 8))


def png_bytes(image: QImage) -> bytes:
    """A picture encoded as PNG."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if image.isNull() or not writer.write(image):
        raise CtpatError(
            translate("EvidencePanel", "the picture could not be saved as PNG ({error})").format(
                error=writer.errorString()
            )
        )
    return bytes(buffer.data().data())


def make_thumbnail(content: bytes, edge: int = THUMBNAIL_EDGE) -> QImage | None:
    """A picture scaled to fit edge × edge, or None when Qt cannot read it as a picture.

    From bytes: evidence files on disk are sealed, so only the store can open them.
    """
    data = QByteArray(content)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > edge or size.height() > edge):
        reader.setScaledSize(size.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def is_uniform(image: QImage) -> bool:
    """Whether a picture is one flat colour: what a refused screen grab returns."""
    small = image.scaled(24, 24)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(24) for y in range(24))


def local_files(mime: QMimeData) -> list[Path]:
    """The local files named by dragged or copied URLs."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _check_readable(paths: Sequence[Path]) -> None:
    for path in paths:
        if not path.exists():
            raise NotFoundError(
                translate("EvidencePanel", "{path}: file not found").format(path=path)
            )
        if not path.is_file():
            raise NotFoundError(
                translate("EvidencePanel", "{path}: is a folder, not a file").format(path=path)
            )
        if not os.access(path, os.R_OK):
            raise StoreError(
                translate("EvidencePanel", "{path}: permission denied").format(path=path)
            )


def _timestamped(prefix: str) -> str:
    return f"{prefix}-{datetime.now():%Y%m%d-%H%M%S}.png"


# Puts a step already done on the workspace's undo stack: (text, undo, redo).
Undoable = Callable[[str, Callable[[], None], Callable[[], None]], None]


# Opened evidence is decrypted into a private temporary folder (scratch.py) named with the
# process's ID, removed when the panel goes or the process dies; one a power cut left is
# removed at the next start.
COPIES_PREFIX = f"{scratch.PREFIX}evidence-"


def sweep_stale_copies(temp_dir: Path | None = None) -> list[Path]:
    """Remove the private folders a process that is gone left behind; the folders removed."""
    return scratch.sweep_left_over(temp_dir)


class EvidenceListModel(QAbstractListModel):
    """The evidence of a validation, one row each, with thumbnails once they are made."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    Sha256Role = Qt.ItemDataRole.UserRole + 2
    CriterionRole = Qt.ItemDataRole.UserRole + 3
    FileNameRole = Qt.ItemDataRole.UserRole + 4
    CapturedAtRole = Qt.ItemDataRole.UserRole + 5
    CaptionRole = Qt.ItemDataRole.UserRole + 6

    def __init__(self, placeholder: QIcon, parent: Any = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._records: list[EvidenceRecord] = []
        self._thumbnails: dict[str, QIcon] = {}

    def set_records(self, records: Sequence[EvidenceRecord]) -> None:
        """Replace every row; thumbnails already made stay cached."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> EvidenceRecord:
        """The evidence shown in a row."""
        return self._records[row]

    def row_of(self, evidence_id: str) -> int | None:
        """The row of one piece of evidence, if shown."""
        return next((i for i, r in enumerate(self._records) if r.id == evidence_id), None)

    def missing_thumbnails(self) -> list[str]:
        """Hashes of pictures shown without a thumbnail yet."""
        wanted = {
            r.sha256
            for r in self._records
            if r.media_type.startswith("image/") and r.sha256 not in self._thumbnails
        }
        return sorted(wanted)

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        """Show a thumbnail on every row with this content."""
        # Centred on a square icon so every row's text starts at the same place.
        edge = max(image.width(), image.height())
        square = QPixmap(edge, edge)
        square.fill(Qt.GlobalColor.transparent)
        painter = QPainter(square)
        painter.drawImage((edge - image.width()) // 2, (edge - image.height()) // 2, image)
        painter.end()
        self._thumbnails[sha256] = QIcon(square)
        for row, record in enumerate(self._records):
            if record.sha256 == sha256:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update(
            {
                self.IdRole: QByteArray(b"evidenceId"),
                self.Sha256Role: QByteArray(b"sha256"),
                self.CriterionRole: QByteArray(b"criterion"),
                self.FileNameRole: QByteArray(b"fileName"),
                self.CapturedAtRole: QByteArray(b"capturedAt"),
                self.CaptionRole: QByteArray(b"caption"),
            }
        )
        return names

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        where = (
            self.tr("Criterion {criterion}").format(criterion=r.criterion)
            if r.criterion
            else self.tr("Whole validation")
        )
        when = local_time(r.captured_at)
        captured = self.tr("Captured {when} by {who}").format(when=when, who=r.captured_by)
        # Three lines whatever the caption: the rows keep one height.
        first, second = (
            (r.caption, f"{r.filename} · {where}")
            if r.caption
            else (r.filename, f"{where} · {when} · {size_text(r.size)}")
        )
        said = f"{r.caption}\n" if r.caption else ""
        accessible = self.tr("{file}, {place}, captured {when}").format(
            file=r.filename, place=where, when=when
        )
        values: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: f"{first}\n{second}\nSHA-256 {r.sha256[:12]}…",
            Qt.ItemDataRole.ToolTipRole: (
                f"{said}{r.filename}\n{where}\n{captured}\n"
                f"{r.media_type}, {size_text(r.size)}\nSHA-256 {r.sha256}"
            ),
            Qt.ItemDataRole.AccessibleTextRole: f"{r.caption}, {accessible}"
            if r.caption
            else accessible,
            Qt.ItemDataRole.DecorationRole: self._thumbnails.get(r.sha256, self._placeholder),
            self.IdRole: r.id,
            self.Sha256Role: r.sha256,
            self.CriterionRole: r.criterion or "",
            self.FileNameRole: r.filename,
            self.CapturedAtRole: r.captured_at,
            self.CaptionRole: r.caption,
        }
        return values.get(role)


class EvidenceFilter(QSortFilterProxyModel):
    """The current criterion's evidence first (or only), newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._current: frozenset[str] = frozenset({""})
        self._only_current = False

    def set_criterion(self, criterion_id: str | None) -> None:
        """The criterion whose evidence comes first (None: the whole validation's)."""
        self.set_criteria([criterion_id or ""])

    def set_criteria(self, criterion_ids: Sequence[str]) -> None:
        """The criteria whose evidence comes first (a category's, on its row)."""
        self._current = frozenset(criterion_ids)
        self.invalidate()

    def set_only_current(self, only: bool) -> None:
        """Show only the current criterion's evidence (the whole validation's when none)."""
        self._only_current = only
        self.invalidate()

    def _is_current(self, index: _Index) -> bool:
        return index.data(EvidenceListModel.CriterionRole) in self._current

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._only_current:
            return True
        return self._is_current(self.sourceModel().index(source_row, 0, source_parent))

    def lessThan(self, left: _Index, right: _Index) -> bool:
        left_current, right_current = self._is_current(left), self._is_current(right)
        if left_current != right_current:
            return left_current
        role = EvidenceListModel.CapturedAtRole
        return str(left.data(role)) > str(right.data(role))


class EvidencePanel(SidePanel):
    """Evidence of one validation; new evidence attaches to the current criterion."""

    evidence_changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        session: ValidationSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, runner, session, parent)
        self._criterion: str | None = None
        self._has_target = True  # False while a category row is shown
        # Where a removal goes to be undone (the workspace's undo stack), if anywhere.
        self._undoable: Callable[[str, Callable[[], None], Callable[[], None]], None] | None = None
        self._category: int | None = None
        self._locked = lifecycle.is_locked(session.validation.status)
        self._select_after_load: str | None = None
        # (evidence ID, caption) the caption field was filled from: what an edit is based on.
        self._caption_of: tuple[str, str] | None = None
        self._requested: set[str] = set()
        self._open_copies: scratch.PrivateFolder | None = None
        self.setAcceptDrops(True)

        placeholder = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.model = EvidenceListModel(placeholder, self)
        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)

        self.target = QLabel()
        self.target.setWordWrap(True)
        self.only_current = QCheckBox(self.tr("Only this criterion"))
        self.only_current.setToolTip(self.tr("Show only the evidence of the criterion you are on"))
        self.only_current.toggled.connect(self._on_only_current_toggled)

        self.list = QListView()
        self.list.setAccessibleName(self.tr("Evidence"))
        self.list.setAccessibleDescription(
            self.tr(
                "Screenshots and files attached; Ctrl+Shift+V pastes a screenshot, "
                "Ctrl+Shift+E attaches a file"
            )
        )
        self.list.setModel(self.proxy)
        self.list.setIconSize(QSize(96, 96))
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.activated.connect(lambda _index: self.open_selected())
        self.empty_hint = QLabel(
            self.tr(
                "No evidence yet. Paste a screenshot (Ctrl+Shift+V), drop files here or use "
                "Attach file (Ctrl+Shift+E). {hint}"
            ).format(hint=screenshot_hint())
        )
        self.empty_hint.setWordWrap(True)

        self._build_detail_widgets()
        self._build_actions()
        self._build_layout()
        self.list.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self.set_criterion(None)
        self.reload()

    def _build_detail_widgets(self) -> None:
        self.details = QLabel()
        self.details.setAccessibleName(self.tr("Details of the selected evidence"))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLineEdit()
        self.caption_label = QLabel(self.tr("Caption:"))
        self.caption_label.setBuddy(self.caption)
        self.caption.setPlaceholderText(self.tr("Caption: what it shows, e.g. Seal log, dock 3"))
        self.caption.setAccessibleName(self.tr("Caption of the selected evidence"))
        self.caption.setAccessibleDescription(
            self.tr("Printed under the picture in the report; Enter saves it")
        )
        self.caption.setMaxLength(MAX_CAPTION)
        self.caption.setClearButtonEnabled(True)
        self.caption.editingFinished.connect(self._on_caption_editing_finished)
        self.hash_label = QLabel()
        self.hash_label.setAccessibleName(self.tr("SHA-256 of the selected evidence"))
        self.hash_label.setWordWrap(True)
        self.hash_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

    def _build_actions(self) -> None:
        def action(text: str, tip: str, slot: Any, shortcut: str | None = None) -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            return made

        self.attach_action = action(
            self.tr("Attach file…"),
            self.tr("Choose files to attach (Ctrl+Shift+E)"),
            self._on_attach_triggered,
            "Ctrl+Shift+E",
        )
        self.paste_action = action(
            self.tr("Paste screenshot"),
            self.tr("Attach the picture or files on the clipboard (Ctrl+Shift+V). {hint}").format(
                hint=screenshot_hint()
            ),
            self.paste_from_clipboard,
            "Ctrl+Shift+V",
        )
        self.capture_action = action(
            self.tr("Capture screen"),
            self.tr(
                "Grab the screen showing the WebEx share (some systems, e.g. Wayland, refuse; "
                "paste a screenshot instead)"
            ),
            self._on_capture_triggered,
        )
        self._attach_tips = {a: a.toolTip() for a in self.actions()}
        # The shortcuts work in the panel's window; the workspace adds them to its own too.
        self.addActions(self.actions())
        self.open_action = action(
            self.tr("Open"),
            self.tr("Open a copy of the selected evidence in its viewer"),
            self.open_selected,
        )
        self.copy_hash_action = action(
            self.tr("Copy SHA-256"),
            self.tr("Copy the selected evidence's SHA-256"),
            self._on_copy_hash_triggered,
        )
        self.remove_action = action(
            self.tr("Remove…"), self.tr("Detach the selected evidence"), self.remove_selected
        )
        self._remove_tip = self.remove_action.toolTip()
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.remove_action)

    def actions(self) -> list[QAction]:
        """The actions that add evidence (Attach file… Ctrl+Shift+E, Paste screenshot
        Ctrl+Shift+V, Capture screen), for the workspace's window and its shortcut list."""
        return [self.attach_action, self.paste_action, self.capture_action]

    def _button_row(self, actions: Sequence[QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        for act in actions:
            button = QToolButton()
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        row.addStretch()
        return row

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addLayout(self._button_row(self.actions()))
        layout.addWidget(self.only_current)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.details)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption_label)
        caption_row.addWidget(self.caption, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.hash_label)
        layout.addLayout(
            self._button_row([self.open_action, self.copy_hash_action, self.remove_action])
        )
        layout.addWidget(self.status)

    # Where new evidence goes, and whether it can ---------------------------------------

    def set_criterion(self, criterion_id: str | None) -> None:
        """New evidence attaches to this criterion (None: to the whole validation). An empty
        ID, or one the catalog lacks, attaches nowhere, as on a category row."""
        if criterion_id is not None:
            criterion = self._session.catalog.get(criterion_id) if criterion_id else None
            if criterion is None:
                self.show_category()
                return
            self._criterion = criterion.id
        else:
            self._criterion = None
        self._has_target = True
        self._category = None
        self.proxy.set_criterion(self._criterion)
        self.only_current.setText(self.tr("Only this criterion"))
        self._update_state()

    def show_category(self, number: int | None = None) -> None:
        """A category row is on screen: nothing can be attached until a criterion is chosen;
        the category's evidence comes first (or only)."""
        self._criterion = None
        self._has_target = False
        self._category = number
        criteria = self._session.catalog.criteria
        self.proxy.set_criteria([c.id for c in criteria if c.category == number])
        self.only_current.setText(self.tr("Only this category"))
        self._update_state()

    def set_locked(self, locked: bool) -> None:
        """A signed validation's evidence can be opened, never changed (reopen it first)."""
        self._locked = locked
        self._update_state()

    def can_attach(self) -> bool:
        """Whether new evidence can be attached now (a criterion shown, not signed)."""
        return self._has_target and not self._locked

    def _why_not(self) -> str:
        if self._locked:
            return self.tr("The validation is signed and locked: reopen it to change its evidence.")
        if not self._has_target:
            return self.tr("Select a criterion first: evidence attaches to the criterion shown.")
        return ""

    def _update_state(self) -> None:
        why = self._why_not()
        for act, tip in self._attach_tips.items():
            act.setEnabled(self.can_attach())
            act.setToolTip(f"{tip}\n\n{why}" if why else tip)
        self._show_target()
        self._update_selection()

    def _show_target(self) -> None:
        criterion = self._session.catalog.get(self._criterion) if self._criterion else None
        if self._locked:
            text = self.tr(
                "Signed and locked: its evidence can be opened, not changed. Reopen the "
                "validation to change it."
            )
        elif not self._has_target and self._category is not None:
            text = self.tr(
                "Category {number}: select one of its criteria to attach evidence to it."
            ).format(number=self._category)
        elif not self._has_target:
            text = self.tr("Select a criterion to attach evidence to it.")
        elif criterion is None:
            text = self.tr("New evidence attaches to the <b>whole validation</b>.")
        else:
            text = self.tr("New evidence attaches to <b>{criterion}</b> {title}.").format(
                criterion=criterion.id, title=escape(shown_text(criterion.title))
            )
        self.target.setText(text)

    def _on_only_current_toggled(self, only: bool) -> None:
        self.proxy.set_only_current(only)
        self._update_selection()

    # The list --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the evidence and whether the validation is signed again (in the background),
        and make missing thumbnails."""
        session, store = self._session, self._ctx.store

        def read() -> tuple[list[EvidenceRecord], bool]:
            signed = lifecycle.is_locked(store.validation(session.id).status)
            return session.evidence(), signed

        self._runner.run(read, self._on_evidence_loaded, self._on_load_failed)

    def _on_evidence_loaded(self, loaded: tuple[list[EvidenceRecord], bool]) -> None:
        records, signed = loaded
        shown = self.selected()
        self.model.set_records(records)
        self.empty_hint.setVisible(not records)
        # What was selected stays selected (a reload must not lose the user's place).
        keep = self._select_after_load or (shown.id if shown is not None else None)
        self._select_after_load = None
        if keep is not None:
            self.select_id(keep)
        self.set_locked(signed)
        for sha256 in self.model.missing_thumbnails():
            if sha256 not in self._requested:
                self._requested.add(sha256)
                self._request_thumbnail(sha256)

    def _on_load_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Cannot read the evidence"), error_text(exc))

    def _request_thumbnail(self, sha256: str) -> None:
        def show(image: QImage | None) -> None:
            if image is not None:
                self.model.set_thumbnail(sha256, image)

        # A missing thumbnail is not worth a message: the row keeps its file icon.
        ctx = self._ctx
        self._runner.run(
            lambda: make_thumbnail(ctx.store.blobs.read_bytes(sha256)), show, lambda _exc: None
        )

    def select_id(self, evidence_id: str) -> None:
        """Select one piece of evidence, if shown."""
        row = self.model.row_of(evidence_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.list.setCurrentIndex(index)

    def selected(self) -> EvidenceRecord | None:
        """The selected evidence, if any."""
        rows = self.list.selectionModel().selectedIndexes()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def _on_list_selection_changed(self) -> None:
        self._update_selection()

    def _update_selection(self) -> None:
        record = self.selected()
        for act in (self.open_action, self.copy_hash_action):
            act.setEnabled(record is not None)
        self.remove_action.setEnabled(record is not None and not self._locked)
        self.remove_action.setToolTip(
            f"{self._remove_tip}\n\n{self._why_not()}" if self._locked else self._remove_tip
        )
        self.caption.setEnabled(record is not None and not self._locked)
        self.caption.setToolTip(self._why_not() if self._locked else "")
        self.hash_label.setVisible(record is not None)
        if record is None:
            self.details.setText(self.tr("Select evidence to see its details."))
            self.hash_label.clear()
            self._caption_of = None
            self.caption.clear()
            return
        # Typing in the caption of this very item is not undone by a reload.
        same = self._caption_of is not None and self._caption_of[0] == record.id
        if not (same and self.caption.hasFocus()):
            self._caption_of = (record.id, record.caption)
            self.caption.setText(record.caption)
        criterion = self._session.catalog.get(record.criterion) if record.criterion else None
        on = (
            self.tr("On {criterion} {title}").format(
                criterion=criterion.id, title=escape(shown_text(criterion.title))
            )
            if criterion
            else self.tr("On the whole validation")
        )
        captured = self.tr("Captured {when} by {who}").format(
            when=local_time(record.captured_at), who=escape(record.captured_by)
        )
        self.details.setText(
            f"<b>{escape(record.filename)}</b><br>{on}<br>{captured}<br>"
            f"{record.media_type} · {size_text(record.size)}<br>SHA-256:"
        )
        self.hash_label.setText(grouped_sha256(record.sha256))
        self.hash_label.setToolTip(record.sha256)

    # Captions ---------------------------------------------------------------------------

    def _on_caption_editing_finished(self) -> None:
        if self._caption_of is None or self._locked:
            return
        evidence_id, based_on = self._caption_of
        text = self.caption.text().strip()
        if text == based_on:
            return
        self.save_caption(evidence_id, text, based_on)

    def save_caption(self, evidence_id: str, caption: str, based_on: str | None = None) -> None:
        """Store what a piece of evidence shows (based_on: the caption the edit started from;
        if it changed meanwhile, nothing is saved and the panel says so)."""
        ctx, session = self._ctx, self._session
        # Enter and then leaving the field both finish the edit: the second is no change.
        self._caption_of = (evidence_id, caption)

        def saved(record: EvidenceRecord) -> None:
            self.status.setText(
                self.tr("Caption of {file} saved.").format(file=record.filename)
                if record.caption
                else self.tr("Caption of {file} removed.").format(file=record.filename)
            )
            self._select_after_load = record.id
            self.reload()
            self.evidence_changed.emit()

        def failed(exc: Exception) -> None:
            self._caption_of = (evidence_id, based_on or "")
            self.status.setText(self.tr("The caption was not saved."))
            QMessageBox.warning(
                self,
                self.tr("Cannot save the caption"),
                error_text(exc) if isinstance(exc, CtpatError) else str(exc),
            )

        self._runner.run(
            lambda: set_caption(ctx, session, evidence_id, caption, based_on), saved, failed
        )

    # Adding evidence --------------------------------------------------------------------

    def attach_files(self, paths: Sequence[Path]) -> None:
        """Attach files to the current criterion: all of them, or none with one message.
        A file whose content is attached there already is not added again."""
        if not paths or not self._may_attach():
            return
        ctx, session, criterion = self._ctx, self._session, self._criterion
        chosen = list(paths)

        def attach() -> list[tuple[str | None, Attachment]]:
            _check_readable(chosen)
            done: list[tuple[str | None, Attachment]] = []
            try:
                for path in chosen:
                    done.append((path.name, attach_file(ctx, session, path, criterion)))
            except Exception:
                for _name, item in done:
                    if not item.already_attached:
                        session.remove_evidence(item.record.id)
                raise
            return done

        self.status.setText(self.tr("Attaching %n file(s)…", "", len(chosen)))
        self._runner.run(attach, self._on_attached, self._on_attach_failed)

    def attach_image(self, image: QImage, filename: str) -> None:
        """Attach a picture as a PNG file to the current criterion (once: the same picture
        pasted again is not added twice)."""
        if not self._may_attach():
            return
        ctx, session, criterion = self._ctx, self._session, self._criterion

        def attach() -> list[tuple[str | None, Attachment]]:
            return [(None, attach_bytes(ctx, session, png_bytes(image), filename, criterion))]

        self.status.setText(self.tr("Attaching {file}…").format(file=filename))
        self._runner.run(attach, self._on_attached, self._on_attach_failed)

    def _may_attach(self) -> bool:
        # The actions are disabled then; a drop or a direct call is refused here too.
        if self.can_attach():
            return True
        self.status.setText(self._why_not())
        return False

    def _on_attached(self, done: list[tuple[str | None, Attachment]]) -> None:
        added = [item.record for _name, item in done if not item.already_attached]
        said: list[str] = []
        if added:
            names = ", ".join(r.filename for r in added)
            said.append(
                self.tr("Attached {files} to criterion {criterion}.").format(
                    files=names, criterion=added[0].criterion
                )
                if added[0].criterion
                else self.tr("Attached {files} to the whole validation.").format(files=names)
            )
        said += [
            self._already_text(name, item.record) for name, item in done if item.already_attached
        ]
        self.status.setText(" ".join(said))
        self._select_after_load = done[-1][1].record.id
        self.reload()
        if added:
            self.evidence_changed.emit()

    def _already_text(self, name: str | None, there: EvidenceRecord) -> str:
        """Where content attached again already is: it was not added a second time."""
        if name is None and there.criterion:
            text = self.tr(
                "This picture is already attached to criterion {criterion} as {existing}; "
                "nothing was added."
            )
        elif name is None:
            text = self.tr(
                "This picture is already attached to the whole validation as {existing}; "
                "nothing was added."
            )
        elif there.criterion:
            text = self.tr(
                "{file} is already attached to criterion {criterion} as {existing}; "
                "nothing was added."
            )
        else:
            text = self.tr(
                "{file} is already attached to the whole validation as {existing}; "
                "nothing was added."
            )
        return text.format(file=name, criterion=there.criterion, existing=there.filename)

    def _on_attach_failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("Nothing was attached."))
        QMessageBox.warning(
            self,
            self.tr("Cannot attach evidence"),
            self.tr("{error}\n\nNothing was attached.").format(error=error_text(exc)),
        )

    def _on_attach_triggered(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), str(Path.home()), self.tr("All files (*)")
        )
        self.attach_files([Path(n) for n in names])

    def paste_from_clipboard(self) -> None:
        """Attach the picture on the clipboard, or the files copied there."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            self.attach_image(QGuiApplication.clipboard().image(), _timestamped("screenshot"))
            return
        files = local_files(mime) if mime is not None and mime.hasUrls() else []
        if files:
            self.attach_files(files)
            return
        QMessageBox.warning(
            self,
            self.tr("Nothing to paste"),
            self.tr("The clipboard holds no picture and no files.\n\n{hint}").format(
                hint=screenshot_hint()
            ),
        )

    def _on_capture_triggered(self) -> None:
        window = self.window()
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.capture_screen()
            return
        # One screen: the window would hide the share, so it steps aside for the grab.
        previous = window.windowState()
        window.showMinimized()

        def grab_and_restore() -> None:
            self.capture_screen()
            window.setWindowState(previous)
            window.activateWindow()

        QTimer.singleShot(_CAPTURE_DELAY_MS, self, grab_and_restore)

    def capture_screen(self) -> None:
        """Grab the screen that shows the share (the other one when there are two) and attach it."""
        own = self.screen()
        others = [s for s in QGuiApplication.screens() if s is not own]
        screen = others[0] if others else own or QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage()
        if image.isNull() or image.width() == 0 or is_uniform(image):
            QMessageBox.warning(
                self,
                self.tr("The screen could not be captured"),
                self.tr(
                    "This system did not let the app read the screen (Wayland and some remote "
                    "desktops refuse).\n\n{hint} Then use Paste screenshot (Ctrl+Shift+V)."
                ).format(hint=screenshot_hint()),
            )
            return
        self.attach_image(image, _timestamped("screen"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged files and pictures."""
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting while the drag moves over the panel."""
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Attach what was dropped."""
        mime = event.mimeData()
        if not self._droppable(mime):
            return
        event.acceptProposedAction()
        files = local_files(mime)
        if files:
            self.attach_files(files)
        else:
            self.attach_image(QImage(mime.imageData()), _timestamped("dropped"))

    def _droppable(self, mime: QMimeData | None) -> bool:
        if not self.can_attach():
            return False
        return mime is not None and (bool(local_files(mime)) or mime.hasImage())

    # Using evidence ---------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open a copy of the selected evidence, under its own name, in the system's viewer."""
        record = self.selected()
        if record is None:
            return
        if self._open_copies is None:
            sweep_stale_copies()
            self._open_copies = scratch.PrivateFolder("evidence")
        folder = self._open_copies.path / record.id
        ctx = self._ctx

        def copy() -> Path:
            content = ctx.store.blobs.read_bytes(record.sha256)
            folder.mkdir(exist_ok=True)
            target = folder / (_UNSAFE_NAME.sub("_", Path(record.filename).name) or "evidence")
            target.write_bytes(content)
            return target

        def show(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                QMessageBox.warning(
                    self,
                    self.tr("Cannot open the evidence"),
                    self.tr("No program opened {file}.").format(file=path.name),
                )

        self._runner.run(copy, show, self._on_open_failed)

    def _on_open_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Cannot open the evidence"), error_text(exc))

    def _on_copy_hash_triggered(self) -> None:
        record = self.selected()
        if record is not None:
            QGuiApplication.clipboard().setText(record.sha256)
            self.status.setText(self.tr("SHA-256 of {file} copied.").format(file=record.filename))

    def remove_selected(self) -> None:
        """Detach the selected evidence once the user confirms."""
        record = self.selected()
        if record is None or self._locked:
            return
        if record.criterion:
            question = self.tr(
                "Remove {file} from criterion {criterion}?\n\nThe audit trail keeps a record of it."
            ).format(file=record.filename, criterion=record.criterion)
        else:
            question = self.tr(
                "Remove {file} from the whole validation?\n\nThe audit trail keeps a record of it."
            ).format(file=record.filename)
        answer = QMessageBox.question(self, self.tr("Remove evidence"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def removed(_none: None) -> None:
            self.status.setText(self.tr("Removed {file}.").format(file=record.filename))
            self.reload()
            self.evidence_changed.emit()
            if self._undoable is not None:
                self._undoable(
                    self.tr("Remove {file}").format(file=record.filename),
                    lambda: self.restore(record),
                    lambda: self._remove_again(record),
                )

        self._runner.run(
            lambda: self._session.remove_evidence(record.id), removed, self._on_remove_failed
        )

    def route_undo(
        self, undoable: Callable[[str, Callable[[], None], Callable[[], None]], None]
    ) -> None:
        """Put a removal on the workspace's undo stack (text, undo, redo): Ctrl+Z attaches
        the evidence again."""
        self._undoable = undoable

    def restore(self, record: EvidenceRecord) -> None:
        """Attach again evidence removed before (an undo); refused if the same content was
        attached to its criterion again meanwhile."""

        def restored(_record: EvidenceRecord) -> None:
            self.status.setText(self.tr("{file} attached again.").format(file=record.filename))
            self.reload()
            self.evidence_changed.emit()

        def failed(exc: Exception) -> None:
            self.status.setText(
                self.tr("{file} not attached again: {error}").format(
                    file=record.filename, error=error_text(exc)
                )
            )

        self._runner.run(lambda: self._session.restore_evidence(record.id), restored, failed)

    def _remove_again(self, record: EvidenceRecord) -> None:
        def removed(_none: None) -> None:
            self.reload()
            self.evidence_changed.emit()

        self._runner.run(
            lambda: self._session.remove_evidence(record.id), removed, self._on_remove_failed
        )

    def _on_remove_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Cannot remove the evidence"), error_text(exc))
