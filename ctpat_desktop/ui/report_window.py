"""Preview of a report draft (QtPdf), from which it can be signed and issued."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# A page's width at a readable size, and as tall as the screen allows.
PREFERRED = QSize(820, 900)
# Of the screen's free area: room left for the window frame and the rest of the desktop.
SCREEN_SHARE = 0.9


def fitted_size(available: QRect) -> QSize:
    """The preview's size on a screen with this free area (no taller or wider than it)."""
    return QSize(
        min(PREFERRED.width(), int(available.width() * SCREEN_SHARE)),
        min(PREFERRED.height(), int(available.height() * SCREEN_SHARE)),
    )


class ReportWindow(QWidget):
    """Shows one PDF; asks its owner to sign when the user says so."""

    sign_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Report preview"))
        screen = (parent.screen() if parent is not None else None) or self.screen()
        self.resize(fitted_size(screen.availableGeometry()))
        self.document = QPdfDocument(self)
        self.content = b""  # the PDF shown
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Report pages"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.caption = QLabel("")
        self.sign = QPushButton(self.tr("&Sign and issue…"))
        self.sign.clicked.connect(self.sign_requested.emit)
        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        bar.addStretch()
        bar.addWidget(self.sign)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def show_pdf(self, content: bytes, caption: str, can_sign: bool) -> bool:
        """Show a PDF held in memory (a draft is never left on disk); False when it
        cannot be read."""
        self.document.close()
        self.content = content
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        loaded = self.document.status() == QPdfDocument.Status.Ready
        self.caption.setText(caption if loaded else self.tr("The report cannot be shown"))
        self.sign.setEnabled(loaded and can_sign)
        return loaded
