"""Where GasHall keeps its files, which database it opens, and this desktop's own settings."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from platformdirs import PlatformDirs

log = logging.getLogger(__name__)

APP_NAME = "GasHall"
DB_URL_ENV = "GASHALL_DB_URL"
HOME_ENV = "GASHALL_HOME"  # one folder for data and settings (tests, portable installs)


@dataclass(frozen=True)
class Paths:
    """The per-user folders: data (database, backups), settings, logs."""

    data: Path
    config: Path
    logs: Path

    @property
    def database(self) -> Path:
        """The embedded SQLite database file."""
        return self.data / "gashall.db"

    @property
    def backups(self) -> Path:
        """Automatic backups taken before upgrades."""
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        """This desktop's settings (counter, language, printer, window)."""
        return self.config / "settings.json"


def user_paths() -> Paths:
    """The folders for this user; ``GASHALL_HOME`` puts them all under one folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        base = Path(home)
        return Paths(base / "data", base / "config", base / "logs")
    dirs = PlatformDirs(APP_NAME, appauthor=False)
    return Paths(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir))


@dataclass
class LocalSettings:
    """Settings of this desktop only; hall-wide settings live in the database."""

    counter: int = 1
    language: str = ""  # "" follows the system; "zh_CN" or "en"
    printer: str = ""
    database_url: str = ""
    window_geometry: str = ""  # hex of Qt's saveGeometry()
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> LocalSettings:
        """Read the file; a missing or damaged file gives the defaults (and is logged)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            log.warning("settings file %s unreadable, using defaults: %s", path, error)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, path: Path) -> None:
        """Write the file atomically (write a temporary file, then rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        temp.replace(path)


def database_url(paths: Paths, settings: LocalSettings) -> str:
    """``GASHALL_DB_URL`` first, then the settings file, else the embedded SQLite file."""
    return (
        os.environ.get(DB_URL_ENV)
        or settings.database_url
        or f"sqlite:///{paths.database.as_posix()}"
    )


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, also inside the frozen (PyInstaller) bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
