"""Read a PDF back for what PDF/UA and PDF/A ask: tags, language, metadata, embedded fonts."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest


@dataclass(frozen=True)
class Element:
    """One structure element: its standard type (role map applied) and alternate text."""

    tag: str
    alt: str | None


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: `make test` installs poppler-utils")
    return found


def structure(path: Path) -> list[Element]:
    """The structure tree's elements in document order (an untagged PDF: none)."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return []
        roles = root.get("/RoleMap", pikepdf.Dictionary())
        found: list[Element] = []

        def walk(node: object) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary):
                if "/S" in node:
                    tag = str(node.S)
                    tag = str(roles.get(tag, tag))
                    alt = node.get("/Alt")
                    found.append(Element(tag.lstrip("/"), str(alt) if alt is not None else None))
                if "/K" in node:
                    walk(node.K)

        walk(root.get("/K"))
        return found


def catalog(path: Path) -> tuple[str | None, bool]:
    """The document's /Lang and whether viewers are told to show its title."""
    with pikepdf.open(path) as pdf:
        lang = pdf.Root.get("/Lang")
        prefs = pdf.Root.get("/ViewerPreferences", pikepdf.Dictionary())
        return (str(lang) if lang is not None else None, bool(prefs.get("/DisplayDocTitle")))


def conformance(path: Path) -> dict[str, str]:
    """PDF/A and PDF/UA identification from the XMP metadata: {"pdfa": "2B", "pdfua": "1"}."""
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        found = {}
        part = meta.get("{http://www.aiim.org/pdfa/ns/id/}part")
        if part:
            found["pdfa"] = part + meta.get("{http://www.aiim.org/pdfa/ns/id/}conformance", "")
        ua = meta.get("{http://www.aiim.org/pdfua/ns/id/}part")
        if ua:
            found["pdfua"] = ua
        return found


def fonts(path: Path) -> list[tuple[str, bool]]:
    """Each font pdffonts lists (name, embedded), the signature's appearance included."""
    done = subprocess.run(
        [_tool("pdffonts"), str(path)], capture_output=True, check=True, text=True
    )
    rows = []
    for line in done.stdout.splitlines()[2:]:
        # Columns: name type encoding emb sub uni object ID; the name has no spaces.
        fields = line.split()
        emb = fields[-5]
        rows.append((fields[0], emb == "yes"))
    return rows


def info(path: Path) -> dict[str, str]:
    """What pdfinfo says about the file, by key."""
    done = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, check=True, text=True)
    pairs = (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def page_words(path: Path) -> list[str]:
    """Each page's words run together (pdftotext -bbox splits rotated text into letters)."""
    done = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    )
    pages = done.stdout.split("<page ")[1:]
    return ["".join(re.findall(r"<word [^>]*>([^<]*)</word>", page)) for page in pages]


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext -layout reads it."""
    done = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return [page for page in done.stdout.split("\f") if page.strip()]
