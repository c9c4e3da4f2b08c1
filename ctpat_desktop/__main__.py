"""Entry point for `python -m ctpat_desktop`."""

from ctpat_desktop.cli import main

raise SystemExit(main())
