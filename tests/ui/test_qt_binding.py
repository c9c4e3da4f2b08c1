"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None on every void call,
which aborts Python 3.11 ("none_dealloc") after a few thousand calls. Never again."""

import sys

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(True)
        app.processEvents()
    assert sys.getrefcount(None) - before > -100  # 6.12.0 gives -1000
