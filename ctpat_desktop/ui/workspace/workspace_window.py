"""The validation workspace: walk the checklist, record findings, save each edit with undo."""

import time
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Level
from ctpat_desktop.errors import CtpatError, RuleError, StaleEdit
from ctpat_desktop.records.declare import Declaration, Item
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import FindingRecord
from ctpat_desktop.ui.i18n import (
    error_text,
    level_label,
    shown_catalog,
    shown_categories,
    shown_reasons,
)
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.window_state import WindowSettings, app_settings
from ctpat_desktop.ui.workspace.actions import ActionSet, shortcut_rows, workspace_actions
from ctpat_desktop.ui.workspace.checklist_view import ChecklistView
from ctpat_desktop.ui.workspace.commands import DoneCommand, FindingEditCommand
from ctpat_desktop.ui.workspace.criteria_model import (
    SUMMARY_SEPARATOR,
    ChecklistDelegate,
    CriteriaFilter,
    CriteriaFilterProxy,
    CriteriaModel,
    filter_label,
    status_text,
)
from ctpat_desktop.ui.workspace.criterion_pane import CriterionPane
from ctpat_desktop.ui.workspace.finding_editor import FindingEditor
from ctpat_desktop.ui.workspace.ledger import (
    Changes,
    EditLedger,
    affected_fields,
    apply_changes,
    values_of,
)
from ctpat_desktop.ui.workspace.visit_commands import VisitEditCommand, record_words
from ctpat_desktop.ui.workspace.visit_edits import (
    RecordIds,
    VisitEdit,
    choose_site,
    finding_sites,
    put_back,
)
from ctpat_desktop.worksheet import (
    Finding,
    FindingStatus,
    Validation,
    apply_finding_rules,
    lifecycle,
)

