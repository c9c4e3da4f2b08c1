"""`python -m ctpat_desktop.records`: bring the exchange file's JSON Schema up to the
declarations (after a field or a kind is declared); says whether it changed."""

from ctpat_desktop.paths import resources_dir
from ctpat_desktop.records.documents import write_schema
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.records.validation import DECLARED

if __name__ == "__main__":
    path = resources_dir() / "schema" / "validation-exchange.schema.json"
    changed = write_schema(path, (FINDING, *VISIT_KINDS))
    changed = DECLARED.write_head_schema(path) or changed
    print(f"{path}: {'updated' if changed else 'already up to date'}")
