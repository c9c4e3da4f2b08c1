"""Tagged, archival PDFs (PDF/UA-1 and PDF/A-2b) typeset with Typst from plain blocks."""
