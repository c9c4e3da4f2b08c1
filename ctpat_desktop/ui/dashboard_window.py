"""The MSC performance dashboard: filters, key figures, tables, charts, flags and exports."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.analytics.anomalies import said_reasons
from ctpat_desktop.analytics.outcomes import COUNTS as OUTCOME_COUNTS
from ctpat_desktop.app import AppContext
from ctpat_desktop.services.approval import hub_role
from ctpat_desktop.services.dashboard import dashboard, export_dashboard, hub_dashboard
from ctpat_desktop.ui.charts import Bar, BarChart
from ctpat_desktop.ui.date_filter import chosen_day, date_filter
from ctpat_desktop.ui.feedback_summary import FeedbackSummary
from ctpat_desktop.ui.flow_layout import FlowLayout
from ctpat_desktop.ui.i18n import (
    catalog_words,
    error_text,
    lifecycle_label,
    local_moment,
    mode_label,
    shown_text,
    table_word,
    translate,
    window_speaker,
)
from ctpat_desktop.ui.mode_metrics_panel import ModeMetricsPanel
from ctpat_desktop.ui.panels.visit_panel import choice_label
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.worksheet import Mode, lifecycle

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


def _percent(value: float) -> str:
    """A percentage with two decimals, as the windows' language writes decimals."""
    return QLocale().toString(value, "f", 2) + "%"


def _share(row: dict[str, Any]) -> str:
    """A count with its share (of the deficiencies, or of the reasons cited): "12 (21.05%)"."""
    return f"{row['count']} ({_percent(row['percent'])})"


