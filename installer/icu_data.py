"""ICU's data library cut down to what the app can reach (used by the spec and the smoke test).

Qt's Linux wheels ship ICU with all of its data, 32 MB in `libicudata.so.<N>`: every
language's collation, names and number spelling, the CJK and South-East Asian word-break
dictionaries, the transliterators and some 200 legacy character sets. Qt reaches ICU for
collation (QCollator, sorting in file dialogs), case mapping, time zones and, only when a
program asks for a legacy encoding by name, the character sets (this app never does: it
reads and writes files in Python, and Qt itself assumes UTF-8 on Linux). What stays: the
root data and English and Spanish (the app's languages) in every tree, every data item
that is no language's (normalisation, properties, the collation base table, time zones,
plural rules, break rules, ...), and the charset alias table. A language left out falls
back to the root data, as ICU does for any language it has no data for: a French desktop
still sorts by the Unicode collation order.

The data item is the library's one symbol, `icudt<N>_dat`, an ICU common-data package (a
table of contents of named items, sorted by name, then the items); the cut package is
assembled with `as` and linked with `ld` (binutils, which `strip` comes from) into a
library of the same name and soname.
"""

import re
import struct
import subprocess
from collections.abc import Iterable
from pathlib import Path

LANGUAGES = ("en", "es")  # the app's languages (ctpat_desktop/ui/i18n.py)
# Items the app can reach whatever the languages: checked by the smoke test.
NEEDED = (
    "root.res",
    "pool.res",
    "en.res",
    "es.res",
    "es_MX.res",
    "nfkc.nrm",
    "uts46.nrm",
    "cnvalias.icu",
    "zoneinfo64.res",
    "metaZones.res",
    "timezoneTypes.res",
    "windowsZones.res",
    "supplementalData.res",
    "likelySubtags.res",
    "coll/ucadata.icu",
    "coll/root.res",
    "coll/es.res",
    "brkitr/word.brk",
    "zone/es.res",
)
# A locale's item: a language, then anything (es, es_419, sr_Latn_BA, de__PHONEBOOK); the
# one other item so named is each tree's index.
_LOCALE = re.compile(r"(?!res_index$)([a-z]{2,3})(_.*)?")
_ALIGN = 16  # ICU's packages start every item on 16 bytes (icupkg does the same)
# The library's one symbol, the package, read-only; no executable stack.
_ASSEMBLY = """\
    .section .rodata
    .balign {align}
    .globl {symbol}
    .type {symbol}, @object
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def kept(item: str) -> bool:
    """Whether an item of the package (its name after the package's prefix) stays."""
    folder, _, name = item.rpartition("/")
    stem, _, kind = name.rpartition(".")
    if folder == "translit" or kind in ("cnv", "dict"):
        return False
    locale = _LOCALE.fullmatch(stem) if kind == "res" else None
    if locale:
        return locale[1] in LANGUAGES
    return True


def symbol_of(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size in an ICU data library."""
    listed = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", listed, re.M)
    if found is None:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    address, size = int(found[1], 16), int(found[2], 16)
    return found[3], _file_offset(library.read_bytes(), address), size


def _file_offset(elf: bytes, address: int) -> int:
    """Where a virtual address of a 64-bit little-endian ELF file lies in the file."""
    if elf[:6] != b"\x7fELF\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    (phoff,) = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    for n in range(phnum):
        kind, _, offset, vaddr, _, filesz = struct.unpack_from(
            "<IIQQQQ", elf, phoff + n * phentsize
        )
        if kind == 1 and vaddr <= address < vaddr + filesz:  # PT_LOAD
            return int(address - vaddr + offset)
    raise ValueError(f"address {address:#x} is in no loaded segment")


def package_of(library: Path) -> bytes:
    """The ICU common-data package an ICU data library holds."""
    _, offset, size = symbol_of(library)
    with library.open("rb") as f:
        f.seek(offset)
        return f.read(size)


def items(package: bytes) -> list[tuple[str, bytes]]:
    """The package's items, in order: (full name, bytes up to the next item)."""
    header_size, magic = struct.unpack_from("<H2s", package, 0)
    if magic != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common-data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * n) for n in range(count)]
    starts = [header_size + data for _, data in entries] + [len(package)]
    found = []
    for n, (name_at, _) in enumerate(entries):
        at = header_size + name_at
        name = package[at : package.index(b"\0", at)].decode("ascii")
        found.append((name, package[starts[n] : starts[n + 1]]))
    return found


def item_names(package: bytes) -> list[str]:
    """The items' names without the package prefix (coll/es.res, zoneinfo64.res, ...)."""
    return [name.partition("/")[2] for name, _ in items(package)]


def pack(header: bytes, chosen: Iterable[tuple[str, bytes]]) -> bytes:
    """A package of these items (kept in their order, which is ICU's sorted order)."""
    chosen = list(chosen)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in chosen)
    table = 4 + 8 * len(chosen)
    first = _aligned(len(header) + table + len(names)) - len(header)
    name_at, data_at = table, first
    entries, body = [], bytearray()
    for name, content in chosen:
        entries.append(struct.pack("<II", name_at, data_at + len(body)))
        name_at += len(name) + 1
        body += content + b"\0" * (_aligned(len(content)) - len(content))
    toc = struct.pack("<I", len(chosen)) + b"".join(entries) + names
    return header + toc + b"\0" * (first - len(toc)) + bytes(body)


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def trim(package: bytes) -> bytes:
    """The package with only the items that stay."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    chosen = [(n, c) for n, c in items(package) if kept(n.partition("/")[2])]
    return pack(package[:header_size], chosen)


def build_library(original: Path, folder: Path) -> Path:
    """A copy of the ICU data library holding only the items that stay, built in folder."""
    symbol, _, _ = symbol_of(original)
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{symbol}.dat"
    data.write_bytes(trim(package_of(original)))
    source, obj, library = folder / f"{symbol}.s", folder / f"{symbol}.o", folder / original.name
    source.write_text(_ASSEMBLY.format(align=_ALIGN, symbol=symbol, data=data.name), "ascii")
    subprocess.run(["as", "-o", obj.name, source.name], cwd=folder, check=True)
    soname = original.name  # libicudata.so.73: what libicuuc links to
    subprocess.run(
        ["ld", "-shared", "-soname", soname, "-o", library.name, obj.name], cwd=folder, check=True
    )
    return library
