"""`manage.py export_foods` on a full disk: a plain CommandError, no partial file left behind, and an
earlier export at the same path kept as it was."""

import errno
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from tests.foods.test_export_foods import make_foods

pytestmark = pytest.mark.django_db

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")
PARTIAL = b"ndb_number,name,food_group,vega"


def _write_half_then_fill_the_disk(foods, target, fmt):
    # Like a real full disk: part of the file reaches the target before the write fails.
    if hasattr(target, "write"):
        target.write(PARTIAL)
    else:
        Path(target).write_bytes(PARTIAL)
    raise DISK_FULL


def _serialize_half_then_fill_the_disk(fmt, objects, *, stream, **options):
    stream.write('[{"model": "foods.food", "pk": 1,')
    raise DISK_FULL


def _disk_full(suffix):
    if suffix == "json":
        return mock.patch("django.core.serializers.serialize", side_effect=_serialize_half_then_fill_the_disk)
    return mock.patch(
        "foods.management.commands.export_foods.write_food_table", side_effect=_write_half_then_fill_the_disk
    )


def _export_on_a_full_disk(path) -> str:
    with _disk_full(path.suffix.lstrip(".")), pytest.raises(CommandError) as refused:
        call_command("export_foods", str(path), stdout=StringIO())
    return str(refused.value)


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_a_full_disk_says_so_and_leaves_no_partial_file(tmp_path, suffix):
    make_foods()
    message = _export_on_a_full_disk(tmp_path / f"foods.{suffix}")
    assert "No space left on device" in message and "no partial file" in message
    assert "Make room on the disk" in message
    assert list(tmp_path.iterdir()) == []


def test_a_write_refused_for_another_reason_gives_no_advice_about_disk_space(tmp_path):
    make_foods()
    refused = OSError(errno.EACCES, "Permission denied")
    with (
        mock.patch("foods.management.commands.export_foods.write_food_table", side_effect=refused),
        pytest.raises(CommandError) as error,
    ):
        call_command("export_foods", str(tmp_path / "foods.csv"), stdout=StringIO())
    assert "Permission denied" in str(error.value) and "Make room" not in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_keeps_the_earlier_export_as_it_was(tmp_path):
    make_foods()
    target = tmp_path / "foods.csv"
    call_command("export_foods", str(target), stdout=StringIO())
    earlier = target.read_bytes()
    _export_on_a_full_disk(target)
    assert target.read_bytes() == earlier
    assert list(tmp_path.iterdir()) == [target]


def test_a_full_disk_found_only_when_the_file_is_synced_leaves_no_partial_file(tmp_path):
    make_foods()
    with mock.patch("os.fsync", side_effect=DISK_FULL), pytest.raises(CommandError, match="No space left"):
        call_command("export_foods", str(tmp_path / "foods.xlsx"), stdout=StringIO())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_a_finished_export_leaves_only_the_file_itself(tmp_path, suffix):
    make_foods()
    call_command("export_foods", str(tmp_path / f"foods.{suffix}"), stdout=StringIO())
    assert [p.name for p in tmp_path.iterdir()] == [f"foods.{suffix}"]
