"""The ctpat-hub command line; the hub itself arrives with the sync issue."""

import argparse
import sys
from collections.abc import Sequence

from ctpat_desktop import __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Say plainly that this version has no hub yet."""
    parser = argparse.ArgumentParser(prog="ctpat-hub", description="CTPAT field-office hub")
    parser.add_argument("--version", action="version", version=f"ctpat-hub {__version__}")
    parser.parse_known_args(argv)
    print(
        "ctpat-hub: error: this version of ctpat-desktop has no hub yet; "
        "use `ctpat-desktop validation export` to move validations between laptops",
        file=sys.stderr,
    )
    return 2
