"""The main window: the list of validations, searchable and sortable, and its worksheets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop import __version__
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services import validations
from ctpat_desktop.settings import MAX_FONT_SCALE, MIN_FONT_SCALE, Settings, save_settings
from ctpat_desktop.startup import release_collector
from ctpat_desktop.ui.actions import main_actions
from ctpat_desktop.ui.controllers import counted, error_sentence
from ctpat_desktop.ui.controllers.report import ReportController
from ctpat_desktop.ui.controllers.review import ReviewController
from ctpat_desktop.ui.controllers.transfer import TransferController
from ctpat_desktop.ui.i18n import error_text
from ctpat_desktop.ui.language_menu import LanguageMenu
from ctpat_desktop.ui.output_language import OutputLanguage
from ctpat_desktop.ui.runner import Runner, TaskRunner
from ctpat_desktop.ui.sync.controller import SyncController
from ctpat_desktop.ui.theme import FONT_STEP, apply_theme, clamp_font_scale
from ctpat_desktop.ui.validation_list_model import ValidationListModel
from ctpat_desktop.ui.window_state import WindowSettings, app_settings
from ctpat_desktop.worksheet import Validation
from ctpat_desktop.worksheet.rules import ENTITY_CHANGEABLE

if TYPE_CHECKING:
    from ctpat_desktop.ui.dashboard_window import DashboardWindow
    from ctpat_desktop.ui.report_window import ReportWindow
    from ctpat_desktop.ui.validation_dialog import Submit, ValidationDetails

# Windows, dialogs and services used only on demand are imported in the slots that need them,
# so the list of validations is on screen sooner (measured in benchmarks/bench_gui.py).


# How often an open window checks whether another process wrote to the data folder.
WATCH_MS = 2000
# How long a workspace being read may stay off screen before its loading page is shown.
LOADING_SHOWN_MS = 250
# When the sync status is first read after start (the status bar's "changes waiting").
STATUS_AT_START_MS = 1500
# When the cycle collector, paused for the start (startup.py), resumes.
COLLECTOR_AT_START_MS = 3000


def _load_workspace_code() -> None:
    import ctpat_desktop.ui.workspace_open  # noqa: F401


def _bring_forward(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


class MainWindow(QMainWindow):
    """Lists the validations of the data folder."""

    def __init__(self, ctx: AppContext, runner: Runner | None = None) -> None:
        super().__init__()
        self._status_read = False  # the sync status not read yet (see refresh)
        self._ctx = ctx
        self._runner: Runner = runner if runner is not None else TaskRunner(self)
        self.setWindowTitle(self.tr("CTPAT Validations"))
        self.resize(1100, 600)

        self.model = ValidationListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ValidationListModel.SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(placeholderText=self.tr("Search member, account, entity type…"))
        self.search.setAccessibleName(self.tr("Search validations"))
        self.search.setAccessibleDescription(
            self.tr("Narrows the list to validations whose member, account or entity type match")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = self._build_table()

        self.empty_hint = QLabel(
            self.tr("No validations yet. Plan the first one with File → New validation… (Ctrl+N).")
        )
        self.plan_first = QPushButton(self.tr("&Plan a validation…"))
        self._build_body()
        # Details and archiving are undone here (findings, evidence: in the workspace).
        self.undo_stack = QUndoStack(self)
        self.menu_actions = main_actions(self)
        self.plan_first.clicked.connect(self.menu_actions.new_validation.trigger)
        self.dashboard: DashboardWindow | None = None
        self.backlog_window: QWidget | None = None
        self.audit_window: QMainWindow | None = None
        self.workspaces: dict[str, QMainWindow] = {}
        # Enter (and a double click) activates a row: it opens, as the README says.
        self.table.activated.connect(lambda _index: self.open_selected())
        self.search.installEventFilter(self)
        self.sync = SyncController(ctx, self._runner, self)
        self.report = ReportController(ctx, self._runner, self)
        self.review = ReviewController(ctx, self._runner, self)
        self.transfer = TransferController(ctx, self._runner, self)
        self._build_menus()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()
        self._backup_timer = self._hourly(self.back_up_if_due)
        # A CLI command (or another process) writing to this data folder while the window
        # is open: the list and open workspaces read again, never write back a stale copy.
        self._data_version: int | None = None
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.check_outside_writes)
        self._watch_timer.start()
        self._window_state = WindowSettings(app_settings(), "main")
        self._restore_layout()
        self.refresh()
        # While the list is read in the background, the workspace's code is loaded, so
        # that opening the first validation does not wait for it.
        QTimer.singleShot(0, self, _load_workspace_code)
        QTimer.singleShot(COLLECTOR_AT_START_MS, self, release_collector)

    def _build_body(self) -> None:
        """The search, the list, and in its place while it is empty, what to do."""
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        self.plan_first.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.plan_first, 0, Qt.AlignmentFlag.AlignLeft)
        self.setCentralWidget(body)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(self.tr("Validations"))
        table.setAccessibleDescription(
            self.tr("One row per validation; Enter opens the selected one, Ctrl+N plans a new one")
        )
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Member and entity type share the room left (the entity's long names are elided
        # first): before, the entity type took its whole width and the member was cut.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _restore_layout(self) -> None:
        geometry = self._window_state.load("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        columns = self._window_state.load("columns")
        if columns is not None:
            self.table.horizontalHeader().restoreState(columns)

    def _connect_undo(self) -> None:
        a = self.menu_actions
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)

    def _build_menus(self) -> None:
        a = self.menu_actions
        a.new_validation.triggered.connect(self._on_new_validation_triggered)
        a.open_validation.triggered.connect(self.open_selected)
        a.edit_validation.triggered.connect(self._on_edit_validation_triggered)
        a.archive.triggered.connect(self._on_archive_triggered)
        a.show_archived.toggled.connect(lambda _checked: self.refresh())
        a.refresh.triggered.connect(self.refresh)
        a.find.triggered.connect(self.search.setFocus)
        a.export_worksheet.triggered.connect(self.transfer.export_worksheet)
        a.import_worksheet.triggered.connect(self.transfer.import_worksheet)
        a.dashboard.triggered.connect(self._on_dashboard_triggered)
        a.backlog.triggered.connect(self._on_backlog_triggered)
        a.feedback.triggered.connect(self._on_feedback_triggered)
        a.audit_trail.triggered.connect(self._on_audit_trail_triggered)
        a.preview_report.triggered.connect(self.report.preview)
        a.sign_report.triggered.connect(self.report.sign)
        a.reopen.triggered.connect(self.report.reopen)
        a.submit_review.triggered.connect(self.review.submit)
        a.approve.triggered.connect(self.review.approve)
        a.return_review.triggered.connect(self.review.return_for_changes)
        a.verify_report.triggered.connect(self.report.verify)
        a.quit.triggered.connect(self.quit_application)
        self._connect_undo()
        a.about.triggered.connect(self._on_about_triggered)
        a.shortcuts.triggered.connect(self._on_shortcuts_triggered)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([a.new_validation, a.open_validation, a.edit_validation, a.archive])
        file_menu.addSeparator()
        file_menu.addActions([a.refresh, a.find, a.show_archived])
        file_menu.addSeparator()
        file_menu.addActions([a.export_worksheet, a.import_worksheet])
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([a.undo, a.redo])
        self._build_report_menu()
        self._build_view_menu(self.menuBar().addMenu(self.tr("&View")))
        self.sync.synced.connect(lambda _report: self.after_outside_change())
        self.sync.changed.connect(self.after_outside_change)
        sync_menu = self.menuBar().addMenu(self.tr("&Sync"))
        sync_menu.addActions(self.sync.actions())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([a.shortcuts, a.about])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions([a.new_validation, a.open_validation])
        toolbar.addSeparator()
        toolbar.addActions([a.export_worksheet, a.import_worksheet, a.dashboard])
        toolbar.addSeparator()
        toolbar.addAction(self.sync.sync_now)

    def _build_view_menu(self, view_menu: QMenu) -> None:
        a = self.menu_actions
        view_menu.addActions([a.dashboard, a.backlog, a.audit_trail])
        view_menu.addSeparator()
        view_menu.addActions([a.high_contrast, a.larger_text, a.smaller_text])
        a.high_contrast.setChecked(self._ctx.settings.high_contrast)
        a.high_contrast.toggled.connect(self._on_high_contrast_toggled)
        a.larger_text.triggered.connect(lambda: self._scale_text(FONT_STEP))
        a.smaller_text.triggered.connect(lambda: self._scale_text(-FONT_STEP))
        self._update_text_size_actions()
        view_menu.addSeparator()
        self.language = LanguageMenu(self, self._ctx.settings.language, self._save_language)
        view_menu.addMenu(self.language.menu)

    def _update_text_size_actions(self) -> None:
        scale = self._ctx.settings.font_scale
        self.menu_actions.larger_text.setEnabled(scale < MAX_FONT_SCALE)
        self.menu_actions.smaller_text.setEnabled(scale > MIN_FONT_SCALE)

    def _build_report_menu(self) -> None:
        a = self.menu_actions
        report_menu = self.menuBar().addMenu(self.tr("&Report"))
        report_menu.addActions([a.preview_report, a.submit_review, a.approve, a.return_review])
        report_menu.addSeparator()
        report_menu.addActions(
            [a.sign_report, a.reopen, self.report.letter_action(), self.report.copy_action()]
        )
        self.output_language = OutputLanguage(self)
        report_menu.addSeparator()
        report_menu.addMenu(self.output_language.menu)
        report_menu.addSeparator()
        report_menu.addAction(a.verify_report)
        report_menu.addAction(a.feedback)

    @property
    def report_window(self) -> ReportWindow | None:
        """The report preview, once a draft was shown."""
        return self.report.report_window

    # Helpers ------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        """The ID of the selected validation, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.proxy.data(rows[0], ValidationListModel.IdRole))

    def select_id(self, validation_id: str) -> None:
        """Select the row of one validation."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ValidationListModel.IdRole) == validation_id:
                self.table.selectRow(row)
                return

    def busy(self, message: str) -> None:
        """Say what is being done and show the busy cursor."""
        self.statusBar().showMessage(message)
        self.setCursor(Qt.CursorShape.BusyCursor)

    def idle(self, message: str = "") -> None:
        """Done: the normal cursor, and what happened for a few seconds."""
        self.unsetCursor()
        self.statusBar().showMessage(message, 8000)

    def _on_error(self, title: str) -> Any:
        def show(exc: Exception) -> None:
            self.idle()
            QMessageBox.critical(self, title, error_sentence(exc))

        return show

    def _update_actions(self) -> None:
        selected = self.selected_id() is not None
        for action in (
            self.menu_actions.open_validation,
            self.menu_actions.edit_validation,
            self.menu_actions.archive,
            self.menu_actions.export_worksheet,
            self.menu_actions.import_worksheet,
            self.menu_actions.preview_report,
            self.menu_actions.sign_report,
            self.menu_actions.reopen,
            self.menu_actions.submit_review,
            self.menu_actions.approve,
            self.menu_actions.return_review,
            self.menu_actions.feedback,
            self.report.letter_action(),
        ):
            action.setEnabled(selected)
        self.report.update_copy_action()

    # Slots --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the validations from the store (in the background)."""
        keep = self.selected_id()

        def show(summaries: list[Any]) -> None:
            self.model.set_summaries(summaries)
            self.empty_hint.setVisible(not summaries)
            self.plan_first.setVisible(not summaries)
            if keep:
                self.select_id(keep)
            self._update_actions()
            count = len(summaries)
            self.idle(
                counted(self.tr("%n validation(s) in {folder}", "", count), count).format(
                    folder=self._ctx.data_dir
                )
            )
            # After what is already queued (a workspace being opened), not before it; at
            # start, once the first window the user opens has had its turn (the status
            # reads the sync state on the same worker, and would hold up a checklist).
            delay = STATUS_AT_START_MS if not self._status_read else 0
            self._status_read = True
            QTimer.singleShot(delay, self.sync, self.sync.refresh_status)

        self.busy(self.tr("Reading validations…"))
        archived = self.menu_actions.show_archived.isChecked()
        self._runner.run(
            lambda: validations.list_validations(self._ctx, include_archived=archived),
            show,
            self._on_error(self.tr("Cannot read validations")),
        )

    def _submitter(self, work: Callable[[ValidationDetails], object]) -> Submit:
        """How a validation form saves: the work on the runner, the answer back to the form."""

        def submit(
            details: ValidationDetails,
            on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None],
        ) -> None:
            self._runner.run(lambda: work(details), on_done, on_error)

        return submit

    def _on_new_validation_triggered(self) -> None:
        from ctpat_desktop.ui.validation_dialog import ValidationDialog

        planned: list[str] = []

        def plan(details: ValidationDetails) -> str:
            validation_id = validations.plan_validation(self._ctx, **asdict(details)).id
            planned.append(validation_id)
            return validation_id

        if ValidationDialog.ask(
            self._ctx.catalogs.names(), None, self, submit=self._submitter(plan)
        ):
            self.refresh()
            self.select_id(planned[-1])

    def _on_edit_validation_triggered(self) -> None:
        from ctpat_desktop.ui.validation_dialog import ValidationDialog

        validation_id = self.selected_id()
        summary = self.model.summary_of(validation_id) if validation_id else None
        if summary is None:
            return
        old = summary.validation

        shown = _detail_values(old)
        saved: list[tuple[dict[str, Any], dict[str, Any]]] = []

        def save(details: ValidationDetails) -> object:
            # Only what the SCSS changed in the form: a field changed meanwhile elsewhere
            # (a participant added in the Session panel, a sync) is not written over.
            typed = asdict(details)  # the form's fields are the service's keywords
            edited = {name: value for name, value in typed.items() if value != shown[name]}
            result = validations.update_validation(self._ctx, old.id, **edited)
            saved.append(({name: shown[name] for name in edited}, edited))
            return result

        # The entity type (and its catalog) changes only before any finding is recorded.
        editable = summary.reviewed == 0 and old.status.value in ENTITY_CHANGEABLE
        if ValidationDialog.ask(
            self._ctx.catalogs.names(),
            old,
            self,
            entity_editable=editable,
            submit=self._submitter(save),
        ):
            self.after_outside_change()
            if saved and saved[-1][1]:
                before, after = saved[-1]
                self._push_undoable(
                    self.tr("Edit details of {member}").format(member=old.member.name),
                    old.id,
                    before,
                    after,
                )

    def _push_undoable(
        self, text: str, validation_id: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        """A change of details already saved, on the undo stack: undo puts back `before`
        only while the validation still holds `after` (and redo the other way round)."""
        from ctpat_desktop.ui.workspace.commands import DoneCommand

        self.undo_stack.push(
            DoneCommand(
                text,
                lambda: self._set_details(validation_id, after, before),
                lambda: self._set_details(validation_id, before, after),
            )
        )

    def _set_details(
        self, validation_id: str, expect: dict[str, Any], values: dict[str, Any]
    ) -> None:
        ctx = self._ctx

        def work() -> object:
            now = _detail_values(ctx.store.validation(validation_id))
            if any(now[name] != value for name, value in expect.items()):
                raise RuleError(
                    "the validation's details were changed elsewhere since; nothing was undone"
                )
            return validations.update_validation(ctx, validation_id, **values)

        self._runner.run(
            work,
            lambda _validation: self.after_outside_change(),
            self._on_error(self.tr("Cannot undo the change")),
        )

    def _on_archive_triggered(self) -> None:
        validation_id = self.selected_id()
        summary = self.model.summary_of(validation_id) if validation_id else None
        if summary is None:
            return
        archived = not summary.validation.archived

        def done(_validation: object) -> None:
            self.idle(self.tr("Archived") if archived else self.tr("Back in the list"))
            self.refresh()
            self._push_undoable(
                self.tr("Archive {member}").format(member=summary.validation.member.name)
                if archived
                else self.tr("Unarchive {member}").format(member=summary.validation.member.name),
                summary.validation.id,
                {"archived": not archived},
                {"archived": archived},
            )

        self._runner.run(
            lambda: validations.update_validation(
                self._ctx, summary.validation.id, archived=archived
            ),
            done,
            self._on_error(self.tr("Cannot archive the validation")),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes on into the list (the first row if none is chosen)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def quit_application(self) -> None:
        """Quit: every workspace closes first (each may ask about unsaved work; if one
        stays open, so does the list), then the list."""
        for window in list(self.workspaces.values()):
            if not window.close():
                return
        self.close()

    def open_selected(self) -> None:
        """Open the selected validation's workspace (one window per validation)."""
        from ctpat_desktop.ui.workspace_open import open_workspace

        validation_id = self.selected_id()
        if validation_id is None:
            return
        window = self.workspaces.get(validation_id)
        if window is not None:
            _bring_forward(window)
            return
        window = open_workspace(self._ctx, self._runner, validation_id, self)
        window.destroyed.connect(lambda _=None, v=validation_id: self.workspaces.pop(v, None))
        self.workspaces[validation_id] = window
        # A new workspace comes on screen with its checklist, in one paint: when it has
        # loaded, or with its loading page if reading takes longer than LOADING_SHOWN_MS.
        shown = [False]

        def show() -> None:
            if not shown[0]:
                shown[0] = True
                _bring_forward(window)

        if window.session is not None:  # read at once (a runner that does not wait)
            show()
            return
        window.loaded.connect(show)
        QTimer.singleShot(LOADING_SHOWN_MS, window, show)

    def after_outside_change(self) -> None:
        """Findings changed outside the open windows (a sync, an import, a resolve): the
        list and every open workspace read them again, so none writes back a stale copy."""
        self.refresh()
        for window in list(self.workspaces.values()):
            reload = getattr(window, "reload", None)
            if reload is not None:
                reload()

    def _on_dashboard_triggered(self) -> None:
        from ctpat_desktop.ui.dashboard_window import DashboardWindow

        if self.dashboard is None:
            self.dashboard = DashboardWindow(self._ctx, self._runner, self)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.refresh()

    def _on_backlog_triggered(self) -> None:
        from ctpat_desktop.ui.backlog_window import BacklogWindow

        if self.backlog_window is None:
            self.backlog_window = BacklogWindow(self._ctx, self._runner, self)
        _bring_forward(self.backlog_window)

    def _on_feedback_triggered(self) -> None:
        from ctpat_desktop.services.feedback import record_feedback
        from ctpat_desktop.ui.feedback_dialog import FeedbackDialog

        validation_id = self.selected_id()
        if validation_id is None:
            return
        rows = self.table.selectionModel().selectedRows()
        form = FeedbackDialog.ask(str(rows[0].data()), self)
        if form is None:
            return
        self.busy(self.tr("Saving the feedback…"))
        self._runner.run(
            lambda: record_feedback(self._ctx, validation_id, **form.keywords()),
            lambda _answer: self.idle(self.tr("Feedback saved")),
            self._on_error(self.tr("Cannot save the feedback")),
        )

    def check_outside_writes(self) -> None:
        """Ask the store whether another process has written since the last look."""
        self._runner.run(self._ctx.store.data_version, self._on_data_version, lambda _exc: None)

    def _on_data_version(self, version: int) -> None:
        seen, self._data_version = self._data_version, version
        if seen is not None and version != seen:
            self.after_outside_change()

    def _hourly(self, task: Any) -> QTimer:
        """A timer running task every hour while the window is open."""
        # The rolling backup is made when the data is opened; a window left open for days
        # checks every hour whether the day's backup is due.
        timer = QTimer(self)
        timer.setInterval(3600 * 1000)
        timer.timeout.connect(task)
        timer.start()
        return timer

    def back_up_if_due(self) -> None:
        """Make the day's rolling backup if it is due (on the background runner)."""
        from ctpat_desktop.store.backups import backup_if_due

        def made(path: Path | None) -> None:
            if path is not None:
                self.statusBar().showMessage(
                    self.tr("Backup made: {file}").format(file=path.name), 8000
                )

        self._runner.run(
            lambda: backup_if_due(self._ctx.store),
            made,
            lambda exc: self.statusBar().showMessage(
                self.tr("No backup this time: {error}").format(error=error_text(exc)), 15000
            ),
        )

    def _on_audit_trail_triggered(self) -> None:
        from ctpat_desktop.ui.audit_window import AuditWindow

        window = AuditWindow(self._ctx, self._runner, self, validation_id=self.selected_id())
        self.audit_window = window
        window.show()
        window.raise_()

    def _on_shortcuts_triggered(self) -> None:
        from ctpat_desktop.ui.workspace.workspace_window import ShortcutsDialog

        ShortcutsDialog(_AllActions(self), parent=self).exec()

    def _on_high_contrast_toggled(self, checked: bool) -> None:
        self._change_look(replace(self._ctx.settings, high_contrast=checked))

    def _scale_text(self, step: float) -> None:
        scale = clamp_font_scale(self._ctx.settings.font_scale + step)
        self._change_look(replace(self._ctx.settings, font_scale=scale))

    def _save_language(self, code: str) -> bool:
        settings = replace(self._ctx.settings, language=code)
        try:
            save_settings(self._ctx.data_dir, settings)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("The language was not saved: {error}").format(error=error_text(exc)), 15000
            )
            return False
        self._ctx.settings = settings
        return True

    def _change_look(self, settings: Settings) -> None:
        """Apply the theme and text size at once, then keep them for the next start."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.high_contrast, settings.font_scale)
        self._ctx.settings = settings
        self._update_text_size_actions()
        try:
            save_settings(self._ctx.data_dir, settings)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("The display settings were not saved: {error}").format(
                    error=error_text(exc)
                ),
                15000,
            )

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ctpat-desktop"),
            self.tr("ctpat-desktop {version}\nCTPAT validations, offline first.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let running work finish before the window goes; remember its layout."""
        # Nothing new is queued once the window has gone (a status read scheduled by the
        # last refresh would otherwise still reach a store that is being closed).
        self._backup_timer.stop()
        self._watch_timer.stop()
        self.sync.stop()
        self._runner.wait()
        self._window_state.store("geometry", self.saveGeometry())
        self._window_state.store("columns", self.table.horizontalHeader().saveState())
        self._window_state.sync()
        super().closeEvent(event)


class _AllActions:
    """The main window's actions and its sync actions, for the shortcuts list."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def all(self) -> list[Any]:
        """Every action, in menu order."""
        return self._window.menu_actions.all() + self._window.sync.actions()


def _detail_values(validation: Validation) -> dict[str, Any]:
    """A validation's details as update_validation takes them (to compare and put back)."""
    return {
        "member": validation.member.name,
        "account": validation.member.account,
        "mode": validation.mode.value,
        "on": validation.date,
        "scss": validation.scss,
        "office": validation.office,
        "webex_url": validation.webex_url,
        "participants": validation.participants,
        "planned_minutes": validation.planned_minutes,
        "entity": validation.entity,
        "archived": validation.archived,
    }
