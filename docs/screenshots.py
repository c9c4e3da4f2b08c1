"""Screenshots of the workspace beside WebEx, for the README: `python docs/screenshots.py`.

Builds the demo in a throwaway data folder and grabs the workspace offscreen at half a
government laptop's screen (683x705), a tall half (960x1010) and a whole laptop
(1366x705), on a deficiency with its reasons, and saves them next to this file.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CTPAT_DB_PASSPHRASE", "screenshots only")
SIZES = [(683, 705), (960, 1010), (1366, 705)]


def main() -> None:
    """Grab the three sizes into docs/."""
    with tempfile.TemporaryDirectory() as config:
        os.environ["XDG_CONFIG_HOME"] = config  # no window state of the developer's own
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        from ctpat_desktop.app import AppContext
        from ctpat_desktop.services.demo import create_demo
        from ctpat_desktop.services.validations import list_validations
        from ctpat_desktop.settings import Settings
        from ctpat_desktop.ui.runner import ImmediateRunner
        from ctpat_desktop.ui.workspace_open import open_workspace
        from ctpat_desktop.worksheet import FindingStatus, Lifecycle

        with tempfile.TemporaryDirectory() as folder:
            ctx = AppContext(Path(folder) / "data", Settings(user="Daniel Okafor"))
            create_demo(ctx)
            summary = next(
                s for s in list_validations(ctx) if s.validation.status is Lifecycle.IN_PROGRESS
            )
            for width, height in SIZES:
                window = open_workspace(ctx, ImmediateRunner(), summary.validation.id)
                window.resize(width, height)
                window.show()
                while window.side_tabs.count() < 3:
                    app.processEvents()
                deficiency = next(
                    (
                        cid
                        for cid in window.model.criterion_ids()
                        if window.model.status(cid) is FindingStatus.NOT_MET
                    ),
                    None,
                )
                if deficiency is not None:
                    window.go_to(deficiency)
                for _ in range(20):
                    app.processEvents()
                target = Path(__file__).with_name(f"workspace-{width}x{height}.png")
                window.grab().save(str(target))
                print(target)
                window.close()
            ctx.close()


if __name__ == "__main__":
    main()
