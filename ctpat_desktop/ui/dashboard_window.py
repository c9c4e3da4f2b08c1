"""The MSC performance dashboard: filters, key figures, tables, chart, flags and exports."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.dashboard import dashboard, export_dashboard
from ctpat_desktop.ui.category_bars import CategoryBars
from ctpat_desktop.ui.date_filter import chosen_day, date_filter
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner

KEY_FIGURES = (
    ("validations", "Validations"),
    ("findings_reviewed", "Findings reviewed"),
    ("deficiencies", "Deficiencies"),
    ("required_actions", "Required actions"),
    ("recommendations", "Recommendations"),
    ("deficiencies_per_validation", "Deficiencies per validation"),
    ("share_without_deficiencies", "Validations with none (%)"),
)


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DashboardWindow(QWidget):
    """Figures for the chosen filters, computed in the background and shown together."""

    def __init__(self, ctx: AppContext, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ctx = ctx
        self._runner = runner
        self.figures: dict[str, Any] | None = None
        self.setWindowTitle("MSC Performance Dashboard")
        self.resize(1050, 720)

        self.start = date_filter("From")
        self.end = date_filter("To")
        self.entity = QComboBox()
        self.entity.setAccessibleName("Entity type")
        self.entity.addItem("All entity types", None)
        for code in ctx.catalogs.entities():
            self.entity.addItem(code, code)
        self.mode = QComboBox()
        self.mode.setAccessibleName("Validation mode")
        for caption, mode in (
            ("All modes", None),
            ("Virtual", "virtual"),
            ("In person", "in-person"),
            ("Hybrid", "hybrid"),
        ):
            self.mode.addItem(caption, mode)
        self.office = QLineEdit()
        self.office.setPlaceholderText("any office")
        self.office.setAccessibleName("Office")
        self.scss = QLineEdit()
        self.scss.setPlaceholderText("any SCSS")
        self.scss.setAccessibleName("SCSS")
        for edit in (self.office, self.scss):
            edit.setMinimumWidth(110)
        self.apply = QPushButton("&Show")
        self.apply.clicked.connect(self.refresh)
        self.export_pdf = QPushButton("Export &PDF…")
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_xlsx = QPushButton("Export E&xcel…")
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))

        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._key_figures())
        layout.addWidget(self._build_tabs())
        self.status = QLabel("")
        layout.addWidget(self.status)

    def _filter_bar(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        for label, widget in (
            ("From", self.start),
            ("To", self.end),
            ("Entity", self.entity),
            ("Mode", self.mode),
            ("Office", self.office),
            ("SCSS", self.scss),
        ):
            caption = QLabel(f"{label}:")
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.apply)
        filters.addStretch()
        filters.addWidget(self.export_pdf)
        filters.addWidget(self.export_xlsx)
        return filters

    def _key_figures(self) -> QGridLayout:
        self.key_values: dict[str, QLabel] = {}
        keys = QGridLayout()
        for i, (key, label) in enumerate(KEY_FIGURES):
            value = QLabel("–")
            value.setAccessibleName(label)
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            self.key_values[key] = value
            keys.addWidget(value, 0, i)
            keys.addWidget(QLabel(label), 1, i)
        return keys

    def _build_tabs(self) -> QTabWidget:
        self.categories = RowsModel(["Category", "Name", "Deficiencies", "Percent"], self)
        self.bars = CategoryBars()
        self.top_counts = RowsModel(
            ["Criterion", "Title", "Deficiencies", "Reviewed", "Rate"], self
        )
        self.top_rates = RowsModel(["Criterion", "Title", "Deficiencies", "Reviewed", "Rate"], self)
        self.reasons = RowsModel(["Reason", "Deficiencies", "Percent"], self)
        self.reasons_by_category = RowsModel(["Category", "Reason", "Count", "Percent"], self)
        self.modes = RowsModel(["Mode", "Validations", "Deficiencies", "Per validation"], self)
        self.mode_categories = RowsModel(["Category", "Virtual", "In person", "Hybrid"], self)
        self.trend = RowsModel(["Quarter", "Validations", "Deficiencies", "Per validation"], self)
        self.verdicts = QLabel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.anomalies = QListWidget()
        self.anomalies.setAccessibleName("Anomaly flags")

        category_page = QWidget()
        category_layout = QVBoxLayout(category_page)
        category_layout.addWidget(self.bars)
        category_layout.addWidget(_table(self.categories, "Deficiencies by category"))
        criteria_page = QWidget()
        criteria_layout = QVBoxLayout(criteria_page)
        criteria_layout.addWidget(QLabel("Most deficiencies"))
        criteria_layout.addWidget(_table(self.top_counts, "Top criteria by deficiencies"))
        criteria_layout.addWidget(QLabel("Highest deficiency rate (reviewed at least 5 times)"))
        criteria_layout.addWidget(_table(self.top_rates, "Top criteria by rate"))
        reasons_page = QWidget()
        reasons_layout = QVBoxLayout(reasons_page)
        reasons_layout.addWidget(_table(self.reasons, "Deficiency reasons"))
        reasons_layout.addWidget(_table(self.reasons_by_category, "Reasons by category"))
        modes_page = QWidget()
        modes_layout = QVBoxLayout(modes_page)
        modes_layout.addWidget(_table(self.modes, "Deficiencies by mode"))
        modes_layout.addWidget(QLabel("Deficiencies per validation, by category"))
        modes_layout.addWidget(_table(self.mode_categories, "Deficiencies per validation by mode"))
        modes_layout.addWidget(self.verdicts)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Dashboard pages")
        self.tabs.tabBar().setAccessibleName("Dashboard page tabs")
        self.tabs.addTab(self._scrolling(category_page, "By category"), "By &category")
        self.tabs.addTab(criteria_page, "Top c&riteria")
        self.tabs.addTab(reasons_page, "R&easons")
        self.tabs.addTab(modes_page, "&Virtual vs in-person")
        self.tabs.addTab(_table(self.trend, "Trend by quarter"), "&Trend")
        self.tabs.addTab(self.anomalies, "&Anomaly flags")
        return self.tabs

    def _scrolling(self, page: QWidget, name: str) -> QScrollArea:
        area = QScrollArea()
        area.setAccessibleName(name)
        area.setWidgetResizable(True)
        area.setWidget(page)
        return area

    def filters(self) -> dict[str, str | None]:
        """The filters as the dashboard service takes them."""

        def day(edit: QDateEdit) -> str | None:
            picked = chosen_day(edit)
            return picked.isoformat() if picked else None

        return {
            "start": day(self.start),
            "end": day(self.end),
            "entity": self.entity.currentData(),
            "mode": self.mode.currentData(),
            "office": self.office.text().strip() or None,
            "scss": self.scss.text().strip() or None,
        }

    def refresh(self) -> None:
        """Compute the figures for the current filters off the GUI thread."""
        chosen = self.filters()
        self.apply.setEnabled(False)
        self.status.setText("Computing…")
        self._runner.run(lambda: dashboard(self._ctx, **chosen), self.show_figures, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.apply.setEnabled(True)
        self.status.setText("")
        QMessageBox.critical(self, "Cannot compute the dashboard", str(exc))

    def show_figures(self, figures: dict[str, Any]) -> None:
        """Fill every view from one result of the dashboard service."""
        self.figures = figures
        for key, label in self.key_values.items():
            value = figures[key]
            label.setText(f"{value:.2f}" if isinstance(value, float) else str(value))
        rows = figures["by_category"]
        self.categories.set_rows(
            [(r["category"], r["name"], r["count"], r["percent"]) for r in rows]
        )
        self.bars.set_rows(
            [(f"{r['category']}. {r['name']}", r["count"], r["percent"]) for r in rows]
        )
        for model, key in ((self.top_counts, "top_criteria"), (self.top_rates, "top_rates")):
            model.set_rows(
                [
                    (r["criterion"], r["title"], r["count"], r["reviewed"], f"{r['rate']:.1%}")
                    for r in figures[key]
                ]
            )
        self.reasons.set_rows(
            [(r["label"], r["count"], r["percent"]) for r in figures["by_reason"]]
        )
        self.reasons_by_category.set_rows(
            [
                (f"{c['category']}. {c['name']}", r["label"], r["count"], r["percent"])
                for c in figures["reasons_by_category"]
                for r in c["reasons"]
            ]
        )
        self.modes.set_rows(
            [
                (mode, m["validations"], m["deficiencies"], m["per_validation"])
                for mode, m in figures["by_mode"].items()
            ]
        )
        by_mode = figures["by_mode"]
        self.mode_categories.set_rows(
            [
                (
                    f"{r['category']}. {r['name']}",
                    *(
                        by_mode[m]["by_category"][str(r["category"])] if m in by_mode else "–"
                        for m in ("virtual", "in-person", "hybrid")
                    ),
                )
                for r in figures["by_category"]
            ]
        )
        self.verdicts.setText("\n\n".join(r["verdict"] for r in figures["mode_comparison"]))
        self.trend.set_rows(
            [
                (t["quarter"], t["validations"], t["deficiencies"], t["per_validation"])
                for t in figures["trend"]
            ]
        )
        self.anomalies.clear()
        for flag in figures["anomalies"]:
            for reason in flag["reasons"]:
                self.anomalies.addItem(
                    f"{flag['date']}  {flag['member']} ({flag['entity']}): {reason}"
                )
        if not figures["anomalies"]:
            self.anomalies.addItem("No validation was flagged.")
        self.apply.setEnabled(True)
        self.status.setText(
            f"{figures['validations']} validations, computed {figures['generated_at']}"
        )

    def _export(self, kind: str) -> None:
        if self.figures is None:
            return
        suffix, description = {"pdf": ("pdf", "PDF (*.pdf)"), "xlsx": ("xlsx", "Excel (*.xlsx)")}[
            kind
        ]
        name, _ = QFileDialog.getSaveFileName(
            self, "Export dashboard", str(Path.home() / f"dashboard.{suffix}"), description
        )
        if not name:
            return
        target, figures = Path(name), self.figures
        self.status.setText(f"Writing {target.name}…")
        self._runner.run(
            lambda: export_dashboard(
                figures,
                pdf=target if kind == "pdf" else None,
                xlsx=target if kind == "xlsx" else None,
            ),
            lambda _none: self.status.setText(f"Dashboard written to {target}"),
            self._failed,
        )
