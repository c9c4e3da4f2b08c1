"""`ctpat-desktop stats` in plain text says every figure `stats --json` has: the text is read
back section by section from the demo data folder and its numbers compared with the JSON's."""

import re
from collections.abc import Callable
from typing import Any

import pytest

from ctpat_desktop.analytics.metrics_tables import METRICS
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
Sections = dict[str, list[str]]


def _sections(text: str) -> Sections:
    """The text's sections by title (a section is a block after a blank line)."""
    blocks = text.rstrip("\n").split("\n\n")
    found = {"summary": blocks[0].splitlines()}
    for block in blocks[1:]:
        title, *lines = block.splitlines()
        found[title.split(" (")[0]] = lines
    return found


def _cells(line: str) -> list[str]:
    """A table row's cells (columns are two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


def _rows_after(lines: list[str], heading: str) -> list[list[str]]:
    """The rows of the table under an indented heading, up to the next less indented line."""
    start = next(n for n, line in enumerate(lines) if line.strip() == heading)
    indent = len(lines[start]) - len(lines[start].lstrip())
    rows = []
    for line in lines[start + 2 :]:  # past the heading and the header row
        if len(line) - len(line.lstrip()) <= indent:
            break
        rows.append(_cells(line))
    return rows


def _number(text: str) -> float:
    return float(text.rstrip("%"))


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 2)


def _interval(text: str) -> tuple[float | None, float | None]:
    if text == "–":
        return None, None
    low, high = text.split(" to ")
    return _number(low), _number(high)


@pytest.fixture
def demo(cli: Cli) -> Cli:
    """The demo data folder, with feedback from two SCSSs and a member on two validations."""
    assert cli("demo").code == 0
    listed = cli("validation", "list", "--json").json()["validations"]
    started = [v for v in listed if v["status"] != "planned"]
    virtual = next(v["id"] for v in started if v["mode"] == "virtual")
    in_person = next(v["id"] for v in started if v["mode"] == "in-person")
    for args in (
        (virtual, "--quality", "2", "--not-verifiable", "4.8,9.4", "--minutes-lost", "25",
         "--not-verifiable-note", "the gate camera feed froze"),
        (virtual, "--member", "--quality", "4", "--minutes-lost", "10"),
        (in_person, "--quality", "5", "--not-verifiable", "4.8"),
    ):  # fmt: skip
        assert cli("feedback", "add", *args).code == 0
    return cli


def _both(cli: Cli, *filters: str) -> tuple[dict[str, Any], str]:
    answer, text = cli("stats", "--json", *filters), cli("stats", *filters)
    assert (answer.code, text.code, text.err) == (0, 0, "")
    return answer.json(), text.out


def test_the_text_has_every_figure_of_the_json(demo: Cli) -> None:
    figures, text = _both(demo)
    sections = _sections(text)

    assert sections["summary"] == [
        f"{figures['validations']} validations, {figures['findings_reviewed']} findings reviewed, "
        f"{figures['deficiencies']} deficiencies ({figures['required_actions']} required "
        f"actions, {figures['recommendations']} recommendations); "
        f"{figures['deficiencies_per_validation']:.2f} per validation, "
        f"{figures['share_without_deficiencies']:.2f}% of validations with none"
    ]
    categories = sections["Deficiencies by criteria category"]
    shown = [_cells(line) for line in categories]
    assert [(c[0], int(c[1]), _number(c[2].split()[0])) for c in shown] == [
        (f"{r['category']}. {r['name']}", r["count"], r["percent"]) for r in figures["by_category"]
    ]
    assert "5. Conveyance & Instruments of International Traffic Security" in text

    rates = [_cells(line) for line in sections["Deficiencies by criterion rate"]]
    assert [(c[0], c[1]) for c in rates] == [
        (r["criterion"], r["title"]) for r in figures["top_rates"]
    ]

    grouped = sections["Deficiency reasons within each category"]
    expected: list[tuple[str, ...]] = []
    for group in figures["reasons_by_category"]:
        expected.append((f"{group['category']}. {group['name']}",))
        expected += [
            (r["label"], str(r["count"]), f"{r['percent']:.2f}%") for r in group["reasons"]
        ]
    assert [tuple(_cells(line)) for line in grouped] == expected

    trend = [_cells(line) for line in sections["Trend by quarter"][1:]]
    assert [(c[0], int(c[1]), int(c[2]), _number(c[3])) for c in trend] == [
        (r["quarter"], r["validations"], r["deficiencies"], r["per_validation"])
        for r in figures["trend"]
    ]

    modes = sections["Virtual vs in-person"]
    for mode, row in figures["by_mode"].items():
        line = next(line for line in modes if line.split()[0] == mode)
        assert f"({row['deficiencies']} deficiencies in all)" in line
        per_category = _rows_after(modes, "Deficiencies per validation by category")
        column = list(figures["by_mode"]).index(mode) + 1
        assert [_number(c[column]) for c in per_category] == [
            row["by_category"][str(n)] for n in range(1, 13)
        ]

    _check_metrics(sections["Virtual-validation metrics"], figures["mode_metrics"])
    _check_outcomes(sections["Outcomes proposed and decided"], figures["outcomes"])
    _check_feedback(sections["Feedback after validations"], figures["feedback"])
    (generated,) = sections["Filters: none"]  # two runs: the minute may differ
    assert re.fullmatch(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", generated)
    assert "By office" not in sections  # the laptop's figures have no office breakdown


def _check_metrics(lines: list[str], metrics: dict[str, Any]) -> None:
    labels = {"virtual": "Virtual", "in-person": "In-person", "hybrid": "Hybrid"}
    modes = metrics["modes"]
    table = [_cells(line)[-4:] for line in lines[3:] if not line.startswith("  Due-date")][
        : 6 * len(modes)
    ]
    seen: dict[tuple[str, str], Any] = {}
    keys = list(METRICS)
    for n, (mode_name, shown, between, counted) in enumerate(table):
        key = keys[n // len(modes)]
        mode = next(m for m, label in labels.items() if label == mode_name)
        seen[(key, mode)] = (_number(shown), _interval(between), int(counted))
    for mode, row in modes.items():
        for key in keys:
            want = row[key]
            low, high, value = want["ci_low"], want["ci_high"], want["value"]
            if key == "deficiency_rate":
                low, high, value = _rate(low), _rate(high), _rate(value)
            assert seen[(key, mode)] == (value, (low, high), want["n"]), (key, mode)
    granted = {m: modes[m]["extension_days"] for m in modes}
    days = ", ".join(f"{labels[m]} {d} day{'' if d == 1 else 's'}" for m, d in granted.items())
    assert f"  Due-date extensions granted in all: {days}" in lines

    minutes = _rows_after(lines, "Session minutes per validation by category")
    assert [(c[-3].split(". ", 1)[1], _number(c[-2]), _interval(c[-1])) for c in minutes] == [
        (r["name"], r["value"], (r["ci_low"], r["ci_high"]))
        for row in modes.values()
        for r in row["session_minutes_by_category"]
    ]

    for c in metrics["comparisons"]:
        at = lines.index(f"      {c['verdict']}")
        said = lines[at - 1]
        assert f", {c['mode']}: " in said
        if c["difference"] is None:
            assert "difference" not in said
            continue
        numbers = [float(x) for x in re.findall(r"[-+]?\d+\.\d+", said.split("difference")[1])]
        scale = 100 if c["metric"] == "deficiency_rate" else 1
        assert numbers == [
            round(c["difference"] * scale, 2),
            round(c["ci_low"] * scale, 2),
            round(c["ci_high"] * scale, 2),
            c["p_value"],
        ]

    for heading, key, by in (
        ("Virtual and in-person by quarter", "by_quarter", "quarter"),
        ("Virtual and in-person by MSC version", "by_version", "catalog_version"),
    ):
        found = [
            (
                c[0],
                c[1],
                *map(int, c[2:5]),
                _number(c[5]),
                _interval(c[6]),
                _number(c[7]),
                _interval(c[8]),
            )
            for c in _rows_after(lines, heading)
        ]
        expected: list[tuple[Any, ...]] = []
        for r in metrics[key]:
            rate, per = r["deficiency_rate"], r["deficiencies_per_validation"]
            expected.append(
                (
                    r[by],
                    labels[r["mode"]],
                    r["validations"],
                    r["findings_reviewed"],
                    r["deficiencies"],
                    _rate(rate["value"]),
                    (_rate(rate["ci_low"]), _rate(rate["ci_high"])),
                    per["value"],
                    (per["ci_low"], per["ci_high"]),
                )
            )
        assert found == expected, heading


def _check_outcomes(lines: list[str], outcomes: dict[str, Any]) -> None:
    counts = ("validations", "proposed", "decided", "agreed", "changed", "undecided")
    table = [_cells(line) for line in lines[3:7]]
    assert table[0] == ["All modes", *(str(outcomes[c]) for c in counts)]
    labels = {"Virtual": "virtual", "In-person": "in-person", "Hybrid": "hybrid"}
    assert {labels[row[0]]: [int(n) for n in row[1:]] for row in table[1:]} == {
        mode: [row[c] for c in counts] for mode, row in outcomes["by_mode"].items()
    }
    results = _rows_after(lines, "Results proposed and decided")
    pairs = zip(outcomes["by_proposed"], outcomes["by_decided"], strict=True)
    assert results == [
        [
            p["label"],
            str(p["count"]),
            f"{p['percent']:.2f}%",
            str(d["count"]),
            f"{d['percent']:.2f}%",
        ]
        for p, d in pairs
    ]
    by_mode = _rows_after(lines, "Results by mode (proposed / decided)")
    modes = outcomes["by_mode"].values()
    assert by_mode == [
        [r["label"], *(f"{m['by_proposed'][key]} / {m['by_decided'][key]}" for m in modes)]
        for key, r in ((r["result"], r) for r in outcomes["by_proposed"])
    ]


def _check_feedback(lines: list[str], feedback: dict[str, Any]) -> None:
    assert (feedback["answers"], feedback["validations"]) == (3, 2)
    assert lines[0] == (
        f"  3 answers on 2 validations ({feedback['scss_answers']} from SCSSs, "
        f"{feedback['member_answers']} from members)"
    )
    who = {"scss": "SCSSs", "member": "members"}
    labels = {"virtual": "Virtual", "in-person": "In-person", "hybrid": "Hybrid"}
    for row in feedback["by_mode"]:
        start = f"  {labels[row['mode']]}, {who[row['source']]}:"
        line = next(line for line in lines if line.startswith(start))
        assert f"technology quality {row['mean_quality']:.2f} of 5 ({row['rated']} rated)" in line
        assert f" {row['minutes_lost']} minute" in line
    criteria = _rows_after(lines, "Most often not verifiable remotely")
    assert criteria == [
        [r["criterion"], r["title"], str(r["count"]), f"{r['percent']:.2f}%"]
        for r in feedback["not_verifiable"]
    ]
    assert feedback["not_verifiable"][0]["criterion"] == "4.8"
    assert lines[-1] == ("  1 SCSS answer adds a note on what could not be verified remotely")


def test_one_validation_is_singular(demo: Cli) -> None:
    figures, text = _both(demo, "--mode", "hybrid")
    assert figures["validations"] == 1
    assert text.startswith("1 validation, ")
    assert "\nFilters: mode: hybrid\n" in text
    assert not re.search(r"(?<![\d.])1 (validations|deficiencies|answers|days)\b", text), text
    assert re.search(r"^  hybrid +1 validation  +11\.00 deficiencies each", text, re.M)


def test_an_empty_selection_says_so_in_each_section(cli: Cli) -> None:
    figures, text = _both(cli)
    assert figures["validations"] == 0
    sections = _sections(text)
    for title, said in (
        ("Top MSC deficiencies", "  No criterion was reviewed in this selection."),
        ("Deficiency reasons", "  No deficiencies in this selection."),
        ("Deficiency reasons within each category", "  No deficiencies in this selection."),
        ("Trend by quarter", "  No validation in this selection."),
        ("Virtual vs in-person", "  No validation in this selection."),
        ("Virtual-validation metrics", "  No validation in this selection."),
        ("Outcomes proposed and decided", "  No validation in this selection."),
        ("Feedback after validations", "  None recorded for these validations yet."),
    ):
        assert sections[title] == [said], title
