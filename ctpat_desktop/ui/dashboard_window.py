"""The MSC performance dashboard: filters, key figures, tables, chart, flags and exports."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
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
from ctpat_desktop.ui.i18n import catalog_words, mode_label, shown_text, table_word, translate
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.worksheet import Mode

KEY_FIGURES = (
    ("validations", QT_TRANSLATE_NOOP("DashboardWindow", "Validations")),
    ("findings_reviewed", QT_TRANSLATE_NOOP("DashboardWindow", "Findings reviewed")),
    ("deficiencies", QT_TRANSLATE_NOOP("DashboardWindow", "Deficiencies")),
    ("required_actions", QT_TRANSLATE_NOOP("DashboardWindow", "Required actions")),
    ("recommendations", QT_TRANSLATE_NOOP("DashboardWindow", "Recommendations")),
    (
        "deficiencies_per_validation",
        QT_TRANSLATE_NOOP("DashboardWindow", "Deficiencies per validation"),
    ),
    (
        "share_without_deficiencies",
        QT_TRANSLATE_NOOP("DashboardWindow", "Validations with none (%)"),
    ),
)


def mode_words(mode: str) -> str:
    """A mode of the figures ("in-person") in words; an unknown one as it is."""
    try:
        return mode_label(Mode(mode))
    except ValueError:
        return mode


# A mode as the adjective of "… validations" in the comparison's sentences.
_MODE_ADJECTIVES = {
    "virtual": QT_TRANSLATE_NOOP("DashboardWindow", "virtual"),
    "in-person": QT_TRANSLATE_NOOP("DashboardWindow", "in-person"),
    "hybrid": QT_TRANSLATE_NOOP("DashboardWindow", "hybrid"),
}


def _mode_adjective(mode: str) -> str:
    return table_word("DashboardWindow", _MODE_ADJECTIVES, mode) or mode


def _signed(locale: QLocale, value: float) -> str:
    """A number with its sign, two decimals ("+0.42", "-1.10")."""
    return ("+" if value >= 0 else "") + locale.toString(value, "f", 2)


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
        self.setWindowTitle(self.tr("MSC Performance Dashboard"))
        self.resize(1050, 720)

        self.start = date_filter(self.tr("From"))
        self.end = date_filter(self.tr("To"))
        self.entity = QComboBox()
        self.entity.setAccessibleName(self.tr("Entity type"))
        self.entity.addItem(self.tr("All entity types"), None)
        entities = [(shown_text(name), code) for code, name in ctx.catalogs.names()]
        for name, code in sorted(entities):
            self.entity.addItem(name, code)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Validation mode"))
        self.mode.addItem(self.tr("All modes"), None)
        for mode in (Mode.VIRTUAL, Mode.IN_PERSON, Mode.HYBRID):
            self.mode.addItem(mode_label(mode), mode.value)
        self.catalog_version = QComboBox()
        self.catalog_version.setAccessibleName(self.tr("MSC catalog version"))
        self.catalog_version.addItem(self.tr("All versions"), None)
        versions = {v for code in ctx.catalogs.entities() for v in ctx.catalogs.version_names(code)}
        for version in sorted(versions):
            self.catalog_version.addItem(version, version)
        self.office = QLineEdit()
        self.office.setPlaceholderText(self.tr("any office"))
        self.office.setAccessibleName(self.tr("Office"))
        self.scss = QLineEdit()
        self.scss.setPlaceholderText(self.tr("any SCSS"))
        self.scss.setAccessibleName(self.tr("SCSS"))
        for edit in (self.office, self.scss):
            edit.setMinimumWidth(110)
        self.apply = QPushButton(self.tr("&Show"))
        self.apply.clicked.connect(self.refresh)
        self.export_pdf = QPushButton(self.tr("Export &PDF…"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_xlsx = QPushButton(self.tr("Export E&xcel…"))
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
            (self.tr("From:"), self.start),
            (self.tr("To:"), self.end),
            (self.tr("Entity:"), self.entity),
            (self.tr("Mode:"), self.mode),
            (self.tr("MSC:"), self.catalog_version),
            (self.tr("Office:"), self.office),
            (self.tr("SCSS:"), self.scss),
        ):
            caption = QLabel(label)
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
        for i, (key, source) in enumerate(KEY_FIGURES):
            label = translate("DashboardWindow", str(source))
            value = QLabel("–")
            value.setAccessibleName(label)
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            self.key_values[key] = value
            keys.addWidget(value, 0, i)
            keys.addWidget(QLabel(label), 1, i)
        return keys

    def _build_tabs(self) -> QTabWidget:
        category, criterion, title = self.tr("Category"), self.tr("Criterion"), self.tr("Title")
        deficiencies, reviewed, rate = self.tr("Deficiencies"), self.tr("Reviewed"), self.tr("Rate")
        percent, reason = self.tr("Percent"), self.tr("Reason")
        validations, per_validation = self.tr("Validations"), self.tr("Per validation")
        self.categories = RowsModel([category, self.tr("Name"), deficiencies, percent], self)
        self.bars = CategoryBars()
        self.top_counts = RowsModel([criterion, title, deficiencies, reviewed, rate], self)
        self.top_rates = RowsModel([criterion, title, deficiencies, reviewed, rate], self)
        self.reasons = RowsModel([reason, deficiencies, percent], self)
        self.reasons_by_category = RowsModel([category, reason, self.tr("Count"), percent], self)
        self.modes = RowsModel([self.tr("Mode"), validations, deficiencies, per_validation], self)
        self.mode_categories = RowsModel(
            [category, *(mode_label(m) for m in (Mode.VIRTUAL, Mode.IN_PERSON, Mode.HYBRID))],
            self,
        )
        self.trend = RowsModel(
            [self.tr("Quarter"), validations, deficiencies, per_validation], self
        )
        self.verdicts = QLabel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.anomalies = QListWidget()
        self.anomalies.setAccessibleName(self.tr("Anomaly flags"))

        category_page = QWidget()
        category_layout = QVBoxLayout(category_page)
        category_layout.addWidget(self.bars)
        category_layout.addWidget(_table(self.categories, self.tr("Deficiencies by category")))
        criteria_page = QWidget()
        criteria_layout = QVBoxLayout(criteria_page)
        criteria_layout.addWidget(QLabel(self.tr("Most deficiencies")))
        criteria_layout.addWidget(_table(self.top_counts, self.tr("Top criteria by deficiencies")))
        criteria_layout.addWidget(
            QLabel(self.tr("Highest deficiency rate (reviewed at least 5 times)"))
        )
        criteria_layout.addWidget(_table(self.top_rates, self.tr("Top criteria by rate")))
        reasons_page = QWidget()
        reasons_layout = QVBoxLayout(reasons_page)
        reasons_layout.addWidget(_table(self.reasons, self.tr("Deficiency reasons")))
        reasons_layout.addWidget(_table(self.reasons_by_category, self.tr("Reasons by category")))
        modes_page = QWidget()
        modes_layout = QVBoxLayout(modes_page)
        modes_layout.addWidget(_table(self.modes, self.tr("Deficiencies by mode")))
        modes_layout.addWidget(QLabel(self.tr("Deficiencies per validation, by category")))
        modes_layout.addWidget(
            _table(self.mode_categories, self.tr("Deficiencies per validation by mode"))
        )
        modes_layout.addWidget(self.verdicts)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboard pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Dashboard page tabs"))
        self.tabs.addTab(
            self._scrolling(category_page, self.tr("By category")), self.tr("By &category")
        )
        self.tabs.addTab(criteria_page, self.tr("Top c&riteria"))
        self.tabs.addTab(reasons_page, self.tr("R&easons"))
        self.tabs.addTab(modes_page, self.tr("&Virtual vs in-person"))
        self.tabs.addTab(_table(self.trend, self.tr("Trend by quarter")), self.tr("&Trend"))
        self.tabs.addTab(self.anomalies, self.tr("&Anomaly flags"))
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
            "catalog_version": self.catalog_version.currentData(),
        }

    def refresh(self) -> None:
        """Compute the figures for the current filters off the GUI thread."""
        chosen = self.filters()
        self.apply.setEnabled(False)
        self.status.setText(self.tr("Computing…"))
        self._runner.run(lambda: dashboard(self._ctx, **chosen), self.show_figures, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.apply.setEnabled(True)
        self.status.setText("")
        QMessageBox.critical(self, self.tr("Cannot compute the dashboard"), str(exc))

    def verdict(self, row: dict[str, Any], validations: dict[str, int]) -> str:
        """The comparison of a mode with the baseline in words: the service's sentence, in
        the windows' language (validations: how many there are of each mode)."""
        mode, baseline = _mode_adjective(row["mode"]), _mode_adjective(row["baseline"])
        if row["difference"] is None:
            return self.tr(
                "Not enough data to compare {mode} and {baseline} validations: each needs at "
                "least two validations with some variation (now {count} and {baseline_count})."
            ).format(
                mode=mode,
                baseline=baseline,
                count=validations.get(row["mode"], 0),
                baseline_count=validations.get(row["baseline"], 0),
            )
        locale = QLocale()
        difference = float(row["difference"])
        template = (
            self.tr(
                "{Mode} validations found {difference} more deficiencies per validation than "
                "{baseline} ones (95% confidence interval {low} to {high}; p = {p})."
            )
            if difference > 0
            else self.tr(
                "{Mode} validations found {difference} fewer deficiencies per validation than "
                "{baseline} ones (95% confidence interval {low} to {high}; p = {p})."
            )
        )
        numbers = template.format(
            Mode=mode[:1].upper() + mode[1:],
            mode=mode,
            difference=locale.toString(abs(difference), "f", 2),
            baseline=baseline,
            low=_signed(locale, float(row["ci_low"])),
            high=_signed(locale, float(row["ci_high"])),
            p=locale.toString(float(row["p_value"]), "f", 3),
        )
        if float(row["p_value"]) < 0.05:
            return (
                numbers
                + " "
                + self.tr(
                    "A difference this large is unlikely to be chance: compare how the two "
                    "kinds of validation are conducted before relying on either alone."
                )
            )
        return (
            numbers
            + " "
            + self.tr(
                "The data do not show a real difference between {mode} and {baseline} validations."
            ).format(mode=mode, baseline=baseline)
        )

    def show_figures(self, figures: dict[str, Any]) -> None:
        """Fill every view from one result of the dashboard service."""
        self.figures = figures
        for key, label in self.key_values.items():
            value = figures[key]
            label.setText(
                QLocale().toString(value, "f", 2) if isinstance(value, float) else str(value)
            )
        words = catalog_words()  # the service's names are the catalogs' English
        category = {
            c["category"]: words.categories.get(c["category"], c["name"])
            for c in figures["by_category"]
        }
        reason = {c.code: c.label for c in words.translate_reasons(self._ctx.catalogs.reasons)}
        rows = [{**r, "name": category[r["category"]]} for r in figures["by_category"]]
        self.categories.set_rows(
            [(r["category"], r["name"], r["count"], r["percent"]) for r in rows]
        )
        self.bars.set_rows(
            [(f"{r['category']}. {r['name']}", r["count"], r["percent"]) for r in rows]
        )
        for model, key in ((self.top_counts, "top_criteria"), (self.top_rates, "top_rates")):
            model.set_rows(
                [
                    (
                        r["criterion"],
                        words.text(r["title"]),
                        r["count"],
                        r["reviewed"],
                        QLocale().toString(100 * r["rate"], "f", 1) + "%",
                    )
                    for r in figures[key]
                ]
            )
        self.reasons.set_rows(
            [
                (reason.get(r["reason"], r["label"]), r["count"], r["percent"])
                for r in figures["by_reason"]
            ]
        )
        self.reasons_by_category.set_rows(
            [
                (
                    f"{c['category']}. {words.categories.get(c['category'], c['name'])}",
                    reason.get(r["reason"], r["label"]),
                    r["count"],
                    r["percent"],
                )
                for c in figures["reasons_by_category"]
                for r in c["reasons"]
            ]
        )
        self.modes.set_rows(
            [
                (mode_words(mode), m["validations"], m["deficiencies"], m["per_validation"])
                for mode, m in figures["by_mode"].items()
            ]
        )
        by_mode = figures["by_mode"]
        self.mode_categories.set_rows(
            [
                (
                    f"{r['category']}. {category[r['category']]}",
                    *(
                        by_mode[m]["by_category"][str(r["category"])] if m in by_mode else "–"
                        for m in ("virtual", "in-person", "hybrid")
                    ),
                )
                for r in figures["by_category"]
            ]
        )
        validations = {m: int(f["validations"]) for m, f in figures["by_mode"].items()}
        self.verdicts.setText(
            "\n\n".join(self.verdict(r, validations) for r in figures["mode_comparison"])
        )
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
            self.anomalies.addItem(self.tr("No validation was flagged."))
        self.apply.setEnabled(True)
        self.status.setText(
            self.tr("{count} validations, computed {when}").format(
                count=figures["validations"], when=figures["generated_at"]
            )
        )

    def _export(self, kind: str) -> None:
        if self.figures is None:
            return
        suffix, description = {
            "pdf": ("pdf", self.tr("PDF (*.pdf)")),
            "xlsx": ("xlsx", self.tr("Excel (*.xlsx)")),
        }[kind]
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export dashboard"), str(Path.home() / f"dashboard.{suffix}"), description
        )
        if not name:
            return
        target, figures = Path(name), self.figures
        self.status.setText(self.tr("Writing {file}…").format(file=target.name))
        self._runner.run(
            lambda: export_dashboard(
                figures,
                pdf=target if kind == "pdf" else None,
                xlsx=target if kind == "xlsx" else None,
            ),
            lambda _none: self.status.setText(
                self.tr("Dashboard written to {path}").format(path=target)
            ),
            self._failed,
        )
