"""Write installer/version_info.txt (PyInstaller's VSVersionInfo) from pyproject.toml's version."""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPANY = "GasHall"
PRODUCT = "GasHall 燃气营业厅"
EXE_NAME = "GasHall.exe"

TEMPLATE = """\
# Windows version resource for {exe}; written by installer/version_info.py, do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
        StringStruct('CompanyName', {company!r}),
        StringStruct('FileDescription', {product!r}),
        StringStruct('FileVersion', {version!r}),
        StringStruct('InternalName', 'GasHall'),
        StringStruct('OriginalFilename', {exe!r}),
        StringStruct('ProductName', {product!r}),
        StringStruct('ProductVersion', {version!r}),
      ]),
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])]),
  ],
)
"""


def read_version(pyproject: Path) -> str:
    """The ``[project] version`` of a pyproject.toml."""
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows' four 16-bit numbers: "1.2.3rc1" gives (1, 2, 3, 0)."""
    match = re.match(r"\d+(\.\d+)*", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    parts = [int(p) for p in match.group().split(".")][:4] + [0, 0, 0]
    if any(p > 0xFFFF for p in parts):
        raise ValueError(f"version {version!r} has a part above 65535")
    return parts[0], parts[1], parts[2], parts[3]


def render(version: str) -> str:
    """The text of the version file for this version."""
    return TEMPLATE.format(
        numbers=version_numbers(version),
        version=version,
        company=COMPANY,
        product=PRODUCT,
        exe=EXE_NAME,
    )


def main(argv: list[str] | None = None) -> None:
    """Read the version, write the file (UTF-8, as PyInstaller reads it)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pyproject", type=Path, default=HERE.parent / "pyproject.toml")
    parser.add_argument("--output", type=Path, default=HERE / "version_info.txt")
    args = parser.parse_args(argv)
    version = read_version(args.pyproject)
    args.output.write_text(render(version), encoding="utf-8")
    print(f"wrote {args.output} for version {version}")


if __name__ == "__main__":
    main()
