"""Preview of a report draft (QtPdf), from which it can be signed and issued."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ReportWindow(QWidget):
    """Shows one PDF; asks its owner to sign when the user says so."""

    sign_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Report preview"))
        self.resize(820, 900)
        self.document = QPdfDocument(self)
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

    def show_pdf(self, path: Path, caption: str, can_sign: bool) -> bool:
        """Load a PDF; False when it cannot be read."""
        self.document.close()
        loaded = self.document.load(str(path)) == QPdfDocument.Error.None_
        self.caption.setText(
            caption if loaded else self.tr("{path} cannot be shown").format(path=path)
        )
        self.sign.setEnabled(loaded and can_sign)
        return loaded
