"""The validation report: its PDF (the Typst engine in ctpat_desktop/pdf), signing and
verification (pyHanko)."""
