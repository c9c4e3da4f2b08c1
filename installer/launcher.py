"""Entry point of the frozen app: the same command line as `ctpat-desktop`."""

from ctpat_desktop.cli import main

raise SystemExit(main())
