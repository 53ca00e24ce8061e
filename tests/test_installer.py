"""Checks of installer/: the PyInstaller spec, the version file, the NSIS script, the smoke test."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "gashall.spec"
NSI = INSTALLER / "gashall.nsi"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PYPROJECT_VERSION = PYPROJECT["project"]["version"]


def load(name: str) -> types.ModuleType:
    """Import a script of installer/ (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the PyInstaller spec, run with stand-ins for what PyInstaller provides -----------------------


class Recorder:
    """Stands in for Analysis, PYZ, EXE, COLLECT: keeps the arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.scripts: list[Any] = []
        self.pure: list[Any] = []
        self.datas = kwargs.get("datas", [])
        self.binaries = [
            ("PySide6/Qt/lib/libQt6Widgets.so.6", "src", "BINARY"),
            ("PySide6/Qt6Quick.dll", "src", "BINARY"),
            ("PySide6/Qt6QmlModels.dll", "src", "BINARY"),
            ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "src", "BINARY"),
            ("PySide6/plugins/platforms/qwindows.dll", "src", "BINARY"),
        ]


def run_spec(
    spec_dir: Path, monkeypatch: pytest.MonkeyPatch, platform: str = "linux"
) -> dict[str, Any]:
    """Execute gashall.spec from spec_dir as PyInstaller would on platform; return its globals."""
    monkeypatch.setattr(sys, "platform", platform)
    collected: list[str] = []

    def collect_submodules(package: str, filter: Any = lambda name: True) -> list[str]:
        candidates = [package, f"{package}.testing.util", f"{package}.persistence.migrations.env"]
        return [name for name in candidates if filter(name)]

    def collect_data_files(package: str) -> list[tuple[str, str]]:
        collected.append(package)
        return [(f"/site/{package}/data.bin", package)]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    hooks.collect_data_files = collect_data_files  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller", types.ModuleType("PyInstaller"))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils", types.ModuleType("PyInstaller.utils"))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    names: dict[str, Any] = {"SPECPATH": str(spec_dir), "__name__": "__main__"}
    names.update(Analysis=Recorder, PYZ=Recorder, EXE=Recorder, COLLECT=Recorder)
    source = (spec_dir / "gashall.spec").read_text(encoding="utf-8")
    exec(compile(source, str(spec_dir / "gashall.spec"), "exec"), names)
    names["collected_data"] = collected
    return names


def bundled(names: dict[str, Any]) -> set[tuple[str, str]]:
    """(path relative to the tree, bundle folder) of every data file from the source tree."""
    root = Path(names["ROOT"])
    return {
        (Path(src).relative_to(root).as_posix(), Path(dest).as_posix())
        for src, dest in names["a"].kwargs["datas"]
        if Path(src).is_relative_to(root)
    }


@pytest.fixture
def fake_tree(tmp_path: Path) -> Path:
    """A copy of installer/ next to a small pyproject, resources and migrations."""
    shutil.copytree(
        INSTALLER, tmp_path / "installer", ignore=shutil.ignore_patterns("*.txt", "__pycache__")
    )
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "gashall"\nversion = "3.4.5"\n', encoding="utf-8"
    )
    files = [
        "resources/__init__.py",
        "resources/translations/gashall_zh_CN.qm",
        "resources/translations/gashall_zh_CN.ts",
        "resources/styles/hall.qss",
        "resources/__pycache__/__init__.cpython-311.pyc",
        "app/persistence/migrations/env.py",
        "app/persistence/migrations/script.py.mako",
        "app/persistence/migrations/versions/0001_foundation.py",
        "app/persistence/migrations/versions/__pycache__/0001_foundation.cpython-311.pyc",
    ]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def test_spec_compiles_as_python() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_spec_builds_windowed_one_folder_gashall_from_launch_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = run_spec(INSTALLER, monkeypatch)
    analysis, exe, coll = names["a"], names["exe"], names["coll"]
    assert names["VERSION"] == PYPROJECT_VERSION
    assert [Path(s) for s in analysis.args[0]] == [INSTALLER / "launch.py"]
    assert str(ROOT) in analysis.kwargs["pathex"]
    assert exe.kwargs["name"] == coll.kwargs["name"] == "GasHall"
    assert exe.kwargs["console"] is False
    assert exe.kwargs["exclude_binaries"] is True  # one folder, not one file
    assert exe.kwargs["version"] is None  # the version resource is for Windows only
    assert "ui.main" in (INSTALLER / "launch.py").read_text(encoding="utf-8")


def test_spec_bundles_resources_and_migrations_as_files(
    fake_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = run_spec(fake_tree / "installer", monkeypatch)
    assert bundled(names) == {
        ("resources/__init__.py", "resources"),
        ("resources/translations/gashall_zh_CN.qm", "resources/translations"),
        ("resources/styles/hall.qss", "resources/styles"),
        ("app/persistence/migrations/env.py", "app/persistence/migrations"),
        ("app/persistence/migrations/script.py.mako", "app/persistence/migrations"),
        (
            "app/persistence/migrations/versions/0001_foundation.py",
            "app/persistence/migrations/versions",
        ),
    }
    assert {"qtawesome", "reportlab"} <= set(names["collected_data"])
    assert names["exe"].kwargs["icon"] is None  # no gashall.ico in this tree


def test_spec_names_runtime_imports_and_leaves_out_unused_qt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = run_spec(INSTALLER, monkeypatch)
    hidden = set(names["a"].kwargs["hiddenimports"])
    wanted = {"sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql", "psycopg", "alembic"}
    assert wanted | {"argon2", "psycopg_binary.pq", "reportlab.pdfbase", "app"} <= hidden
    assert "alembic.testing.util" not in hidden
    assert "app.persistence.migrations.env" not in hidden  # Alembic loads it from the file
    excludes = set(names["a"].kwargs["excludes"])
    for module in ("QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtQuick"):
        assert f"PySide6.{module}" in excludes
    kept = [Path(dest).name for dest, _src, _kind in names["a"].binaries]
    assert kept == ["libQt6Widgets.so.6", "qwindows.dll"]


def test_spec_on_windows_needs_version_file_of_current_version(
    fake_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec_dir = fake_tree / "installer"
    with pytest.raises(SystemExit, match="version_info"):
        run_spec(spec_dir, monkeypatch, platform="win32")
    version_file = spec_dir / "version_info.txt"
    version_file.write_text(load("version_info").render("3.4.4"), encoding="utf-8")
    with pytest.raises(SystemExit, match="stale"):
        run_spec(spec_dir, monkeypatch, platform="win32")
    pyproject = str(fake_tree / "pyproject.toml")
    load("version_info").main(["--pyproject", pyproject, "--output", str(version_file)])
    names = run_spec(spec_dir, monkeypatch, platform="win32")
    assert names["exe"].kwargs["version"] == str(version_file)


# --- version_info.py ---------------------------------------------------------------------------


def evaluate_version_file(text: str) -> dict[str, str]:
    """The StringStructs of a VSVersionInfo text, read with stand-ins for PyInstaller's classes."""
    strings: dict[str, str] = {}

    def string_struct(key: str, value: str) -> None:
        strings[key] = value

    def anything(*args: Any, **kwargs: Any) -> tuple[Any, ...]:
        return args

    names = dict.fromkeys(
        ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo"],
        anything,
    )
    names.update(VarStruct=anything, StringStruct=string_struct)
    eval(text, names)  # noqa: S307  (our own generated file)
    return strings


def test_version_info_writes_pyproject_version(tmp_path: Path) -> None:
    output = tmp_path / "version_info.txt"
    script = INSTALLER / "version_info.py"
    subprocess.run([sys.executable, str(script), "--output", str(output)], check=True)
    text = output.read_text(encoding="utf-8")
    numbers = load("version_info").version_numbers(PYPROJECT_VERSION)
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    strings = evaluate_version_file(text)
    assert strings["FileVersion"] == strings["ProductVersion"] == PYPROJECT_VERSION
    assert strings["CompanyName"] == "GasHall"
    assert strings["ProductName"] == "GasHall 燃气营业厅"
    assert strings["OriginalFilename"] == "GasHall.exe"


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.10.3rc1", (2, 10, 3, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("7", (7, 0, 0, 0)),
    ],
)
def test_version_numbers_are_four_windows_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert load("version_info").version_numbers(version) == numbers