_Index = QModelIndex | QPersistentModelIndex
# The validation's sites, and where each criterion was checked (visit_edits.finding_sites).
_Places = tuple[list[Item], dict[str, Item]]
_Reread = tuple[Validation, ValidationSession | None, dict[str, FindingRecord], _Places]
# Narrower than this many text lines are tall (1008 px at the usual text size: half a
# laptop screen beside WebEx; 1366 px at 150 %) the side panel folds away.
COMPACT_LINES = 72
# Statuses after which auto-advance moves on: the finding is complete with one key.
_ADVANCING = frozenset({FindingStatus.MET, FindingStatus.EXCEEDS, FindingStatus.NOT_APPLICABLE})


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the workspace, read from its actions."""

    def __init__(
        self,
        actions: ActionSet,
        field_labels: Sequence[QLabel] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions, field_labels)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = (
            self.table.horizontalHeader().length()
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * layout.contentsMargins().left()
        )
        height = (
            self.table.horizontalHeader().height()
            + self.table.verticalHeader().length()
            + 2 * self.table.frameWidth()
            + buttons.sizeHint().height()
            + 3 * layout.contentsMargins().top()
        )
        self.resize(max(width, 420), min(height, 720))


class WorkspaceWindow(QMainWindow):
    """One validation on screen: checklist, criterion, finding editor and side panels.

    Findings are read once and kept in memory, so moving between criteria never touches
    the store. Every edit becomes a FindingEditCommand on `undo_stack`; the command saves
    through `save`, which writes on the runner and shows the outcome in the status bar.
    Visit record edits (the site a criterion was checked at, the Visit panel's) join the
    same stack once stored, as VisitEditCommands.
    An edit the rules refuse is kept as a draft of its criterion (shown, never dropped)
    until a later edit makes it valid. The validation loads once the event loop runs;
    `loaded` says when.
    """

    criterion_changed = Signal(str)
    category_shown = Signal(int)  # a category row, by its number: nothing to attach to
    finding_saved = Signal(str)
    loaded = Signal()
    reloaded = Signal()  # read again (reload): side panels with records of their own follow

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        validation_id: str,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self._ctx = ctx
        self._runner = runner
        self._validation_id = validation_id
        self._window_settings = WindowSettings(
            settings if settings is not None else app_settings(),
            "workspace",
        )
        self.session: ValidationSession | None = None
        self.ledger = EditLedger()
        self.visit_ids = RecordIds()
        self._finding_sites: dict[str, Item] = {}
        self._visit_saving = 0  # visit undos and redos sent and not yet answered
        self._saved_at = ""
        self._current: str | None = None
        self._position = -1
        self._order: list[str] = []
        self._order_index: dict[str, int] = {}
        self._moving = False
        self._in_stack_call = False
        self._locked = False
        self._was_compact: bool | None = None
        self._side_in_compact = False
        self._side_when_wide = True
        self._own_sizes = False
        self.panel_actions: list[QAction] = []
        self._catalog_name = ""
        self._close_checks: list[Callable[[], bool]] = []

        self.setWindowTitle(self.tr("Validation [*]"))
        self.undo_stack = QUndoStack(self)
        self.model = CriteriaModel(self)
        self.proxy = CriteriaFilterProxy(self.model, self)
        self._build_widgets()
        self.menu_actions = workspace_actions(self, self.tree)
        self._build_menus()
        self._connect()
        self._restore_state()
        self._side_when_wide = self._window_settings.flag("side_panel", True)
        self._arrange()
        self._update_save_state()
        # Loading starts from the event loop, so that `loaded` always comes after the
        # constructor returns (even with a synchronous runner) and can be connected first.
        QTimer.singleShot(0, self._load)

    # Building -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show criteria"))
        for kind in CriteriaFilter:
            self.filter.addItem(filter_label(kind), kind.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search ID, title, text, guidance…"))
        self.search.setAccessibleName(self.tr("Search criteria"))
        self.search.setAccessibleDescription(
            self.tr("Shows only the criteria whose ID, title, text or guidance match")
        )
        self.search.setClearButtonEnabled(True)
        self.go_to_box = QLineEdit()
        self.go_to_box.setPlaceholderText(self.tr("Criterion ID, then Enter (Esc closes)"))
        self.go_to_box.setAccessibleName(self.tr("Go to criterion"))
        self.go_to_box.hide()
        self.tree = ChecklistView()
        self.tree.setAccessibleName(self.tr("Checklist"))
        self.tree.setAccessibleDescription(
            self.tr(
                "The criteria by category with their status; Ctrl+1 to Ctrl+4 record a status, "
                "Ctrl+Down goes to the next criterion"
            )
        )
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIndentation(12)
        # The title column gives way (elided) so that ID, level and status always show:
        # the checklist never scrolls sideways.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Only the first column: a category row spans the columns and draws as it (the
        # others keep Qt's own delegate, with no Python call per painted cell).
        self.tree.setItemDelegateForColumn(0, ChecklistDelegate(self.tree))
        self._build_checklist_header()
        self.setCentralWidget(self._build_pages())
        self.save_label = QLabel()
        self.save_label.setAccessibleName(self.tr("Save state"))
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(self.tr("Progress"))
        self.progress_label.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.save_label)
        chain = [self.filter, self.search, self.tree, *self.editor.focus_chain()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.resize(1280, 760)

    def _build_checklist_header(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        samples = (
            (0, ["12.10"]),
            (1, [level_label(level) for level in Level]),
            (3, [status_text(status) for status in FindingStatus]),
        )
        for column, texts in samples:
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            header.resizeSection(column, widest + 28)

    def _build_pages(self) -> QStackedWidget:
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.search, 1)
        left = self.checklist_column = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.go_to_box)
        left_layout.addWidget(self.tree)

        self.pane = CriterionPane()
        self.editor = FindingEditor()
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(self.editor)
        self.editor.follow_width(editor_scroll.viewport())
        editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("workspace-centre")
        self.centre_splitter.addWidget(self.pane)
        self.centre_splitter.addWidget(editor_scroll)
        self.centre_splitter.setStretchFactor(0, 2)
        self.centre_splitter.setStretchFactor(1, 3)
        self.centre_splitter.setChildrenCollapsible(False)
        self.centre_splitter.setSizes([230, 490])

        self.side_tabs = QTabWidget()
        self.side_tabs.setAccessibleName(self.tr("Side panels"))
        self.side_tabs.tabBar().setAccessibleName(self.tr("Side panel tabs"))
        self.side_tabs.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workspace-columns")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre_splitter)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([480, 620, 260])

        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setAccessibleName(self.tr("Loading"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)
        self.pages.addWidget(self.splitter)
        return self.pages

    def _build_menus(self) -> None:
        a = self.menu_actions
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([a.undo, a.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([a.find, a.go_to])
        finding_menu = self._finding_menu = self.menuBar().addMenu(self.tr("F&inding"))
        finding_menu.addActions(list(a.status.values()))
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        go_menu.addActions([a.next_criterion, a.previous_criterion, a.next_not_reviewed])
        go_menu.addSeparator()
        go_menu.addAction(a.auto_advance)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a.side_panel)
        self.menuBar().addMenu(self.tr("&Help")).addAction(a.shortcuts)
        # Shortcuts work whether or not the menu bar is shown (and on every platform).
        self.addActions([action for action in a.all() if action.parent() is self])

    def _connect(self) -> None:
        a = self.menu_actions
        for status, action in a.status.items():
            action.triggered.connect(lambda _checked=False, s=status: self._status_key(s))
        for status, action in a.checklist_status.items():
            action.triggered.connect(lambda _checked=False, s=status: self._status_key(s))
            # The letters work on the status buttons too (they take no typing).
            for button in self.editor.status_buttons.values():
                button.addAction(action)
        a.auto_advance.setChecked(self._window_settings.flag("auto_advance"))
        a.auto_advance.toggled.connect(
            lambda on: self._window_settings.set_flag("auto_advance", on)
        )
        a.next_criterion.triggered.connect(lambda: self._walk(self.next_criterion))
        a.previous_criterion.triggered.connect(lambda: self._walk(self.previous_criterion))
        a.next_not_reviewed.triggered.connect(lambda: self._walk(self.next_not_reviewed))
        a.go_to.triggered.connect(self._on_go_to_triggered)
        a.find.triggered.connect(self._on_find_triggered)
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        a.close.triggered.connect(self.close)
        a.shortcuts.triggered.connect(self._on_shortcuts_triggered)
        a.side_panel.toggled.connect(self._on_side_panel_toggled)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: a.undo.setStatusTip(self.tr("Undo {edit}").format(edit=text))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: a.redo.setStatusTip(self.tr("Redo {edit}").format(edit=text))
        )
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_save_state())
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)

        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self._on_search_changed)
        self.go_to_box.returnPressed.connect(self._on_go_to_entered)
        self._criterion_ids = QStringListModel(self)
        self.go_to_box.setCompleter(QCompleter(self._criterion_ids, self.go_to_box))
        hide_go_to = QAction(self.tr("Close the go-to box"), self.go_to_box)
        hide_go_to.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        hide_go_to.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        hide_go_to.triggered.connect(self._hide_go_to)
        self.go_to_box.addAction(hide_go_to)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_inserted)
        self.proxy.modelReset.connect(self._decorate_tree)
        self.proxy.layoutChanged.connect(self._decorate_tree)
        self.model.dataChanged.connect(self._update_progress)
        self.editor.edit_requested.connect(self._on_editor_edit_requested)
        self.editor.site_chosen.connect(self._on_editor_site_chosen)

    # Loading --------------------------------------------------------------------------

    def _load(self) -> None:
        ctx, validation_id = self._ctx, self._validation_id

        def read() -> tuple[ValidationSession, dict[str, FindingRecord], _Places]:
            session = ValidationSession(ctx, validation_id)
            return session, session.findings(), finding_sites(ctx, session.id)

        self._runner.run(read, self._on_loaded, self._on_load_failed)

    def _on_loaded(
        self, loaded: tuple[ValidationSession, dict[str, FindingRecord], _Places]
    ) -> None:
        session, records, places = loaded
        self.session = session
        self._set_places(places)
        self._show_checklist(records)
        self.tree.setFocus()
        self.loaded.emit()

    def _show_checklist(self, records: dict[str, FindingRecord]) -> None:
        """The session's checklist and findings on screen, from the first criterion not
        reviewed (on opening, and when the validation's catalog changed meanwhile)."""
        session = self.session
        assert session is not None
        self.ledger.load(records)
        catalog = shown_catalog(session.catalog)  # in the windows' language
        self._catalog_name = catalog.name
        names = shown_categories(self._ctx.catalogs.categories)
        self.model.set_checklist(catalog, names, self.ledger.statuses())
        self._order = self.model.criterion_ids()
        self._order_index = {cid: position for position, cid in enumerate(self._order)}
        self._criterion_ids.setStringList(self._order)
        self.editor.set_reasons(shown_reasons(session.reasons))
        self._show_validation()
        self.pages.setCurrentWidget(self.splitter)  # (the model's reset decorated the tree)
        self._current = None
        first = next(
            (cid for cid in self._order if self.model.status(cid) is FindingStatus.NOT_REVIEWED),
            self._order[0] if self._order else None,
        )
        if first is not None:
            self.go_to(first)
        self._update_progress()
        self._update_save_state()

    def _show_validation(self) -> None:
        """The title, first due day and lock of the validation as the session holds it."""
        session = self.session
        assert session is not None
        v = session.validation
        self.editor.set_validation_date(v.date)
        title = f"{v.member.name} — {self._catalog_name} — {v.date.isoformat()} [*]"
        self.setWindowTitle(title)
        self._locked = lifecycle.is_locked(v.status)
        self.editor.set_locked(self._locked)

    def _on_load_failed(self, exc: Exception) -> None:
        self.loading.setText(
            self.tr("Cannot open the validation: {error}").format(error=error_text(exc))
        )
        self.save_label.setText(self.tr("Not loaded"))

    # Side panels ----------------------------------------------------------------------

    def add_side_panel(self, title: str, widget: QWidget) -> None:
        """Add a tab (Evidence, Session, Follow-up…) to the right-hand side."""
        if not widget.accessibleName():
            widget.setAccessibleName(title.replace("&", ""))
        self.side_tabs.addTab(widget, title)
        self._arrange()

    def push_done(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        """Put a step already done elsewhere (a panel's evidence removal) on the undo
        stack, so that Ctrl+Z takes it back like a finding edit."""
        self._stack_call(lambda: self.undo_stack.push(DoneCommand(text, undo, redo)))

    def add_close_check(self, check: Callable[[], bool]) -> None:
        """Something to ask before the window closes (a running session timer); False
        keeps the window open."""
        self._close_checks.append(check)

    def add_panel_actions(self, actions: Sequence[QAction]) -> None:
        """A side panel's keyboard actions (Attach file…, Paste screenshot): they work
        anywhere in the window, show in the Finding menu and in the shortcut list."""
        self.addActions(list(actions))
        self._finding_menu.addSeparator()
        self._finding_menu.addActions(list(actions))
        self.panel_actions.extend(actions)

    @property
    def compact(self) -> bool:
        """Whether the window is narrow (beside WebEx on half a laptop screen)."""
        return self.width() < COMPACT_LINES * self.fontMetrics().height()

    def side_panel_shown(self) -> bool:
        """Whether Evidence, Session and Follow-up are on screen."""
        return not self.side_tabs.isHidden()

    def _on_side_panel_toggled(self, on: bool) -> None:
        if self.compact:
            self._side_in_compact = on
        else:
            self._side_when_wide = on
            self._window_settings.set_flag("side_panel", on)
        self._arrange()
        if on and self.side_tabs.count():
            self.side_tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif not on:
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _arrange(self) -> None:
        """Columns for the width: all three when wide; when narrow the checklist and the
        editor, with the side panel (F6) taking the checklist's place while it is open."""
        compact = self.compact
        if compact != self._was_compact:
            self._side_in_compact = False  # folds whenever the window becomes narrow
        wanted = self._side_in_compact if compact else self._side_when_wide
        side = wanted and self.side_tabs.count() > 0
        checklist = not (compact and side)
        changed = (
            compact != self._was_compact
            or side != self.side_panel_shown()
            or checklist != (not self.checklist_column.isHidden())
        )
        self.side_tabs.setVisible(side)
        self.checklist_column.setVisible(checklist)
        self.tree.setColumnHidden(CriteriaModel.LEVEL_COLUMN, compact)
        toggle = self.menu_actions.side_panel
        toggle.blockSignals(True)
        toggle.setChecked(side)
        toggle.blockSignals(False)
        # Sizes are set when the columns change, not over the user's own at the start.
        if changed and (self._was_compact is not None or (compact and not self._own_sizes)):
            width = max(self.width(), 1)
            shares = {
                (True, True, False): (0.42, 0.58, 0.0),
                (True, False, True): (0.0, 0.52, 0.48),
                (False, True, True): (0.34, 0.46, 0.2),
                (False, True, False): (0.4, 0.6, 0.0),
            }[(compact, checklist, side)]
            self.splitter.setSizes([int(share * width) for share in shares])
        self._was_compact = compact

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "menu_actions"):
            # Larger text (View ▸ Text size): columns as wide as their texts, and maybe
            # the narrow arrangement now.
            self._build_checklist_header()
            self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "menu_actions"):  # not while the window is being built
            self._arrange()

    # Moving around --------------------------------------------------------------------

    def current_criterion(self) -> str | None:
        """The criterion on screen, if any."""
        return self._current

    def go_to(self, criterion_id: str) -> bool:
        """Show a criterion, whatever the filter (False if the checklist has no such ID)."""
        if criterion_id not in self._order_index:
            return False
        self.editor.flush()
        self._moving = True
        try:
            self.proxy.set_pinned(criterion_id)
            index = self.proxy.mapFromSource(self.model.index_of(criterion_id))
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
        finally:
            self._moving = False
        self._show(criterion_id)
        return True

    def next_criterion(self) -> None:
        """Go to the next criterion the checklist shows."""
        self._step(
            range(self._position + 1, len(self._order)), self.tr("This is the last criterion")
        )

    def previous_criterion(self) -> None:
        """Go to the previous criterion the checklist shows."""
        start = self._position - 1 if self._current is not None else self._position
        self._step(range(start, -1, -1), self.tr("This is the first criterion"))

    def next_not_reviewed(self) -> None:
        """Go to the next criterion without a finding, from the top again after the last."""
        count = len(self._order)
        for step in range(1, count + 1):
            criterion_id = self._order[(self._position + step) % count]
            if criterion_id != self._current and self.ledger.view(criterion_id).status is (
                FindingStatus.NOT_REVIEWED
            ):
                self.go_to(criterion_id)
                return
        self.statusBar().showMessage(self.tr("Every criterion has a finding"), 5000)

    def _step(self, positions: range, at_end: str) -> None:
        for position in positions:
            criterion_id = self._order[position]
            if self.proxy.shows(criterion_id):
                self.go_to(criterion_id)
                return
        self.statusBar().showMessage(at_end, 3000)

    def _show(self, criterion_id: str) -> None:
        self._current = criterion_id
        self._position = self._order_index[criterion_id]
        criterion = self.model.criterion(criterion_id)
        finding = self.ledger.view(criterion_id)
        self.pane.show_criterion(criterion, finding.profile_answer)
        self.editor.show_finding(criterion, finding, self.ledger.problem(criterion_id))
        self.editor.show_site(self.site_of(criterion_id))
        self._keep_focus()
        self._update_save_state()
        self.criterion_changed.emit(criterion_id)

    def _keep_focus(self) -> None:
        # A field disabled for the new finding (reasons of a met one) drops the focus: the
        # checklist takes it, so that the keys keep working.
        focused = self.focusWidget()
        if focused is None or not focused.isEnabled():
            self.tree.setFocus()

    def _on_tree_current_changed(self, current: _Index, _previous: _Index) -> None:
        if self._moving or not current.isValid():
            return
        source = self.proxy.mapToSource(current)
        criterion_id = self.model.criterion_at(source)
        if criterion_id is not None:
            if criterion_id != self._current:
                self.editor.flush()
                self.proxy.set_pinned(criterion_id)
                self._show(criterion_id)
            return
        # A category row: show its summary; Next goes to its first criterion.
        self.editor.clear()
        self.proxy.set_pinned(None)
        number, name = self.model.category_of(source.row())
        summary = str(source.data())
        self.pane.show_message(f"{number}. {name}", summary.partition(SUMMARY_SEPARATOR)[2])
        first = next(cid for cid in self._order if self.model.criterion(cid).category == number)
        self._current = None
        self._position = self._order_index[first] - 1
        self.category_shown.emit(number)

    def _on_go_to_triggered(self) -> None:
        self.go_to_box.show()
        self.go_to_box.selectAll()
        self.go_to_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_go_to_entered(self) -> None:
        typed = self.go_to_box.text().strip()
        if self.go_to(typed):
            self._hide_go_to()
        else:
            self.statusBar().showMessage(
                self.tr("No criterion {id} in this checklist").format(id=repr(typed)), 5000
            )

    def _hide_go_to(self) -> None:
        self.go_to_box.hide()
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_find_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_filter_changed(self, _row: int) -> None:
        self.proxy.set_filter(CriteriaFilter(self.filter.currentData()))
        self._decorate_tree()

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._decorate_tree()

    def _on_proxy_rows_inserted(self, parent: _Index, _first: int, _last: int) -> None:
        if not parent.isValid():
            self._decorate_tree()

    def _decorate_tree(self) -> None:
        # Category rows span the columns; rows a filter brings back come back expanded.
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()

    # Editing --------------------------------------------------------------------------

    def set_status(self, status: FindingStatus) -> None:
        """Give the current criterion a status, as its button in the editor does."""
        self.editor.choose_status(status)

    def _status_key(self, status: FindingStatus) -> None:
        """A status key: set it, and with auto-advance on go on to the next criterion
        (not after "not met", whose reasons come next, nor after "not reviewed")."""
        before = self._current
        self.set_status(status)
        if (
            self.menu_actions.auto_advance.isChecked()
            and before is not None
            and status in _ADVANCING
            and not self.ledger.has_draft(before)
        ):
            self._walk(self.next_criterion)

    def _walk(self, move: Callable[[], None]) -> None:
        """Move by keyboard: out of a text field into the checklist, so that the next key
        (M, N…) records a status instead of typing a letter into the next finding."""
        move()
        if isinstance(self.focusWidget(), QPlainTextEdit | QLineEdit | QAbstractSpinBox):
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_edit(self, criterion_id: str, changes: Changes) -> None:
        """Change a finding the one way there is (the editor, the Follow-up panel): the
        rules first, then an undoable step saved in order on the runner."""
        self._on_editor_edit_requested(criterion_id, changes)

    def _on_editor_edit_requested(self, criterion_id: str, changes: Changes) -> None:
        if self.session is None or self._locked:
            return
        merged = self.ledger.take_draft(criterion_id, changes)
        current = self.ledger.expected(criterion_id)
        wanted = apply_changes(current, merged)
        problem = self._rule_problem(criterion_id, wanted)
        if problem:
            self.ledger.keep_draft(criterion_id, merged, problem)
            self.model.set_unsaved(criterion_id, True)
            if criterion_id == self._current:
                self.editor.show_problem(problem)
            self._update_save_state()
            return
        self.model.set_unsaved(criterion_id, False)
        if criterion_id == self._current:
            self.editor.show_problem("")
        if wanted == current:
            self._settle()
            return
        before = values_of(current, affected_fields(merged))
        self._push(FindingEditCommand(self, criterion_id, before, merged))

    def _rule_problem(self, criterion_id: str, finding: Finding) -> str:
        """Why the rules would refuse this finding, checked here so that nothing is sent."""
        assert self.session is not None
        if finding.status is FindingStatus.NOT_MET and not finding.reasons:
            return self.tr(
                "{criterion}: not met needs a reason; tick one under Reasons (Space)"
            ).format(criterion=criterion_id)
        try:
            apply_finding_rules(
                finding,
                self.model.criterion(criterion_id),
                frozenset(r.code for r in self.session.reasons),
                self.session.validation.date,
                self._ctx.settings.response_days,
            )
        except RuleError as exc:
            return error_text(exc)
        return ""

    def save(self, criterion_id: str, changes: Changes, expect: Changes | None = None) -> None:
        """Write changes to one finding on the runner; the outcome shows when it is done.

        With `expect` (an undo or redo) nothing is written unless the finding still holds
        those values: it was changed elsewhere, or the edit never took.
        """
        session = self.session
        assert session is not None
        if expect is not None:
            current = self.ledger.expected(criterion_id)
            if apply_changes(current, expect) != current:
                problem = self.tr(
                    "Not undone: criterion {criterion} has changed since that edit"
                ).format(criterion=criterion_id)
                self.ledger.set_problem(criterion_id, problem)
                if criterion_id == self._current:
                    self.editor.show_problem(problem)
                return
        given = {name: value for name, value in changes.items() if value is not None}
        # record_finding keeps a field given as None; emptied fields are named in `clear`.
        cleared = tuple(name for name, value in changes.items() if value is None)
        based_on = self.ledger.send(criterion_id, changes)
        self._update_save_state()

        def write() -> FindingRecord:
            arguments = dict(given)
            for listed in ("reasons", "unmet_parts"):
                if listed in arguments:
                    arguments[listed] = list(arguments[listed])
            return session.record_finding(
                criterion_id, clear=cleared, based_on=based_on, **arguments
            )

        self._runner.run(
            write,
            lambda record: self._on_saved(criterion_id, record),
            lambda exc: self._on_save_failed(criterion_id, changes, exc),
        )

    def _on_saved(self, criterion_id: str, record: FindingRecord) -> None:
        self.ledger.saved(criterion_id, record)
        self._saved_at = time.strftime("%H:%M:%S")
        self.model.set_status(criterion_id, record.finding.status)
        self.model.set_unsaved(criterion_id, self.ledger.has_draft(criterion_id))
        if criterion_id == self._current and not self.ledger.busy(criterion_id):
            self._show_again(criterion_id)
        self.finding_saved.emit(criterion_id)
        if not self._in_stack_call:
            self._settle()
        self._update_save_state()

    def _on_save_failed(self, criterion_id: str, changes: Changes, exc: Exception) -> None:
        message = error_text(exc) if isinstance(exc, CtpatError) else f"{type(exc).__name__}: {exc}"
        stale = isinstance(exc, StaleEdit)
        self.ledger.failed(criterion_id, changes, message, stale=stale)
        if stale:
            # Changed elsewhere since it was shown: show what is stored now and say so.
            self.reload()
            self._update_save_state()
            return
        self.model.set_unsaved(criterion_id, True)
        if criterion_id == self._current:
            self.editor.show_problem(message)
        self._update_save_state()

    def reload(self) -> None:
        """Read the validation and its findings again: an import, a sync, a resolve, a
        signing or another panel changed them. Criteria with edits under way keep theirs
        (their answers are coming)."""
        session = self.session
        if session is None:
            return
        ctx = self._ctx
        pinned = (session.validation.entity, session.validation.catalog_version)

        def read() -> _Reread:
            validation = ctx.store.validation(session.id)
            # The catalog is read again only when the validation pinned another one.
            changed = (validation.entity, validation.catalog_version) != pinned
            fresh = ValidationSession(ctx, session.id) if changed else None
            return validation, fresh, session.findings(), finding_sites(ctx, session.id)

        self._runner.run(read, self._on_reread, self._on_load_failed)

    def _on_reread(self, loaded: _Reread) -> None:
        validation, fresh, records, places = loaded
        session = self.session
        assert session is not None
        self._set_places(places)
        # The side panels hold this same session: they see the new values too.
        session.validation = validation
        self.reloaded.emit()
        if fresh is not None:
            # Another entity type or catalog (only before any finding): another checklist.
            session.catalog = fresh.catalog
            self._show_checklist(records)
            return
        was_locked = self._locked
        self._show_validation()
        if was_locked != self._locked and self._current is not None:
            self._show_again(self._current)
        self._update_save_state()
        self._on_reloaded(records)

    def _on_reloaded(self, records: dict[str, FindingRecord]) -> None:
        for criterion_id in self.ledger.reread(records):
            self.model.set_status(criterion_id, self.ledger.stored(criterion_id).status)
            if criterion_id == self._current:
                self._show_again(criterion_id)
        self._update_progress()

    def _show_again(self, criterion_id: str) -> None:
        """Show the current criterion's finding as it now is (what is typed stays)."""
        self.editor.show_finding(
            self.model.criterion(criterion_id),
            self.ledger.view(criterion_id),
            self.ledger.problem(criterion_id),
        )

    # Visit records --------------------------------------------------------------------

    def site_of(self, criterion_id: str) -> str | None:
        """The site a criterion was checked at, as last read (None: not said)."""
        record = self._finding_sites.get(criterion_id)
        return record.values["site_id"] if record is not None else None

    def _set_places(self, places: _Places) -> None:
        sites, self._finding_sites = places
        self.editor.set_sites([(str(site.values["name"]), site.id) for site in sites])
        if self._current is not None:
            self.editor.show_site(self.site_of(self._current))

    def _on_editor_site_chosen(self, criterion_id: str, site_id: str | None) -> None:
        session = self.session
        if session is None or self._locked:
            return
        ctx = self._ctx

        def failed(exc: Exception) -> None:
            if criterion_id == self._current:
                self.editor.show_site(self.site_of(criterion_id))
                self.editor.show_problem(error_text(exc))

        self._runner.run(
            lambda: choose_site(ctx, session.id, criterion_id, site_id),
            self._on_site_written,
            failed,
        )

    def _on_site_written(self, edit: VisitEdit | None) -> None:
        if edit is None:
            return
        criterion_id = str(edit.record.values["criterion"])
        if criterion_id == self._current:  # a refused choice before is said no more
            self.editor.show_problem(self.ledger.problem(criterion_id))
        self.push_visit_edit(edit)
        self.reload()  # a visit change may also withdraw an approval

    def push_visit_edit(self, edit: VisitEdit) -> None:
        """Put a visit record edit that is stored (the site chosen here, the Visit panel's)
        on the undo stack, so that Ctrl+Z takes it back like a finding edit."""
        self._push(VisitEditCommand(self, edit))

    def put_back_visit(self, kind: Declaration, have: Item | None, want: Item | None) -> None:
        """Undo or redo a visit record edit on the runner: the record from `have` back to
        `want`, only if the store still holds `have` (else say so, change nothing)."""
        session = self.session
        assert session is not None
        ctx, ids = self._ctx, self.visit_ids
        self._visit_saving += 1

        def done(_item: Item | None) -> None:
            self._visit_saving -= 1
            self._saved_at = time.strftime("%H:%M:%S")
            self.reload()
            if not self._in_stack_call:
                self._settle()

        def failed(exc: Exception) -> None:
            self._visit_saving -= 1
            record = have or want
            assert record is not None
            if isinstance(exc, StaleEdit):
                text = self.tr("Not undone: the {record} has changed since that edit").format(
                    record=record_words(kind, record)
                )
                self.reload()  # show what it holds now
            else:
                text = self.tr("Not undone: {error}").format(error=error_text(exc))
            self.statusBar().showMessage(text, 10000)
            if not self._in_stack_call:
                self._settle()

        self._runner.run(lambda: put_back(ctx, session.id, kind, have, want, ids), done, failed)

    def finding(self, criterion_id: str) -> Finding:
        """The saved finding of a criterion, from memory."""
        return self.ledger.stored(criterion_id)

    def unsaved(self) -> dict[str, str]:
        """Criteria whose last edit is not saved, with the reason."""
        return self.ledger.unsaved()

    # Undo stack -----------------------------------------------------------------------

    def _push(self, command: QUndoCommand) -> None:
        stack = self.undo_stack
        if stack.isClean() and command.id() != -1 and stack.index() > 0:
            top = stack.command(stack.index() - 1)
            if top is not None and top.id() == command.id():
                # Qt never merges into the clean command. Here "clean" only means "saved",
                # and the merged edit is saved too, so typing in one field stays one step.
                stack.resetClean()
        self._stack_call(lambda: stack.push(command))

    def undo(self) -> None:
        """Undo the last finding edit (after sending what is being typed)."""
        self.editor.flush()
        self._stack_call(self.undo_stack.undo)

    def redo(self) -> None:
        """Redo the finding edit undone last."""
        self.editor.flush()
        self._stack_call(self.undo_stack.redo)

    def _stack_call(self, call: Any) -> None:
        # A synchronous runner saves inside push/undo/redo, before the stack has moved its
        # index; marking the stack clean then would mark the wrong command.
        self._in_stack_call = True
        try:
            call()
        finally:
            self._in_stack_call = False
        self._settle()

    def _settle(self) -> None:
        """Mark the stack clean once every edit on it is in the store."""
        if self.ledger.saving == 0 and self._visit_saving == 0 and not self.ledger.has_draft():
            self.undo_stack.setClean()
        self._update_save_state()

    # Status bar -----------------------------------------------------------------------

    def _update_save_state(self) -> None:
        if not isValid(self.undo_stack):  # a save's answer can come after the window is gone
            return
        if self.session is None:
            text = self.tr("Loading…")
        elif self._locked:
            text = self.tr("Signed and locked: reopen the validation to change findings")
        elif self.ledger.saving:
            text = self.tr("… Saving…")
        elif unsaved := self.ledger.unsaved():
            shown = self._current if self._current in unsaved else next(iter(unsaved))
            problem = unsaved[shown]
            others = len(unsaved) - 1
            text = (
                self.tr("⚠ Not saved: {problem} (and %n more)", "", others)
                if others
                else self.tr("⚠ Not saved: {problem}")
            ).format(problem=problem)
        elif self._saved_at:
            text = self.tr("✓ All changes saved {time}").format(time=self._saved_at)
        else:
            text = self.tr("✓ All changes saved")
        self.save_label.setText(text)
        self.setWindowModified(not self.undo_stack.isClean() or self.ledger.has_draft())

    def _update_progress(self) -> None:
        total, reviewed, not_met = self.model.totals()
        self.progress_label.setText(
            self.tr("Reviewed {reviewed} of {total} · {not_met} not met").format(
                reviewed=reviewed, total=total, not_met=not_met
            )
        )

    # Window state ---------------------------------------------------------------------

    def _restore_state(self) -> None:
        state = self._window_settings
        geometry = state.load("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        window_state = state.load("state")
        if window_state is not None:
            self.restoreState(window_state)
        for key, splitter in (("columns", self.splitter), ("centre", self.centre_splitter)):
            saved = state.load(key)
            if saved is not None:
                splitter.restoreState(saved)
                self._own_sizes = True

    def _save_state(self) -> None:
        state = self._window_settings
        state.store("geometry", self.saveGeometry())
        state.store("state", self.saveState())
        state.store("columns", self.splitter.saveState())
        state.store("centre", self.centre_splitter.saveState())
        state.sync()

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog(_AllActions(self), self.editor.field_labels, self).exec()

    def confirm_discard(self, unsaved: dict[str, str]) -> bool:
        """Ask before closing with edits the rules refused; True closes."""
        lines = "\n".join(f"• {problem}" for problem in unsaved.values())
        answer = QMessageBox.question(
            self,
            self.tr("Close with unsaved edits?"),
            self.tr(
                "These edits are not saved because they break a rule:\n{edits}\n\n"
                "Close anyway and lose them?"
            ).format(edits=lines),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        """Send what is being typed, let the saves finish, remember the window's state."""
        self.editor.flush()
        self._runner.wait()
        # Results of the last saves wait in the event queue; take them in before deciding.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        if self.ledger.has_draft() and not self.confirm_discard(self.unsaved()):
            event.ignore()
            return
        if not all(check() for check in self._close_checks):
            event.ignore()
            return
        self._runner.wait()  # what the checks recorded (a paused session) is written
        self._save_state()
        super().closeEvent(event)


class _AllActions:
    """The workspace's own actions and its panels', for the shortcut list (F1)."""

    def __init__(self, window: WorkspaceWindow) -> None:
        self._window = window

    def all(self) -> list[QAction]:
        return [*self._window.menu_actions.all(), *self._window.panel_actions]
