"""The main window: the list of validations, searchable and sortable."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop import __version__
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services.validations import list_validations
from ctpat_desktop.ui.validation_list_model import ValidationListModel


class MainWindow(QMainWindow):
    """Lists the validations of the data folder."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setWindowTitle("CTPAT Validations")
        self.resize(1100, 600)

        self.model = ValidationListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ValidationListModel.SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(placeholderText="Search member, account, entity type…")
        self.search.setAccessibleName("Search validations")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setAccessibleName("Validations")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.empty_hint = QLabel(
            "No validations yet. Plan one with `ctpat-desktop validation new`, "
            "or create samples with `ctpat-desktop demo`."
        )
        self.empty_hint.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_hint)
        self.setCentralWidget(body)
        self._build_menus()
        self.refresh()

    def _build_menus(self) -> None:
        refresh = QAction("&Refresh", self, shortcut=QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        find = QAction("&Find", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.search.setFocus)
        about = QAction("&About", self)
        about.triggered.connect(self._on_about_triggered)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([refresh, find])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.menuBar().addMenu("&Help").addAction(about)

    def refresh(self) -> None:
        """Reload the validations from the store."""
        try:
            summaries = list_validations(self._ctx)
        except CtpatError as exc:
            QMessageBox.critical(self, "Cannot read the validations", str(exc))
            return
        self.model.set_summaries(summaries)
        self.empty_hint.setVisible(not summaries)
        self.statusBar().showMessage(f"{len(summaries)} validations in {self._ctx.data_dir}")

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            "About ctpat-desktop",
            f"ctpat-desktop {__version__}\nCTPAT validations, offline first.",
        )