@pytest.mark.parametrize("version", ["dev", "70000.1"])
def test_version_numbers_refuse_what_windows_cannot_hold(version: str) -> None:
    with pytest.raises(ValueError, match=version):
        load("version_info").version_numbers(version)


# --- gashall.nsi ---------------------------------------------------------------------------------


def nsi_lines() -> list[str]:
    """The script's lines without comments and blank lines."""
    lines = NSI.read_text(encoding="utf-8-sig").splitlines()
    code = (re.sub(r"\s;.*$", "", line).strip() for line in lines)
    return [line for line in code if line and not line.startswith((";", "#"))]


def test_nsi_declares_simplified_chinese_and_english() -> None:
    lines = nsi_lines()
    assert '!include "MUI2.nsh"' in lines
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in lines
    assert '!insertmacro MUI_LANGUAGE "English"' in lines
    assert "Unicode true" in lines
    assert NSI.read_bytes().startswith(b"\xef\xbb\xbf")  # makensis reads UTF-8 only with a BOM


def test_nsi_takes_version_from_command_line_and_installs_to_program_files() -> None:
    lines = nsi_lines()
    assert lines[lines.index("!ifndef VERSION") + 1].startswith("!error")
    assert 'InstallDir "$PROGRAMFILES64\\GasHall"' in lines
    assert any(line.startswith("OutFile") and "${VERSION}" in line for line in lines)
    assert any(line.startswith("CreateShortcut") and "$DESKTOP" in line for line in lines)
    assert any(line.startswith("CreateShortcut") and "$SMPROGRAMS" in line for line in lines)
    assert any(line.startswith("WriteUninstaller") for line in lines)


