"""The validation report: PDF (reportlab), signing and verification (pyHanko)."""
