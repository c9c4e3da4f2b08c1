"""Contrast (WCAG 2.x, 4.5:1) of every text colour, and check boxes that read as boxes."""

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget, QTreeView
from pytestqt.qtbot import QtBot

from ctpat_desktop.catalog import CatalogLibrary, Reason
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.settings import MAX_FONT_SCALE
from ctpat_desktop.ui.theme import (
    INK,
    MIN_CONTRAST,
    TEXT_ON_BACKGROUND,
    apply_theme,
    contrast_ratio,
    high_contrast_style,
    ink,
    relative_luminance,
)
from ctpat_desktop.ui.workspace.criteria_model import ChecklistDelegate, CriteriaModel
from ctpat_desktop.ui.workspace.finding_editor import FindingEditor
from ctpat_desktop.worksheet import FindingStatus

SCREENSHOTS = "/tmp"
ROLE = QPalette.ColorRole
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication) -> Iterator[QApplication]:
    """Every test leaves the shared application as it found it."""
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield qapp
    qapp.setStyleSheet(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("ctpat_high_contrast", False)


def test_contrast_ratio_is_wcag_s() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    assert relative_luminance(QColor("#808080")) == pytest.approx(0.2159, abs=1e-4)
    # WCAG's own borderline grey: #767676 passes 4.5:1 on white, #777777 does not.
    assert contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#777777"), white) < MIN_CONTRAST
    # A see-through colour counts as it shows: half-black on white is a mid grey.
    assert contrast_ratio(QColor(0, 0, 0, 128), white) == pytest.approx(
        contrast_ratio(QColor("#7f7f7f"), white), abs=0.05
    )


def _palette_failures(palette: QPalette) -> list[str]:
    pairs = [*TEXT_ON_BACKGROUND, (ROLE.HighlightedText, (ROLE.Highlight,))]
    failures = []
    for group in GROUPS:
        for text, backgrounds in pairs:
            for background in backgrounds:
                ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
                if ratio < MIN_CONTRAST:
                    failures.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    return failures


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_palette_text_reaches_4_5_to_1(app_look: QApplication, high_contrast: bool) -> None:
    """Text, placeholders, buttons, tooltips, links, the selection and disabled text alike:
    a signed validation shows its findings in disabled fields, which must still be read."""
    apply_theme(app_look, high_contrast, 1.0)
    assert _palette_failures(app_look.palette()) == []


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_ink_reaches_4_5_to_1_on_the_backgrounds_it_is_drawn_on(
    app_look: QApplication, high_contrast: bool
) -> None:
    """Status colours, Must/Should badges, errors: on windows, fields and alternate rows."""
    apply_theme(app_look, high_contrast, 1.0)
    palette = app_look.palette()
    failures = [
        f"{name} {ink(name)} on {background.name}: {ratio:.2f}"
        for name in INK
        for background in (ROLE.Window, ROLE.Base, ROLE.AlternateBase)
        if (ratio := contrast_ratio(QColor(ink(name)), palette.color(background))) < MIN_CONTRAST
    ]
    assert failures == []


def test_every_colour_pair_of_the_high_contrast_style_sheet_reaches_4_5_to_1() -> None:
    """Each rule's text colour on the rule's background, else on the theme's black."""
    failures = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", high_contrast_style()):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", body)
        if text is None:
            continue
        ground = background.group(1) if background else "#000000"
        ratio = contrast_ratio(QColor(text.group(1)), QColor(ground))
        if ratio < MIN_CONTRAST:
            failures.append(f"{selector.strip()}: {text.group(1)} on {ground}: {ratio:.2f}")
    assert failures == []


def _cell_contrast(image: QImage, rect: QRect) -> float:
    """The contrast of the text drawn in a cell: its strongest pixel on its commonest one."""
    inner = rect.adjusted(3, 3, -3, -3)
    pixels = [
        image.pixelColor(x, y).rgb()
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    ]
    background = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
    return max(contrast_ratio(QColor.fromRgb(pixel), background) for pixel in set(pixels))


def _checklist(qtbot: QtBot) -> tuple[QTreeView, CriteriaModel, list[str]]:
    """A checklist with one criterion of each status, the first one selected and current."""
    catalog = CatalogLibrary(resources_dir()).catalog("importer")
    ids = [c.id for number in catalog.categories() for c in catalog.in_category(number)]
    statuses = dict(zip(ids, list(FindingStatus) * 2, strict=False))
    model = CriteriaModel()
    model.set_checklist(catalog, {}, statuses)
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    tree.setItemDelegate(ChecklistDelegate(tree))
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.expandAll()
    tree.resize(700, 300)
    tree.show()
    qtbot.waitExposed(tree)
    tree.setFocus()
    tree.setCurrentIndex(model.index_of(ids[1]))  # a Met row, in its colour when not selected
    QApplication.processEvents()
    return tree, model, ids


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_checklist_rows_read_at_4_5_to_1_selected_or_not(
    qtbot: QtBot, app_look: QApplication, high_contrast: bool
) -> None:
    """ID, Must/Should, title and status, in their colours, on the plain rows and the selection."""
    apply_theme(app_look, high_contrast, 1.0)
    tree, model, ids = _checklist(qtbot)
    image = tree.viewport().grab().toImage()
    image.save(f"{SCREENSHOTS}/checklist_{'hc' if high_contrast else 'normal'}.png")
    failures = []
    for criterion_id in ids[:7]:
        for column in range(model.columnCount(QModelIndex())):
            rect = tree.visualRect(model.index_of(criterion_id, column))
            if rect.isEmpty():
                continue
            ratio = _cell_contrast(image, rect)
            if ratio < MIN_CONTRAST:
                failures.append(f"{criterion_id} column {column}: {ratio:.2f}")
    assert failures == []