def test_nsi_uninstall_removes_program_but_never_user_data(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = nsi_lines()
    removals = [line for line in lines if re.match(r"(Delete|RMDir)\b", line, re.IGNORECASE)]
    for line in removals:
        assert not re.search(r"LOCALAPPDATA|APPDATA|PROFILE|GasHall\\(data|config)", line), line
    assert 'RMDir "$INSTDIR"' in lines  # not /r: the install folder goes only when empty
    assert not any(re.match(r'RMDir\s+/r\s+"\$INSTDIR"$', line) for line in removals)
    names = run_spec(INSTALLER, monkeypatch)
    program_files = names["exe"].kwargs["contents_directory"]
    assert f'RMDir /r "$INSTDIR\\{program_files}"' in lines  # what PyInstaller puts beside the exe
    assert 'Delete "$INSTDIR\\GasHall.exe"' in lines


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_nsi_compiles_with_makensis(tmp_path: Path) -> None:
    shutil.copytree(INSTALLER, tmp_path / "installer")
    program = tmp_path / "dist" / "GasHall"
    (program / "_internal").mkdir(parents=True)
    (program / "GasHall.exe").write_bytes(b"MZ")
    (program / "_internal" / "python311.dll").write_bytes(b"MZ")
    script = str(tmp_path / "installer" / "gashall.nsi")
    unversioned = subprocess.run(["makensis", "-V1", script], capture_output=True, text=True)
    assert unversioned.returncode != 0
    subprocess.run(["makensis", "-V1", "-DVERSION=9.8.7", script], check=True)
    assert (tmp_path / "dist" / "GasHall-9.8.7-setup.exe").stat().st_size > 0


# --- smoke_test.py -------------------------------------------------------------------------------


def test_smoke_test_runs_the_program_with_self_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    smoke = load("smoke_test")
    assert smoke.command_for(None) == [sys.executable, "-m", "ui.main", "--self-test"]
    assert smoke.command_for("GasHall.exe") == ["GasHall.exe", "--self-test"]  # found on PATH
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "GasHall.exe").write_bytes(b"MZ")
    monkeypatch.chdir(tmp_path)  # a relative path is the caller's, the program runs elsewhere
    exe = str((tmp_path / "dist" / "GasHall.exe").resolve())
    assert smoke.command_for("dist/GasHall.exe") == [exe, "--self-test"]
    assert smoke.TIMEOUT_SECONDS == 120


def fake_program(smoke: types.ModuleType, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Make the smoke test run a small Python program instead of GasHall."""
    monkeypatch.setattr(smoke, "command_for", lambda _exe: [sys.executable, "-c", code])


def test_smoke_test_passes_when_program_exits_0_in_empty_home(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    smoke = load("smoke_test")
    monkeypatch.setenv("GASHALL_DB_URL", "postgresql+psycopg://hall/real")
    check = (
        "import os, sys; home = os.environ['GASHALL_HOME']; "
        "sys.exit(0 if os.listdir(home) == [] and 'GASHALL_DB_URL' not in os.environ else 5)"
    )
    fake_program(smoke, monkeypatch, check)
    assert smoke.main([]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_smoke_test_fails_with_output_and_logs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    smoke = load("smoke_test")
    crash = (
        "import os, pathlib, sys; logs = pathlib.Path(os.environ['GASHALL_HOME'], 'logs'); "
        "logs.mkdir(); (logs / 'gashall.log').write_text('database locked'); "
        "print('rendering receipt'); sys.exit(256 + 3)"
    )
    fake_program(smoke, monkeypatch, crash)
    assert smoke.main(["GasHall.exe"]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "rendering receipt" in out and "database locked" in out


def test_smoke_test_fails_when_program_does_not_quit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    smoke = load("smoke_test")
    monkeypatch.setattr(smoke, "TIMEOUT_SECONDS", 1)
    fake_program(smoke, monkeypatch, "import time; print('started', flush=True); time.sleep(60)")
    assert smoke.main([]) == 1
    out = capsys.readouterr().out
    assert "no exit after 1 s" in out and "started" in out