def _caption(text: str) -> QLabel:
    """A wrapped line that says how to read the figures below it."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _decimal(value: float) -> str:
    return QLocale().toString(value, "f", 2)


class _WholeTable(QTableView):
    """A table as tall as its rows, inside its page's scroll area: one scroll bar for the
    page, none inside it. Its text column takes the width left and wraps, so the numbers
    stay in view however narrow the window."""

    def __init__(self, model: RowsModel, name: str, text_column: int) -> None:
        super().__init__()
        self.setModel(model)
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.sectionResized.connect(self.updateGeometry)
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().sizeHint().height()
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


def _holding(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    """A plain widget holding a layout, to place as one item (a caption with its field)."""
    widget = QWidget()
    widget.setLayout(layout)
    return widget


def _page(name: str, widgets: list[QWidget]) -> QScrollArea:
    """A dashboard page: its charts and tables one under the other, scrolling as one."""
    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch()
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


class DashboardWindow(QWidget):
    """Figures for the chosen filters, computed in the background and shown together."""

    def __init__(self, ctx: AppContext, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ctx = ctx
        self._runner = runner
        self.figures: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("MSC Performance Dashboard"))
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width()), min(720, screen.height()))

        self._build_filters(ctx)
        self.apply = QPushButton(self.tr("&Show"))
        self.apply.clicked.connect(self.refresh)
        self.export_pdf = QPushButton(self.tr("Export &PDF…"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_xlsx = QPushButton(self.tr("Export E&xcel…"))
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))

        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._key_figures())
        layout.addWidget(self._build_tabs(), 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)  # a long file path wraps rather than widen the window
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_pdf)
        bottom.addWidget(self.export_xlsx)
        layout.addLayout(bottom)

    def _build_filters(self, ctx: AppContext) -> None:
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose validations"))
        self.scope.addItem(self.tr("This laptop"), None)
        self.scope.addItem(self.tr("My office (hub)"), "office")
        if hub_role(ctx) == "admin":  # the hub shows every office to its admins only
            self.scope.addItem(self.tr("National (hub)"), "national")
        self.start = date_filter(self.tr("From"))
        self.end = date_filter(self.tr("To"))
        self.entity = QComboBox()
        self.entity.setAccessibleName(self.tr("Entity type"))
        self.entity.addItem(self.tr("All entity types"), None)
        entities = [(shown_text(name), code) for code, name in ctx.catalogs.names()]
        for name, code in sorted(entities):
            self.entity.addItem(name, code)
        # As wide as a usual name, not the longest (which would widen the filter row); the
        # list shows every name whole, and the tooltip the one chosen.
        self.entity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entity.setMinimumContentsLength(26)
        self.entity.view().setMinimumWidth(self.entity.view().sizeHintForColumn(0) + 24)
        self.entity.setToolTip(self.entity.currentText())
        self.entity.currentTextChanged.connect(self.entity.setToolTip)
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
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("Validation status"))
        self.stage.addItem(self.tr("Every status"), None)
        for stage in lifecycle.COUNTED:  # planned: nothing recorded yet, never counted
            self.stage.addItem(lifecycle_label(stage), stage.value)
        self.office = QLineEdit()
        self.office.setPlaceholderText(self.tr("any office"))
        self.office.setAccessibleName(self.tr("Office"))
        self.scss = QLineEdit()
        self.scss.setPlaceholderText(self.tr("any SCSS"))
        self.scss.setAccessibleName(self.tr("SCSS"))
        for edit in (self.office, self.scss):
            edit.setMinimumWidth(110)

    def _filter_bar(self) -> FlowLayout:
        """The filters, each with its caption, wrapping onto a second row on a narrow screen."""
        filters = FlowLayout()
        for label, widget in (
            (self.tr("Scope:"), self.scope),
            (self.tr("From:"), self.start),
            (self.tr("To:"), self.end),
            (self.tr("Entity:"), self.entity),
            (self.tr("Mode:"), self.mode),
            (self.tr("MSC:"), self.catalog_version),
            (self.tr("Status:"), self.stage),
            (self.tr("Office:"), self.office),
            (self.tr("SCSS:"), self.scss),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            pair = QHBoxLayout()
            pair.setContentsMargins(0, 0, 0, 0)
            pair.addWidget(caption)
            pair.addWidget(widget)
            filters.addWidget(_holding(pair))
        filters.addWidget(self.apply)
        return filters

    def _key_figures(self) -> FlowLayout:
        self.key_values: dict[str, QLabel] = {}
        keys = FlowLayout(across=24)
        for key, source in KEY_FIGURES:
            label = translate("DashboardWindow", str(source))
            value = QLabel("–")
            value.setAccessibleName(label)
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            self.key_values[key] = value
            figure = QVBoxLayout()
            figure.setContentsMargins(0, 0, 0, 0)
            figure.addWidget(value)
            figure.addWidget(QLabel(label))
            keys.addWidget(_holding(figure))
        return keys

    def _build_tabs(self) -> QTabWidget:
        category, criterion, title = self.tr("Category"), self.tr("Criterion"), self.tr("Title")
        deficiencies, reviewed, rate = self.tr("Deficiencies"), self.tr("Reviewed"), self.tr("Rate")
        percent, reason = self.tr("Percent"), self.tr("Reason")
        validations, per_validation = self.tr("Validations"), self.tr("Per validation")
        self.categories = RowsModel([category, self.tr("Name"), deficiencies, percent], self)
        self.top_counts = RowsModel([criterion, title, deficiencies, reviewed, rate], self)
        self.top_rates = RowsModel([criterion, title, deficiencies, reviewed, rate], self)
        # A deficiency may cite several reasons: the shares are of the reasons cited.
        citations = self.tr("Share of citations")
        self.reasons = RowsModel([reason, deficiencies, citations], self)
        self.reasons_by_category = RowsModel(
            [category, reason, self.tr("Count"), self.tr("Share of category")], self
        )
        self.modes = RowsModel([self.tr("Mode"), validations, deficiencies, per_validation], self)
        self.mode_categories = RowsModel(
            [category, *(mode_label(m) for m in (Mode.VIRTUAL, Mode.IN_PERSON, Mode.HYBRID))],
            self,
        )
        self.trend = RowsModel(
            [self.tr("Quarter"), validations, deficiencies, per_validation], self
        )
        self.outcome_modes = RowsModel(
            [
                self.tr("Mode"),
                validations,
                self.tr("Outcome proposed"),
                self.tr("Decided"),
                self.tr("Agreed"),
                self.tr("Changed"),
                self.tr("Proposed, not decided"),
            ],
            self,
        )
        self.outcome_results = RowsModel(
            [self.tr("Result"), self.tr("Proposed"), self.tr("Decided")], self
        )
        self.verdicts = QLabel()
        self.feedback_summary = FeedbackSummary()
        self.mode_metrics = ModeMetricsPanel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.anomalies = QListWidget()
        self.anomalies.setAccessibleName(self.tr("Anomaly flags"))
        self.anomalies.setWordWrap(True)
        self.anomalies.setResizeMode(QListView.ResizeMode.Adjust)
        self.anomalies.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anomalies.setMinimumHeight(120)

        self.bars = BarChart(self.tr("Deficiencies by category chart"))
        self.top_count_bars = BarChart(self.tr("Top criteria by deficiencies chart"))
        self.top_rate_bars = BarChart(self.tr("Top criteria by rate chart"))
        self.reason_bars = BarChart(self.tr("Deficiency reasons chart"))
        self.mode_bars = BarChart(self.tr("Deficiencies per validation by mode chart"))
        self.trend_bars = BarChart(self.tr("Deficiencies per validation by quarter chart"))
        self.outcome_bars = BarChart(self.tr("Results proposed chart"))
        self.anomaly_bars = BarChart(
            self.tr("Anomaly flags by validation chart"), self.tr("No validation was flagged.")
        )

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboard pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Dashboard page tabs"))
        pages: list[tuple[str, str, list[QWidget]]] = [
            (
                self.tr("By category"),
                self.tr("By &category"),
                [self.bars, _WholeTable(self.categories, self.tr("Deficiencies by category"), 1)],
            ),
            (
                self.tr("Top criteria"),
                self.tr("Top c&riteria"),
                [
                    QLabel(self.tr("Most deficiencies")),
                    self.top_count_bars,
                    _WholeTable(self.top_counts, self.tr("Top criteria by deficiencies"), 1),
                    QLabel(self.tr("Highest deficiency rate (reviewed at least 5 times)")),
                    self.top_rate_bars,
                    _WholeTable(self.top_rates, self.tr("Top criteria by rate"), 1),
                ],
            ),
            (
                self.tr("Reasons"),
                self.tr("R&easons"),
                [
                    _caption(
                        self.tr(
                            "The deficiencies citing each reason, and its share of all reasons "
                            "cited (a deficiency may cite more than one)."
                        )
                    ),
                    self.reason_bars,
                    _WholeTable(self.reasons, self.tr("Deficiency reasons"), 0),
                    QLabel(self.tr("Reasons by category")),
                    _WholeTable(self.reasons_by_category, self.tr("Reasons by category"), 0),
                ],
            ),
            (
                self.tr("Virtual vs in-person"),
                self.tr("&Virtual vs in-person"),
                [
                    QLabel(self.tr("Deficiencies per validation, by mode")),
                    self.mode_bars,
                    _WholeTable(self.modes, self.tr("Deficiencies by mode"), 0),
                    self.verdicts,
                    self.feedback_summary,
                    QLabel(self.tr("Deficiencies per validation, by category")),
                    _WholeTable(
                        self.mode_categories, self.tr("Deficiencies per validation by mode"), 0
                    ),
                ],
            ),
            (
                self.tr("Trend"),
                self.tr("&Trend"),
                [
                    QLabel(self.tr("Deficiencies per validation, by quarter")),
                    self.trend_bars,
                    _WholeTable(self.trend, self.tr("Trend by quarter"), 0),
                ],
            ),
            (
                self.tr("Anomaly flags"),
                self.tr("&Anomaly flags"),
                [
                    QLabel(self.tr("Flags per validation")),
                    self.anomaly_bars,
                    self.anomalies,
                ],
            ),
            (
                self.tr("Mode metrics"),
                self.tr("&Mode metrics"),
                [self.mode_metrics],
            ),
            (
                self.tr("Outcomes"),
                self.tr("&Outcomes"),
                [
                    _caption(
                        self.tr(
                            "The result each SCSS proposed and the supervisor's decision on "
                            "it: agreed (the proposed result stands) or changed to another "
                            "result."
                        )
                    ),
                    _WholeTable(self.outcome_modes, self.tr("Outcomes by mode"), 0),
                    QLabel(self.tr("Results proposed")),
                    self.outcome_bars,
                    QLabel(self.tr("Results proposed and decided")),
                    _WholeTable(self.outcome_results, self.tr("Results proposed and decided"), 0),
                ],
            ),
        ]
        for name, tab, widgets in pages:
            self.tabs.addTab(_page(name, widgets), tab)
        return self.tabs

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
            "status": self.stage.currentData(),
        }

    def refresh(self) -> None:
        """Compute the figures for the current filters off the GUI thread."""
        chosen, scope = self.filters(), self.scope.currentData()
        self.apply.setEnabled(False)
        self.status.setText(self.tr("Computing…"))
        if scope is None:
            self._runner.run(
                lambda: dashboard(self._ctx, **chosen), self.show_figures, self._failed
            )
        else:
            self._runner.run(
                lambda: hub_dashboard(self._ctx, scope, **chosen),
                self.show_figures,
                self._hub_failed,
            )

    def _failed(self, exc: Exception) -> None:
        self.apply.setEnabled(True)
        self.status.setText("")
        QMessageBox.critical(self, self.tr("Cannot compute the dashboard"), error_text(exc))

    def _hub_failed(self, exc: Exception) -> None:
        """The hub could not give its figures: one line, and the figures shown stay."""
        self.apply.setEnabled(True)
        self.status.setText(
            self.tr("No figures from the hub: {reason}").format(reason=error_text(exc))
        )

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
        self.feedback_summary.show_feedback(figures.get("feedback"))
        self.mode_metrics.show_metrics(figures.get("mode_metrics"))
        self._show_outcomes(figures.get("outcomes") or {})
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
        self.bars.set_bars(
            [Bar(f"{r['category']}. {r['name']}", r["count"], _share(r)) for r in rows]
        )
        self.reason_bars.set_bars(
            [
                Bar(reason.get(r["reason"], r["label"]), r["count"], _share(r))
                for r in figures["by_reason"]
            ]
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
        self.top_count_bars.set_bars(
            [
                Bar(
                    f"{r['criterion']} {words.text(r['title'])}",
                    r["count"],
                    self.tr("{count} of {reviewed}").format(
                        count=r["count"], reviewed=r["reviewed"]
                    ),
                )
                for r in figures["top_criteria"]
            ]
        )
        self.top_rate_bars.set_bars(
            [
                Bar(
                    f"{r['criterion']} {words.text(r['title'])}",
                    r["rate"],
                    QLocale().toString(100 * r["rate"], "f", 1) + "%",
                )
                for r in figures["top_rates"]
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
        self.mode_bars.set_bars(
            [
                Bar(mode_words(mode), m["per_validation"], _decimal(m["per_validation"]))
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
        self.trend_bars.set_bars(
            [
                Bar(t["quarter"], t["per_validation"], _decimal(t["per_validation"]))
                for t in figures["trend"]
            ]
        )
        self.anomalies.clear()
        speaker = window_speaker(category)
        for flag in figures["anomalies"]:
            for said in said_reasons(flag, speaker):
                self.anomalies.addItem(
                    f"{flag['date']}  {flag['member']} ({flag['entity']}): {said}"
                )
        self.anomalies.setVisible(bool(figures["anomalies"]))  # the chart says when none
        self.anomaly_bars.set_bars(
            [
                Bar(
                    f"{flag['date']}  {flag['member']} ({flag['entity']})",
                    len(flag["reasons"]),
                    str(len(flag["reasons"])),
                )
                for flag in figures["anomalies"]
            ]
        )
        self.apply.setEnabled(True)
        if "by_office" in figures:  # the hub's figures say which offices they cover
            offices = "; ".join(
                f"{row['office'] or '–'}: {row['validations']}" for row in figures["by_office"]
            )
            self.status.setText(
                self.tr("{count} validations on the hub ({offices}), computed {when}").format(
                    count=figures["validations"],
                    offices=offices,
                    when=local_moment(figures["generated_at"]),
                )
            )
            return
        self.status.setText(
            self.tr("{count} validations, computed {when}").format(
                count=figures["validations"], when=local_moment(figures["generated_at"])
            )
        )

    def _show_outcomes(self, outcomes: dict[str, Any]) -> None:
        """How the outcomes stand, overall and per mode; per result, proposed and decided."""
        by_mode: dict[str, dict[str, Any]] = outcomes.get("by_mode", {})
        rows = [(self.tr("All modes"), *(outcomes.get(c, 0) for c in OUTCOME_COUNTS))]
        rows += [
            (mode_words(mode), *(m.get(c, 0) for c in OUTCOME_COUNTS))
            for mode, m in by_mode.items()
        ]
        self.outcome_modes.set_rows(rows if outcomes else [])
        proposed, decided = outcomes.get("by_proposed", []), outcomes.get("by_decided", [])
        self.outcome_bars.set_bars(
            [Bar(choice_label(r["result"]), r["count"], _share(r)) for r in proposed]
        )
        self.outcome_results.set_rows(
            [
                (choice_label(p["result"]), _share(p), _share(d))
                for p, d in zip(proposed, decided, strict=True)
            ]
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
