"""User settings that matter to findings, kept as JSON in the data folder."""

import getpass
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError

SETTINGS_FILE = "settings.json"
DEFAULT_RESPONSE_DAYS = 90
MIN_FONT_SCALE, MAX_FONT_SCALE = 1.0, 2.0
UI_LANGUAGES = ("", "en", "es")  # "" follows the system's language


@dataclass(frozen=True, slots=True)
class Settings:
    """Values the SCSS may change; defaults follow DOMAIN.md."""

    response_days: int = DEFAULT_RESPONSE_DAYS
    user: str = ""
    office: str = ""
    tsa_url: str = ""
    hub_url: str = ""  # the field office's sync hub, e.g. https://hub.example:8765
    hub_ca: str = ""  # a CA certificate (PEM) to trust for the hub, besides the system's
    high_contrast: bool = False  # the high-contrast theme (Section 508)
    font_scale: float = 1.0  # text size, 1.0 to 2.0 times the system's
    language: str = ""  # the windows' language: "en", "es", or "" for the system's
    # Who signs for an SCSS: the SCSS's name → the certificate's subject name (CN) or
    # e-mail. An SCSS not listed signs with a certificate whose CN is their own name.
    signers: dict[str, str] = field(default_factory=dict)
    # How to reach a person or a field office, by name (an e-mail, a telephone number):
    # printed in the report's contacts.
    contacts: dict[str, str] = field(default_factory=dict)
    # The marking printed on every page of a report; "" prints the report's own default.
    sensitivity_marking: str = ""

    @property
    def actor(self) -> str:
        """Who is recorded in the audit trail."""
        if self.user:
            return self.user
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"


def load_settings(data_dir: Path) -> Settings:
    """Read settings.json from the data folder; missing file means defaults."""
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CtpatError(f"{path}: settings file is not valid JSON ({exc})") from exc
    known = {f.name for f in fields(Settings)}
    if not isinstance(raw, dict) or not set(raw) <= known:
        raise CtpatError(f"{path}: unknown settings; expected keys among {sorted(known)}")
    days = raw.get("response_days", DEFAULT_RESPONSE_DAYS)
    if not isinstance(days, int) or not 1 <= days <= 365:
        raise CtpatError(f"{path}: response_days must be a whole number of days from 1 to 365")
    high_contrast = raw.get("high_contrast", False)
    if not isinstance(high_contrast, bool):
        raise CtpatError(f"{path}: high_contrast must be true or false")
    scale = raw.get("font_scale", 1.0)
    if (
        isinstance(scale, bool)
        or not isinstance(scale, int | float)
        or not MIN_FONT_SCALE <= scale <= MAX_FONT_SCALE
    ):
        raise CtpatError(
            f"{path}: font_scale must be a number from {MIN_FONT_SCALE} to {MAX_FONT_SCALE}"
        )
    language = raw.get("language", "")
    if language not in UI_LANGUAGES:
        raise CtpatError(
            f"{path}: language must be one of {', '.join(repr(c) for c in UI_LANGUAGES)} "
            "(an empty text follows the system's language)"
        )
    return Settings(
        response_days=days,
        user=str(raw.get("user", "")),
        office=str(raw.get("office", "")),
        tsa_url=str(raw.get("tsa_url", "")),
        hub_url=str(raw.get("hub_url", "")),
        hub_ca=str(raw.get("hub_ca", "")),
        high_contrast=high_contrast,
        font_scale=float(scale),
        language=language,
        signers=_names(raw, "signers", path),
        contacts=_names(raw, "contacts", path),
        sensitivity_marking=_one_line(raw, "sensitivity_marking", path),
    )


def _names(raw: dict[str, Any], key: str, path: Path) -> dict[str, str]:
    """A table of names to texts (signers, contacts): an object of non-empty strings."""
    table = raw.get(key, {})
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in table.items()
    ):
        raise CtpatError(f"{path}: {key} must map names to non-empty texts")
    return {k.strip(): v.strip() for k, v in table.items()}


def _one_line(raw: dict[str, Any], key: str, path: Path) -> str:
    """A short text printed as is: a string without line breaks."""
    value = raw.get(key, "")
    if not isinstance(value, str) or "\n" in value or "\r" in value or len(value) > 200:
        raise CtpatError(f"{path}: {key} must be one line of text, at most 200 characters")
    return value.strip()


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write settings.json atomically."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SETTINGS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    tmp.replace(path)
