"""Smoke test of the frozen app (offscreen): version, demo, report, signing, GUI start.

Usage: python installer/smoke_test.py dist/ctpat-desktop
Checks the folder against its size budget and that the Qt pieces the app needs survived
the spec's cuts (each kept Qt binary finds the Qt libraries it links to, ICU's cut data
holds what Qt asks it for), then runs the frozen app through the user's main paths: its
report and dashboard PDFs must come out of Typst tagged (PDF/UA-1, PDF/A-2b) and set in
the fonts of resources/fonts, embedded, as must the signature's stamp. Prints the folder
size and the start time of the frozen app against the source run.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import icu_data  # installer/icu_data.py, beside this script

SIZE_BUDGET_MB = 250  # DESIGN.md: frozen app folder ≤ 250 MB (MB = 10**6 bytes, files' sizes)

# What the app loads at run time that PyInstaller's analysis cannot see, relative to
# _internal/PySide6/Qt: the spec leaves out other plugins and translations, not these.
QT_FILES_NEEDED = (
    "plugins/platforms/libqoffscreen.so",  # tests, this smoke test
    "plugins/platforms/libqxcb.so",  # X11 desktops
    "plugins/platforms/libqwayland.so",  # Wayland desktops
    "plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # dead keys
    "plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "plugins/platformthemes/libqxdgdesktopportal.so",
    "plugins/iconengines/libqsvgicon.so",  # the app's SVG icon
    "plugins/imageformats/libqjpeg.so",  # evidence thumbnails (PNG and BMP are built in)
    "plugins/imageformats/libqgif.so",
    "plugins/imageformats/libqwebp.so",
    "plugins/imageformats/libqtiff.so",
    "plugins/imageformats/libqico.so",
    "plugins/imageformats/libqsvg.so",
    "lib/libQt6Pdf.so.6",  # the report preview
    "lib/libQt6PdfWidgets.so.6",
    "translations/qtbase_es.qm",  # standard buttons in Spanish
)
# The signature stamp's font (ctpat_desktop/report/signing.py: STAMP_FONT), in resources/fonts.
STAMP_FONT = "NotoSans-Regular"
# Libraries of the bundle that a kept Qt binary may link to: each must be in the folder.
BUNDLED_PREFIXES = ("libQt6", "libicu", "libpyside6", "libshiboken6")


def _run(*command: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _folder_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 1e6


def _needed(binary: Path) -> list[str]:
    """The shared libraries an ELF file links to (its NEEDED entries)."""
    dynamic = _run("readelf", "-d", str(binary))
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def _check_qt(folder: Path) -> None:
    """The Qt files the app needs are there, and every kept Qt binary finds its Qt libraries."""
    dangling = [str(p.relative_to(folder)) for p in folder.rglob("*") if not p.exists()]
    if dangling:
        raise SystemExit(f"FAILED: links to files left out: {', '.join(sorted(dangling))}")
    qt = folder / "_internal" / "PySide6" / "Qt"
    missing = [name for name in QT_FILES_NEEDED if not (qt / name).exists()]
    if missing:
        raise SystemExit(f"FAILED: left out of the bundle but needed: {', '.join(missing)}")
    if shutil.which("readelf") is None:
        print("readelf not found: the Qt libraries' links were not checked")
        return
    present = {p.name for p in folder.rglob("*") if ".so" in p.name and p.exists()}
    binaries = [p for p in (folder / "_internal" / "PySide6").rglob("*.so*") if p.is_file()]
    broken = sorted(
        f"{b.relative_to(folder)} → {lib}"
        for b in binaries
        for lib in _needed(b)
        if lib.startswith(BUNDLED_PREFIXES) and lib not in present
    )
    if broken:
        raise SystemExit("FAILED: Qt libraries left out but linked to:\n" + "\n".join(broken))
    print(f"Qt: {len(binaries)} binaries, every Qt library they link to is in the folder")


def _check_icu(folder: Path) -> None:
    """ICU's data library (Linux) holds the items Qt reaches for English and Spanish."""
    found = list((folder / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so*"))
    if not found:
        print("ICU: no data library in the folder (not a Linux build)")
        return
    names = set(icu_data.item_names(icu_data.package_of(found[0])))
    missing = [name for name in icu_data.NEEDED if name not in names]
    if missing:
        raise SystemExit(f"FAILED: ICU data items left out but needed: {', '.join(missing)}")
    size = found[0].stat().st_size / 1e6
    print(f"ICU: {len(names)} data items ({size:.1f} MB), the ones Qt needs among them")


def _fonts(pdf: Any) -> dict[str, bool]:
    """Every font a PDF's pages, forms and annotation appearances use: name → embedded."""
    fonts: dict[str, bool] = {}
    seen: set[tuple[int, int]] = set()

    def visit(holder: Any) -> None:
        if holder.is_indirect:
            if holder.objgen in seen:
                return
            seen.add(holder.objgen)
        resources = holder.get("/Resources", {})
        for font in resources.get("/Font", {}).values():
            face = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = face.get("/FontDescriptor", {})
            name = str(face.get("/BaseFont", "")).lstrip("/").split("+")[-1]
            fonts[name] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for form in resources.get("/XObject", {}).values():
            if form.get("/Subtype") == "/Form":
                visit(form)

    for page in pdf.pages:
        visit(page.obj)
        for annotation in page.obj.get("/Annots", []):
            appearance = annotation.get("/AP", {}).get("/N")
            if appearance is not None and "/Subtype" in appearance:
                visit(appearance)
    return fonts


_XMP_CREATOR = "{http://ns.adobe.com/xap/1.0/}CreatorTool"
_XMP_PDFA = "{http://www.aiim.org/pdfa/ns/id/}part"
_XMP_PDFUA = "{http://www.aiim.org/pdfua/ns/id/}part"


def _check_typst_pdf(path: Path, shipped: set[str], stamp_font: str | None = None) -> None:
    """The PDF came from Typst as PDF/UA-1 and PDF/A-2b, /Lang set, every font embedded and
    one of the app's (resources/fonts); with stamp_font, the signature's stamp is set in it."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        mark = root.get("/MarkInfo")
        with pdf.open_metadata() as xmp:
            meta = {key: str(value) for key, value in xmp.items()}
        problems = [
            what
            for what, bad in (
                ("not made by Typst", not meta.get(_XMP_CREATOR, "").startswith("Typst")),
                ("not PDF/A-2", meta.get(_XMP_PDFA) != "2"),
                ("not PDF/UA-1", meta.get(_XMP_PDFUA) != "1"),
                ("not tagged", "/StructTreeRoot" not in root),
                ("not marked as tagged", mark is None or not mark.get("/Marked", False)),
                ("no /Lang", not str(root.get("/Lang", ""))),
            )
            if bad
        ]
        fonts = _fonts(pdf)
    if not fonts:
        problems.append("no fonts")
    problems += [f"font {name} not embedded" for name, embedded in fonts.items() if not embedded]
    problems += [f"font {name} is not the app's" for name in fonts if name not in shipped]
    if stamp_font is not None and stamp_font not in fonts:
        problems.append(f"the signature's stamp is not set in {stamp_font}")
    if problems:
        raise SystemExit(f"FAILED: {path.name}: {'; '.join(problems)}")


def _pictures(folder: Path) -> tuple[Path, Path]:
    """A JPEG (a phone photo) and a PNG with transparency (a screen grab) as evidence."""
    from PIL import Image

    photo, grab = folder / "photo.jpg", folder / "grab.png"
    Image.new("RGB", (640, 480), (160, 40, 30)).save(photo, quality=90)
    Image.new("RGBA", (320, 200), (0, 90, 200, 128)).save(grab)
    return photo, grab


def _images_in(pdf: Path) -> int:
    """How many images a PDF holds (image XObjects are streams, never in object streams)."""
    return len(re.findall(rb"/Subtype\s*/Image\b", pdf.read_bytes()))


def _median_seconds(*command: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _run(*command)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _reports(app: str, data: str, tmp: Path, shipped: set[str]) -> None:
    """Draft, pictures, signed, a signed Spanish rendition, verify, worksheet, dashboard."""
    listed = json.loads(_run(app, "validation", "list", "--json", "--data-dir", data))
    # A validation a supervisor approved (the demo has some): only those are signed.
    approved = next(v for v in listed["validations"] if v["status"] == "approved")
    validation = approved["id"]
    _run(app, "report", validation, f"{tmp}/draft.pdf", "--data-dir", data)
    _check_typst_pdf(tmp / "draft.pdf", shipped)
    # Pictures as evidence, in a report: Pillow's JPEG and PNG codecs in the bundle.
    open_one = next(v["id"] for v in listed["validations"] if v["status"] == "in-progress")
    shown = json.loads(_run(app, "validation", "show", open_one, "--json", "--data-dir", data))
    criterion = shown["findings"][0]["criterion"]
    for picture in _pictures(tmp):
        _run(app, "evidence", "add", open_one, criterion, str(picture), "--data-dir", data)
    _run(app, "report", open_one, f"{tmp}/pictures.pdf", "--data-dir", data)
    images = _images_in(tmp / "pictures.pdf")
    if images < 2:
        raise SystemExit(f"FAILED: the report holds {images} of the 2 evidence pictures")
    # The signer's certificate must name the validation's SCSS.
    _run(
        app,
        "test-certificate",
        f"{tmp}/id",
        "--name",
        approved["scss"],
        "--passphrase",
        "frozen",
        "--data-dir",
        data,
    )
    # The passphrase comes from the environment: no keyring backend works here, and the
    # frozen app must carry on without one.
    env = os.environ | {"CTPAT_KEY_PASSPHRASE": "frozen"}
    key = ("--sign", "--p12", f"{tmp}/id/signer.p12", "--data-dir", data)
    _run(app, "report", validation, f"{tmp}/signed.pdf", *key, env=env)
    _check_typst_pdf(tmp / "signed.pdf", shipped, stamp_font=STAMP_FONT)
    # The Spanish rendition of the signed version: its cover notice goes in with pikepdf.
    _run(
        app,
        "report",
        validation,
        f"{tmp}/es.pdf",
        "--lang",
        "es",
        "--rendition-of",
        "1",
        *key,
        env=env,
    )
    _check_typst_pdf(tmp / "es.pdf", shipped, stamp_font=STAMP_FONT)
    for signed in ("signed.pdf", "es.pdf"):
        _run(app, "verify", f"{tmp}/{signed}", "--trust", f"{tmp}/id/ca.pem")
    _run(app, "worksheet", "export", validation, f"{tmp}/w.xlsx", "--data-dir", data)
    _run(app, "stats", "--json", "--data-dir", data)
    _run(app, "stats", "--pdf", f"{tmp}/dashboard.pdf", "--data-dir", data)
    _check_typst_pdf(tmp / "dashboard.pdf", shipped)


def main() -> None:
    """Run the frozen app through the user's main paths; exit non-zero on any failure."""
    folder = Path(sys.argv[1]).resolve()
    app = str(folder / "ctpat-desktop")
    size = _folder_mb(folder)
    print(f"folder size {size:.0f} MB (budget {SIZE_BUDGET_MB} MB)", flush=True)
    _check_qt(folder)
    _check_icu(folder)
    shipped = {p.stem for p in (folder / "_internal" / "resources" / "fonts").glob("*.ttf")}
    if STAMP_FONT not in shipped:
        raise SystemExit(f"FAILED: the signature's font {STAMP_FONT}.ttf is not in the folder")
    source = [sys.executable, "-m", "ctpat_desktop"]
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # No keyring works here: the data folder's key comes from a passphrase, as a script's.
    os.environ.setdefault("CTPAT_DB_PASSPHRASE", "frozen smoke test")
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        version = _run(app, "--version").strip()
        assert version.startswith("ctpat-desktop "), version
        _run(app, "catalog", "list", "--data-dir", data)
        _run(app, "demo", "--data-dir", data)
        _reports(app, data, Path(tmp), shipped)
        _run(app, "--quit-after", "0.5", "--data-dir", data)
        frozen_cli = _median_seconds(app, "validation", "list", "--data-dir", data)
        source_cli = _median_seconds(*source, "validation", "list", "--data-dir", data)
        frozen_gui = _median_seconds(app, "--quit-after", "0", "--data-dir", data, runs=3)
        source_gui = _median_seconds(*source, "--quit-after", "0", "--data-dir", data, runs=3)
    print(f"frozen app: {version}; all smoke steps passed")
    print("reports and dashboard: Typst PDF/UA-1 + PDF/A-2b, the app's fonts embedded")
    print(f"folder size {size:.0f} MB (budget {SIZE_BUDGET_MB} MB)")
    print(f"validation list: frozen {frozen_cli * 1e3:.0f} ms, source {source_cli * 1e3:.0f} ms")
    print(f"GUI start and quit: frozen {frozen_gui * 1e3:.0f} ms, source {source_gui * 1e3:.0f} ms")
    if size > SIZE_BUDGET_MB:
        raise SystemExit(f"FAILED: the folder is {size:.0f} MB, over {SIZE_BUDGET_MB} MB")


if __name__ == "__main__":
    main()
