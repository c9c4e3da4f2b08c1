"""The backlog window: the members due for (re)validation that the hub lists for this user,
by risk, each risk explained in words, with whether their office would validate them
virtually; exported to Excel. The hub computes it (GET /v1/backlog); this window reads it
on the background runner and never blocks. Every word of it is said in the window's
language: the hub sends each reason with its English template and values (ctpat_desktop/said.py
said(); the anomaly flags within it each in turn), whose translations are the core's messages
(ui/core_messages.py)."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.hub.backlog_rules import why_not_virtual
from ctpat_desktop.said import Speaker
from ctpat_desktop.services.approval import hub_role
from ctpat_desktop.services.backlog import fetch_backlog
from ctpat_desktop.services.backlog_xlsx import write_backlog_xlsx
from ctpat_desktop.ui.i18n import error_text, shown_categories, window_speaker
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner


class BacklogWindow(QWidget):
    """The hub's backlog for this laptop's hub user, with an Excel export."""

    def __init__(self, ctx: AppContext, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ctx = ctx
        self._runner = runner
        self.backlog: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Validation backlog"))
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width()), min(640, screen.height()))

        self.office = QLineEdit()
        self.office.setPlaceholderText(self.tr("every office"))
        self.office.setAccessibleName(self.tr("Office"))
        self.office.setVisible(hub_role(ctx) == "admin")  # others see their own office only
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.clicked.connect(self.refresh)
        self.export_xlsx = QPushButton(self.tr("Export E&xcel…"))
        self.export_xlsx.setEnabled(False)
        self.export_xlsx.clicked.connect(self._on_export_xlsx_clicked)
        self.summary = QLabel(self.tr("Ask the hub with Show."))
        self.summary.setWordWrap(True)
        self._build_table()
        self._build_layout()

    def _build_table(self) -> None:
        self.model = RowsModel(
            [
                self.tr("Risk"),
                self.tr("Member"),
                self.tr("Entity type"),
                self.tr("Office"),
                self.tr("Standing"),
                self.tr("Due"),
                self.tr("Last validated"),
                self.tr("Virtual"),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RowsModel.SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Members due for validation"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the riskiest first
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Why this member is listed"))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        office_caption = QLabel(self.tr("Office:"))
        office_caption.setBuddy(self.office)
        office_caption.setVisible(self.office.isVisible())
        top.addWidget(office_caption)
        top.addWidget(self.office)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def speaker(self) -> Speaker:
        """The backlog's words in the windows' language (its anomaly flags name categories)."""
        return window_speaker(shown_categories(self._ctx.catalogs.categories))

    def refresh(self) -> None:
        """Ask the hub for the backlog, off the GUI thread."""
        office = self.office.text().strip() or None
        self.show_button.setEnabled(False)
        self.summary.setText(self.tr("Asking the hub…"))
        self._runner.run(
            lambda: fetch_backlog(self._ctx, office), self.show_backlog, self._on_hub_failed
        )

    def _on_hub_failed(self, exc: Exception) -> None:
        """One line; the list shown stays."""
        self.show_button.setEnabled(True)
        self.summary.setText(
            self.tr("No backlog from the hub: {reason}").format(reason=error_text(exc))
        )

    def show_backlog(self, backlog: dict[str, Any]) -> None:
        """Show a backlog the hub sent."""
        self.backlog = backlog
        self.show_button.setEnabled(True)
        self.export_xlsx.setEnabled(True)
        counts = backlog["counts"]
        self.summary.setText(
            self.tr(
                "{members} members due by {until} ({overdue} overdue, {never} never validated); "
                "{virtual} eligible for a virtual validation. Revalidation every {years} years."
            ).format(
                members=counts["members"],
                until=backlog["until"],
                overdue=counts["overdue"],
                never=counts["never_validated"],
                virtual=counts["virtual_eligible"],
                years=backlog["cycle_years"],
            )
        )
        yes, no = self.tr("eligible"), self.tr("in person")
        speaker = self.speaker()
        self.model.set_rows(
            [
                (
                    m["risk"]["score"],
                    m["member"],
                    speaker.entity(m["entity_name"]),
                    m["office"],
                    speaker.text(m["standing"]),
                    m["due"] or "",
                    (m["last_validation"] or {}).get("date", ""),
                    yes if m["virtual"]["eligible"] else no,
                )
                for m in backlog["members"]
            ]
        )
        self.details.clear()
        if backlog["members"]:
            self.table.selectRow(0)

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self.backlog is None:
            return
        row = self.proxy.mapToSource(indexes[0]).row()
        self.details.setPlainText(self.explain(self.backlog["members"][row]))

    def explain(self, member: dict[str, Any]) -> str:
        """Why a member is listed, the points of each factor, and the virtual verdict."""
        lines = [
            self.tr("{member} ({account}): risk {score}").format(
                member=member["member"], account=member["account"], score=member["risk"]["score"]
            )
        ]
        speaker = self.speaker()
        lines += [f"  +{f['points']}  {speaker.said(f)}" for f in member["risk"]["factors"]]
        if member["virtual"]["eligible"]:
            lines.append(self.tr("Eligible for a virtual validation under the office's rules."))
        else:
            lines.append(self.tr("Validate in person:"))
            lines += [f"  - {speaker.said(reason)}" for reason in why_not_virtual(member)]
        if member["planned"]:
            lines.append(self.tr("Planned for {date}.").format(date=member["planned"]))
        return "\n".join(lines)

    def _on_export_xlsx_clicked(self) -> None:
        if self.backlog is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export backlog"),
            str(Path.home() / "backlog.xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        """Write the backlog shown to an Excel workbook in the window's language, on the
        runner (QCoreApplication.translate may be called from any thread)."""
        backlog = self.backlog
        if backlog is None:
            return
        self.summary.setText(self.tr("Writing {file}…").format(file=target.name))
        speaker = self.speaker()
        self._runner.run(
            lambda: write_backlog_xlsx(backlog, target, speaker),
            lambda _none: self.summary.setText(
                self.tr("Backlog written to {path}").format(path=target)
            ),
            lambda exc: self.summary.setText(error_text(exc)),
        )
