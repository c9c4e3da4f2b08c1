"""Which of the finding's declared fields (records/finding.py) the workspace edits, and where.

The finding is declared once; the editor, the edit ledger and the undo commands take their
lists of fields from here rather than keeping their own. A field declared later is either
shown by the editor or named below with where it is edited instead (a test holds the two
to the declaration), so nobody forgets one.
"""

from ctpat_desktop.records.declare import Type
from ctpat_desktop.records.finding import FINDING, RECORDED

# Declared fields that no view of the workspace changes: the member's profile answer comes
# with the profile (worksheet import, the command line); the criterion pane only shows it.
NOT_EDITED = frozenset({"profile_answer"})
# Declared fields the finding editor leaves to another view, with the view.
NOT_IN_EDITOR = {
    "profile_answer": "the criterion pane (shown, never changed)",
    "response_implemented": "the Follow-up panel",
    "response_note": "the Follow-up panel",
    "extension_days": "the Follow-up panel (Extend due date)",
    "extension_reason": "the Follow-up panel (Extend due date)",
    "response_accepted": "the Follow-up panel",
}

# What the workspace may change, in the declaration's order (its change dicts name these).
EDITABLE = tuple(name for name in RECORDED if name not in NOT_EDITED)
# What the finding editor shows and changes, in the declaration's order.
EDITOR_FIELDS = tuple(name for name in RECORDED if name not in NOT_IN_EDITOR)
# The editor's typed texts (a box each), and the fields typed a little at a time.
TEXTS = tuple(name for name in EDITOR_FIELDS if FINDING.by_name[name].multiline)
TYPED = tuple(
    name for name in EDITOR_FIELDS if name in TEXTS or FINDING.by_name[name].type is Type.DATE
)
# Fields holding a list of codes (a tuple in a change dict).
LISTS = frozenset(f.name for f in FINDING.fields if f.type is Type.CODES)
