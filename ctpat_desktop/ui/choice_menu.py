"""A menu of exclusive, checkable choices (the language menus): one checked at a time."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu


def add_choices(
    owner: QObject,
    menu: QMenu,
    choices: Sequence[tuple[str, str, str]],
    chosen: str,
    on_choose: Callable[[str], None],
) -> dict[str, QAction]:
    """One checkable action per (code, text, status tip), the chosen code checked (else
    the first); triggering one calls on_choose(code). The actions by code."""
    group = QActionGroup(owner)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for code, text, tip in choices:
        action = QAction(text, owner, checkable=True)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, c=code: on_choose(c))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action
    (actions.get(chosen) or next(iter(actions.values()))).setChecked(True)
    return actions


def checked_choice(actions: dict[str, QAction]) -> str:
    """The code of the checked action."""
    return next(code for code, action in actions.items() if action.isChecked())