def _ink_rows(image: QImage, rect: QRect) -> int:
    """How many pixel rows of a cell hold text (pixels far from the cell's background)."""
    background = QColor(image.pixelColor(rect.right() - 1, rect.center().y()))
    return sum(
        any(
            contrast_ratio(image.pixelColor(x, y), background) > 3
            for x in range(rect.left() + 3, rect.left() + 40)
        )
        for y in range(rect.top() + 3, rect.bottom() - 2)
    )


def test_the_current_row_of_the_high_contrast_checklist_is_not_cut(
    qtbot: QtBot, app_look: QApplication
) -> None:
    """The current cell's focus border (as lists and tables draw it) must not leave its text
    two pixels tall."""
    apply_theme(app_look, True, 1.0)
    tree, model, ids = _checklist(qtbot)
    image = tree.viewport().grab().toImage()
    current = _ink_rows(image, tree.visualRect(model.index_of(ids[1])))
    below = _ink_rows(image, tree.visualRect(model.index_of(ids[2])))
    assert below >= 6
    assert current >= below


def _reasons(qtbot: QtBot) -> QListWidget:
    """A finding editor's reasons, the first and the last ticked."""
    editor = FindingEditor()
    qtbot.addWidget(editor)
    editor.set_reasons(
        [
            Reason("no-procedure", "No written procedure", ""),
            Reason("training-gap", "Training gap", ""),
            Reason("other", "Other", ""),
            Reason("no-evidence", "No evidence", ""),
        ]
    )
    editor.setEnabled(True)
    editor.reasons.item(0).setCheckState(Qt.CheckState.Checked)
    editor.reasons.item(3).setCheckState(Qt.CheckState.Checked)
    editor.resize(700, 500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.reasons.setCurrentRow(-1)  # no yellow selection behind a box
    QApplication.processEvents()
    return editor.reasons


def _tick_box(image: QImage, rect: QRect) -> QRect:
    """The bounds of the first run of columns holding light (white or yellow) pixels in a
    list row: the check box, which dark columns part from the text."""
    rows = range(rect.top(), rect.bottom() + 1)
    columns = [
        x
        for x in range(rect.left(), rect.right() + 1)
        if any(relative_luminance(image.pixelColor(x, y)) > 0.5 for y in rows)
    ]
    assert columns, "no check box drawn"
    last = columns[0]
    while last + 1 in columns:
        last += 1
    ys = [
        y
        for y in rows
        for x in range(columns[0], last + 1)
        if relative_luminance(image.pixelColor(x, y)) > 0.5
    ]
    return QRect(columns[0], min(ys), last - columns[0] + 1, max(ys) - min(ys) + 1)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_high_contrast_reason_check_boxes_are_whole_boxes_with_a_tick(
    qtbot: QtBot, app_look: QApplication, scale: float
) -> None:
    """Not bars: a square with all four sides, dark inside when not ticked, a dark tick on
    yellow when ticked, and as big as the text grows."""
    apply_theme(app_look, True, scale)
    reasons = _reasons(qtbot)
    image = reasons.viewport().grab().toImage()
    image.save(f"{SCREENSHOTS}/hc_reasons_{scale}.png")
    ticked_rect = reasons.visualRect(reasons.indexFromItem(reasons.item(0)))
    unticked_rect = reasons.visualRect(reasons.indexFromItem(reasons.item(1)))
    text_height = reasons.fontMetrics().height()
    boxes = {}
    for name, rect in (("ticked", ticked_rect), ("unticked", unticked_rect)):
        box = _tick_box(image, rect)
        assert abs(box.width() - box.height()) <= 2, f"{name} box is {box.width()}x{box.height()}"
        assert box.height() >= 0.7 * text_height, (
            f"{name} box {box.height()} for text {text_height}"
        )
        for y in (box.top(), box.bottom()):  # the top and bottom sides are drawn, whole
            side = [image.pixelColor(x, y) for x in range(box.left() + 2, box.right() - 1)]
            assert all(relative_luminance(c) > 0.5 for c in side), f"{name} box lacks a side"
        boxes[name] = box

    unticked = boxes["unticked"]
    middle = image.pixelColor(unticked.center())
    assert contrast_ratio(middle, image.pixelColor(unticked.left(), unticked.center().y())) > 7

    ticked = boxes["ticked"]
    inside = [
        image.pixelColor(x, y)
        for x in range(ticked.left() + 3, ticked.right() - 2)
        for y in range(ticked.top() + 3, ticked.bottom() - 2)
    ]
    yellow = sum(c.red() > 200 and c.green() > 200 and c.blue() < 80 for c in inside)
    dark = sum(relative_luminance(c) < 0.05 for c in inside)
    assert yellow > len(inside) // 4, "a ticked box is filled yellow"
    assert dark > len(inside) // 10, "a ticked box holds a dark tick"


def test_text_can_grow_to_twice_its_size(app_look: QApplication) -> None:
    base = app_look.font().pointSizeF()
    assert MAX_FONT_SCALE >= 2.0
    apply_theme(app_look, True, 2.0)
    assert app_look.font().pointSizeF() == pytest.approx(base * 2.0)
