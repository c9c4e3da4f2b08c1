"""The dashboard's virtual-validation metrics page: per mode the deficiency rate, findings,
session time, days to closure and extensions with their 95 % intervals, the comparison
with in-person validations in words, and the trend by quarter and by MSC version."""

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.ui.charts import Bar, BarChart
from ctpat_desktop.ui.i18n import mode_label
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.worksheet import Mode

_MODES = ("virtual", "in-person", "hybrid")


def _mode(code: str) -> str:
    try:
        return mode_label(Mode(code))
    except ValueError:
        return code


class _Table(QTableView):
    """A read-only table as tall as its rows."""

    def __init__(self, model: RowsModel, name: str) -> None:
        super().__init__()
        self.setModel(model)
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        rows = self.model().rowCount()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(rows))
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)


class ModeMetricsPanel(QWidget):
    """The `mode_metrics` figures of the dashboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = {
            "deficiency_rate": self.tr("Deficiency rate"),
            "deficiencies_per_validation": self.tr("Deficiencies per validation"),
            "findings_reviewed_per_validation": self.tr("Findings reviewed per validation"),
            "session_minutes_per_validation": self.tr("Session minutes per validation"),
            "days_to_closure": self.tr("Days from report to closure"),
            "extensions_per_validation": self.tr("Extensions per signed validation"),
        }
        self.rate_bars = BarChart(self.tr("Deficiency rate by mode chart"))
        self.metrics = RowsModel([self.tr("Metric"), *(_mode(m) for m in _MODES)], self)
        self.quarters = RowsModel(
            [
                self.tr("Quarter"),
                self.tr("Mode"),
                self.tr("Validations"),
                self.tr("Deficiency rate"),
                self.tr("Per validation"),
            ],
            self,
        )
        self.versions = RowsModel(
            [
                self.tr("MSC version"),
                self.tr("Mode"),
                self.tr("Validations"),
                self.tr("Deficiency rate"),
                self.tr("Per validation"),
            ],
            self,
        )
        self.verdicts = QLabel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdicts.setAccessibleName(self.tr("Virtual against in-person, in words"))
        caption = QLabel(
            self.tr(
                "Each figure with its 95% confidence interval in brackets. The deficiency "
                "rate is deficiencies ÷ findings reviewed; session time counts the "
                "validations with time recorded; days to closure run from the signed report."
            )
        )
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            caption,
            self.rate_bars,
            _Table(self.metrics, self.tr("Virtual-validation metrics by mode")),
            self.verdicts,
            QLabel(self.tr("By quarter")),
            _Table(self.quarters, self.tr("Virtual-validation metrics by quarter")),
            QLabel(self.tr("By MSC version")),
            _Table(self.versions, self.tr("Virtual-validation metrics by MSC version")),
        ):
            layout.addWidget(widget)

    def _verdict(self, row: dict[str, Any]) -> str:
        """One comparison with in-person validations in words, in the windows' language
        (the service's English sentence is for the command line and the exports)."""
        locale = QLocale()
        key = row["metric"]
        name, mode, baseline = self._names.get(key, key), _mode(row["mode"]), _mode(row["baseline"])
        if row["difference"] is None:
            return self.tr(
                "{metric}: not enough data to compare {mode} and {baseline} validations; each "
                "needs at least two with some variation."
            ).format(metric=name, mode=mode, baseline=baseline)
        percent = key == "deficiency_rate"
        digits = 2 if key in ("deficiencies_per_validation", "extensions_per_validation") else 1

        def number(value: float, signed: bool = False) -> str:
            shown = locale.toString(abs(value) * (100 if percent else 1), "f", digits)
            sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
            return sign + shown + ("%" if percent and not signed else "")

        numbers = self.tr(
            "{metric}: {mode} {value}, {baseline} {baseline_value} (difference {difference}; "
            "95% confidence interval {low} to {high}; p = {p})."
        ).format(
            metric=name,
            mode=mode,
            value=number(float(row["value"])),
            baseline=baseline,
            baseline_value=number(float(row["baseline_value"])),
            difference=number(float(row["difference"]), signed=True),
            low=number(float(row["ci_low"]), signed=True),
            high=number(float(row["ci_high"]), signed=True),
            p=locale.toString(float(row["p_value"]), "f", 3),
        )
        if float(row["p_value"]) < 0.05:
            return numbers + " " + self.tr("A difference this large is unlikely to be chance.")
        return numbers + " " + self.tr("The data do not show a real difference.")

    def _value(self, key: str, found: dict[str, Any]) -> str:
        """A value with its interval: "42.9% (27.0–58.8%)"."""
        locale = QLocale()
        rate = key == "deficiency_rate"
        digits = 2 if key == "deficiencies_per_validation" else 1

        def number(value: float | None) -> str:
            if value is None:
                return "–"
            if rate:
                return locale.toString(100 * value, "f", 1) + "%"
            return locale.toString(float(value), "f", digits)

        if not found.get("n"):
            return "–"
        low, high = found.get("ci_low"), found.get("ci_high")
        shown = number(found.get("value"))
        if low is None or high is None:
            return shown
        return f"{shown} ({number(low)}–{number(high)})"

    def show_metrics(self, metrics: dict[str, Any] | None) -> None:
        """Show the figures (None or empty: the source had none)."""
        modes: dict[str, Any] = (metrics or {}).get("modes", {})
        self.rate_bars.set_bars(
            [
                Bar(
                    _mode(m),
                    f["deficiency_rate"]["value"],
                    self._value("deficiency_rate", f["deficiency_rate"]),
                )
                for m, f in modes.items()
            ]
        )
        self.metrics.set_rows(
            [
                (
                    name,
                    *(self._value(key, modes[m][key]) if m in modes else "–" for m in _MODES),
                )
                for key, name in self._names.items()
            ]
        )
        comparisons = (metrics or {}).get("comparisons", [])
        self.verdicts.setText("\n\n".join(self._verdict(c) for c in comparisons))
        for model, key, by in (
            (self.quarters, "by_quarter", "quarter"),
            (self.versions, "by_version", "catalog_version"),
        ):
            model.set_rows(
                [
                    (
                        r[by],
                        _mode(r["mode"]),
                        r["validations"],
                        self._value("deficiency_rate", r["deficiency_rate"] | {"n": 1}),
                        self._value(
                            "deficiencies_per_validation",
                            r["deficiencies_per_validation"] | {"n": 1},
                        ),
                    )
                    for r in (metrics or {}).get(key, [])
                ]
            )
