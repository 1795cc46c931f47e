"""Crash-safe file replacement.

Protocol: write a temp file in the same folder (O_EXCL, 0o600), fsync it, keep
the current file as ``<name>.bak`` (hard link, or a fsynced copy where links
are not supported, e.g. FAT USB sticks), os.replace the temp file over the
name, fsync the folder.  A process killed at any instant leaves ``<name>``
as either the complete old file or the complete new one; at worst a stray
``.<name>.<random>.tmp`` remains, which Store.erase also removes.

Functions here raise plain OSError; the vault layer turns it into StorageError.
"""
from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
from pathlib import Path

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
_OPEN_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))


_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))


class NotRegularFile(OSError):
    """A folder, a link, a FIFO or a device where a plan file was expected."""

    def __init__(self, path):
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def open_regular(path: Path):
    """*path* opened for reading, only if it is a regular file.

    Never follows a link (it could point anywhere) and never waits on a FIFO
    (opening one for reading blocks until a writer comes): the open is
    non-blocking and the type is checked on the opened file, not its name.
    """
    if os.path.islink(path):           # O_NOFOLLOW does not exist on Windows
        raise NotRegularFile(path)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):     # a link swapped in meanwhile
            raise NotRegularFile(path) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(path)
    return os.fdopen(fd, "rb")


def refuse_link(path: Path) -> None:
    """Saving over a link would replace the link, not what it points to."""
    if os.path.islink(path):
        raise NotRegularFile(path)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def temp_glob(path: Path) -> str:
    """Glob matching every temp file this module may leave for *path* (and its backup)."""
    return f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"


def _create_temp(path: Path) -> tuple[Path, int]:
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return tmp, os.open(tmp, _OPEN_FLAGS, 0o600)
        except FileExistsError:
            continue


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def write_temp(path: Path, data: bytes) -> Path:
    """A fsynced, owner-only temp file beside *path* holding *data*."""
    tmp, fd = _create_temp(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def fsync_dir(folder: Path) -> None:
    """Make a rename durable.  Not possible on Windows or some file systems: skipped."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    # The rename is done: failing now would misreport the save, so errors are ignored.
    for step in (os.fsync, os.close):
        with contextlib.suppress(OSError):
            step(fd)


def keep_backup(path: Path) -> None:
    """Make ``<name>.bak`` the current content of *path*, if there is one."""
    bak = backup_path(path)
    try:
        if os.path.samefile(path, bak):
            # An earlier save failed after linking: rename() between two links
            # of one file is a no-op that would leave the temp name behind.
            return
    except FileNotFoundError:
        pass
    tmp = bak.with_name(f".{bak.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        os.link(path, tmp)
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                             errno.EXDEV, errno.EMLINK, errno.EACCES):
            raise
        with open(path, "rb") as f:            # no hard links here: copy instead
            tmp = write_temp(bak, f.read())
    try:
        os.replace(tmp, bak)
    except BaseException:
        _unlink_quietly(tmp)
        raise


def write_atomic(path: Path, data: bytes, *, backup: bool = True,
                 overwrite: bool = True) -> None:
    """Replace (or with overwrite=False, create) *path* with *data*, crash-safely."""
    refuse_link(path)
    tmp = write_temp(path, data)
    try:
        if overwrite:
            if backup:
                keep_backup(path)
            os.replace(tmp, path)
        else:
            _create_from(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    fsync_dir(path.parent)


def _create_from(tmp: Path, path: Path) -> None:
    # link() refuses an existing name atomically, where rename would clobber it.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def remove_with_leftovers(path: Path, keep_file: bool = False) -> list[Path]:
    """Delete *path* (unless *keep_file*), its backup and its temp files;
    return what was removed."""
    victims = [*([] if keep_file else [path]), backup_path(path), *path.parent.glob(temp_glob(path))]
    removed = []
    for victim in victims:
        try:
            os.unlink(victim)
        except FileNotFoundError:
            continue
        removed.append(victim)
    fsync_dir(path.parent)
    return removed
