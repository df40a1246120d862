"""Size checks on a CSV or XLSX food table, made before anything parses it (issue 14: a 0.5 MB XLSX that
unpacks to 150 MB killed a worker). Cheap: the file's size, the sizes the zip declares for its parts
(zipfile refuses to unpack more than a part declares), the sheet's stated dimension, a CSV's cells.

The limits are well above a real food table: the full USDA SR28 release (8,789 foods, 32 columns, about
281,000 cells) is a 2 MB CSV.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

MAX_FILE_BYTES = 10 * 1024 * 1024  # 10 MB as uploaded
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # 50 MB: an XLSX's parts, unpacked
MAX_CELLS = 500_000  # rows × columns
# The USDA SR28 release as a zip unpacks to about 60 MB; more is not a release but a zip bomb.
MAX_RELEASE_UNPACKED_BYTES = 200 * 1024 * 1024

_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


class TableTooLarge(ValueError):
    """The file is over one of the limits; the message says which, in words a person can act on."""


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _too_many_cells(name: str, cells: int) -> TableTooLarge:
    return TableTooLarge(
        f"{name}: the table has {cells:,} cells; at most {MAX_CELLS:,} are accepted. Split it into smaller files."
    )


def check_table_size(path: Path, fmt: str) -> None:
    """Raise TableTooLarge when the CSV or XLSX at `path` is over a limit; read nothing else."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TableTooLarge(
            f"{path.name}: the file is {size / 1048576:.1f} MB; at most "
            f"{MAX_FILE_BYTES // 1048576} MB is accepted. Split it into smaller files."
        )
    if fmt == "xlsx":
        _check_xlsx(path)
    else:
        _check_csv(path)


def check_release_zip(path: Path) -> None:
    """Raise TableTooLarge when a zip (an SR28 release) would unpack to more than MAX_RELEASE_UNPACKED_BYTES."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except zipfile.BadZipFile:
        return  # the reader says what is wrong with it
    if unpacked > MAX_RELEASE_UNPACKED_BYTES:
        raise TableTooLarge(
            f"{path.name}: the zip unpacks to {unpacked / 1048576:.0f} MB; at most "
            f"{MAX_RELEASE_UNPACKED_BYTES // 1048576} MB is accepted."
        )


def _check_xlsx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise TableTooLarge(
                    f"{path.name}: the workbook unpacks to {unpacked / 1048576:.0f} MB; at most "
                    f"{MAX_UNPACKED_BYTES // 1048576} MB is accepted."
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as sheet:
                        found = _DIMENSION.search(sheet.read(4096))
                    if found:
                        cells = _column_number(found.group(1)) * int(found.group(2))
                        if cells > MAX_CELLS:
                            raise _too_many_cells(path.name, cells)
    except zipfile.BadZipFile:
        return  # not a workbook at all: the reader says so in its own words


def _check_csv(path: Path) -> None:
    with path.open("r", encoding="latin-1", newline="") as text:  # every byte is a character: counting only
        cells = 0
        for record in csv.reader(text):
            cells += max(1, len(record))
            if cells > MAX_CELLS:
                raise _too_many_cells(path.name, cells)
