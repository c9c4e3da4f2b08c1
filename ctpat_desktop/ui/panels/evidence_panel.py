"""The evidence panel: attach, paste, capture, drop, open and remove evidence with its SHA-256."""

import os
import re
import tempfile
from collections.abc import Sequence
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
    QListView,
    QMessageBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError, NotFoundError, StoreError
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import EvidenceRecord
from ctpat_desktop.ui.i18n import shown_text, translate
from ctpat_desktop.ui.panels.base import SidePanel
from ctpat_desktop.ui.runner import Runner

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


class EvidenceListModel(QAbstractListModel):
    """The evidence of a validation, one row each, with thumbnails once they are made."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    Sha256Role = Qt.ItemDataRole.UserRole + 2
    CriterionRole = Qt.ItemDataRole.UserRole + 3
    FileNameRole = Qt.ItemDataRole.UserRole + 4
    CapturedAtRole = Qt.ItemDataRole.UserRole + 5

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
        values: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: (
                f"{r.filename}\n{where} · {when} · {size_text(r.size)}\nSHA-256 {r.sha256[:12]}…"
            ),
            Qt.ItemDataRole.ToolTipRole: (
                f"{r.filename}\n{where}\n{captured}\n"
                f"{r.media_type}, {size_text(r.size)}\nSHA-256 {r.sha256}"
            ),
            Qt.ItemDataRole.AccessibleTextRole: self.tr("{file}, {place}, captured {when}").format(
                file=r.filename, place=where, when=when
            ),
            Qt.ItemDataRole.DecorationRole: self._thumbnails.get(r.sha256, self._placeholder),
            self.IdRole: r.id,
            self.Sha256Role: r.sha256,
            self.CriterionRole: r.criterion or "",
            self.FileNameRole: r.filename,
            self.CapturedAtRole: r.captured_at,
        }
        return values.get(role)


class EvidenceFilter(QSortFilterProxyModel):
    """The current criterion's evidence first (or only), newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._criterion: str | None = None
        self._only_current = False

    def set_criterion(self, criterion_id: str | None) -> None:
        """The criterion whose evidence comes first."""
        self._criterion = criterion_id
        self.invalidate()

    def set_only_current(self, only: bool) -> None:
        """Show only the current criterion's evidence (the whole validation's when none)."""
        self._only_current = only
        self.invalidate()

    def _is_current(self, index: _Index) -> bool:
        return bool(index.data(EvidenceListModel.CriterionRole) == (self._criterion or ""))

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
        self._select_after_load: str | None = None
        self._requested: set[str] = set()
        self._open_copies: tempfile.TemporaryDirectory[str] | None = None
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
            self.tr("Screenshots and files attached; Ctrl+Shift+V pastes a screenshot")
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
                "Attach file. {hint}"
            ).format(hint=screenshot_hint())
        )
        self.empty_hint.setWordWrap(True)

        self.details = QLabel()
        self.details.setAccessibleName(self.tr("Details of the selected evidence"))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label = QLabel()
        self.hash_label.setAccessibleName(self.tr("SHA-256 of the selected evidence"))
        self.hash_label.setWordWrap(True)
        self.hash_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self._build_actions()
        self._build_layout()
        self.list.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self.set_criterion(None)
        self.reload()

    def _build_actions(self) -> None:
        def action(text: str, tip: str, slot: Any, shortcut: str | None = None) -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                self.addAction(made)
            return made

        self.attach_action = action(
            self.tr("Attach file…"), self.tr("Choose files to attach"), self._on_attach_triggered
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
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.remove_action)

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
        layout.addLayout(
            self._button_row([self.attach_action, self.paste_action, self.capture_action])
        )
        layout.addWidget(self.only_current)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.details)
        layout.addWidget(self.hash_label)
        layout.addLayout(
            self._button_row([self.open_action, self.copy_hash_action, self.remove_action])
        )
        layout.addWidget(self.status)

    # The current criterion and the list -------------------------------------------------

    def set_criterion(self, criterion_id: str | None) -> None:
        """New evidence attaches to this criterion (None: to the whole validation)."""
        criterion = self._session.catalog.get(criterion_id) if criterion_id else None
        self._criterion = criterion.id if criterion else None
        self.proxy.set_criterion(self._criterion)
        self._update_selection()
        if criterion is None:
            self.target.setText(self.tr("New evidence attaches to the <b>whole validation</b>."))
        else:
            self.target.setText(
                self.tr("New evidence attaches to <b>{criterion}</b> {title}.").format(
                    criterion=criterion.id, title=escape(shown_text(criterion.title))
                )
            )

    def _on_only_current_toggled(self, only: bool) -> None:
        self.proxy.set_only_current(only)
        self._update_selection()

    def reload(self) -> None:
        """Read the evidence again (in the background) and make missing thumbnails."""
        self._runner.run(self._session.evidence, self._on_evidence_loaded, self._on_load_failed)

    def _on_evidence_loaded(self, records: list[EvidenceRecord]) -> None:
        self.model.set_records(records)
        self.empty_hint.setVisible(not records)
        if self._select_after_load is not None:
            self.select_id(self._select_after_load)
            self._select_after_load = None
        self._update_selection()
        for sha256 in self.model.missing_thumbnails():
            if sha256 not in self._requested:
                self._requested.add(sha256)
                self._request_thumbnail(sha256)

    def _on_load_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Cannot read the evidence"), str(exc))

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
        for act in (self.open_action, self.copy_hash_action, self.remove_action):
            act.setEnabled(record is not None)
        self.hash_label.setVisible(record is not None)
        if record is None:
            self.details.setText(self.tr("Select evidence to see its details."))
            self.hash_label.clear()
            return
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

    # Adding evidence --------------------------------------------------------------------

    def attach_files(self, paths: Sequence[Path]) -> None:
        """Attach files to the current criterion: all of them, or none with one message."""
        if not paths:
            return
        session, criterion = self._session, self._criterion
        chosen = list(paths)

        def attach() -> list[EvidenceRecord]:
            _check_readable(chosen)
            attached: list[EvidenceRecord] = []
            try:
                for path in chosen:
                    attached.append(session.attach_evidence(path, criterion))
            except Exception:
                for record in attached:
                    session.remove_evidence(record.id)
                raise
            return attached

        self.status.setText(self.tr("Attaching %n file(s)…", "", len(chosen)))
        self._runner.run(attach, self._on_attached, self._on_attach_failed)

    def attach_image(self, image: QImage, filename: str) -> None:
        """Attach a picture as a PNG file to the current criterion."""
        session, criterion = self._session, self._criterion

        def attach() -> list[EvidenceRecord]:
            return [session.attach_evidence_bytes(png_bytes(image), filename, criterion)]

        self.status.setText(self.tr("Attaching {file}…").format(file=filename))
        self._runner.run(attach, self._on_attached, self._on_attach_failed)

    def _on_attached(self, records: list[EvidenceRecord]) -> None:
        names = ", ".join(r.filename for r in records)
        if self._criterion:
            done = self.tr("Attached {files} to criterion {criterion}.").format(
                files=names, criterion=self._criterion
            )
        else:
            done = self.tr("Attached {files} to the whole validation.").format(files=names)
        self.status.setText(done)
        self._select_after_load = records[-1].id
        self.reload()
        self.evidence_changed.emit()

    def _on_attach_failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("Nothing was attached."))
        QMessageBox.warning(
            self,
            self.tr("Cannot attach evidence"),
            self.tr("{error}\n\nNothing was attached.").format(error=exc),
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
        return mime is not None and (bool(local_files(mime)) or mime.hasImage())

    # Using evidence ---------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open a copy of the selected evidence, under its own name, in the system's viewer."""
        record = self.selected()
        if record is None:
            return
        if self._open_copies is None:
            self._open_copies = tempfile.TemporaryDirectory(
                prefix="ctpat-evidence-", ignore_cleanup_errors=True
            )
        folder = Path(self._open_copies.name) / record.id
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
        QMessageBox.warning(self, self.tr("Cannot open the evidence"), str(exc))

    def _on_copy_hash_triggered(self) -> None:
        record = self.selected()
        if record is not None:
            QGuiApplication.clipboard().setText(record.sha256)
            self.status.setText(self.tr("SHA-256 of {file} copied.").format(file=record.filename))

    def remove_selected(self) -> None:
        """Detach the selected evidence once the user confirms."""
        record = self.selected()
        if record is None:
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

        self._runner.run(
            lambda: self._session.remove_evidence(record.id), removed, self._on_remove_failed
        )

    def _on_remove_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Cannot remove the evidence"), str(exc))
