"""Tell whether a database path lies on a network share, where SQLite files get corrupted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "fuse.sshfs", "sshfs",
               "davfs", "fuse.davfs2", "ncpfs", "glusterfs", "ceph"}
_DRIVE_REMOTE = 4


def is_network_path(path: str, mounts_file: str = "/proc/mounts") -> bool:
    """True for a UNC path, a mapped network drive on Windows, or a network mount elsewhere."""
    if path.startswith(("\\\\", "//")):
        return True
    full = os.path.abspath(path)
    if sys.platform == "win32":
        return _windows_drive_is_remote(full)
    return _mount_type(full, mounts_file) in _NETWORK_FS


def _windows_drive_is_remote(full: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    root = os.path.splitdrive(full)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE)  # type: ignore[attr-defined]


def _mount_type(full: str, mounts_file: str) -> str:
    """File-system type of the longest mount point that contains the path."""
    try:
        lines = Path(mounts_file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    best, best_type = "", ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = full == point or full.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type
