"""The elevated helper's folder on Windows (%ProgramData%\\Switchover) is used only when administrators
alone can write it: a folder a user made first (with a journal planted in it) is refused, whatever
installed Switchover. The judgement of owner and access entries runs everywhere; the Win32 calls run in
the Windows lane (Wine) and on real Windows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.removal.elevated_helper import MachineFolderError, ensure_machine_folder, machine_data_dir
from core.removal.windows_acl import ADMINISTRATORS, CREATOR_OWNER, INHERIT_ONLY_ACE, access_problem
from tests.wine_support import wine_gap

SYSTEM, ADMINS, USERS, SOMEONE = "S-1-5-18", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-21-1-2-3-1001"
FULL, READ_EXECUTE, ADD_FILE = 0x1F01FF, 0x1200A9, 0x2
ALLOW, DENY = 0, 1
ADMIN_ONLY = [(ALLOW, 3, FULL, SYSTEM), (ALLOW, 3, FULL, ADMINS)]
windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Win32 access lists")


def test_only_administrators_owning_and_writing_the_folder_pass() -> None:
    folder = Path("ProgramData/Switchover")
    assert access_problem(folder, ADMINS, ADMIN_ONLY) is None
    assert access_problem(folder, SYSTEM, [*ADMIN_ONLY, (ALLOW, 3, READ_EXECUTE, USERS)]) is None
    assert access_problem(folder, ADMINS, [*ADMIN_ONLY, (ALLOW, 0xB, FULL, CREATOR_OWNER)]) is None
    # a deny entry grants nothing
    assert access_problem(folder, ADMINS, [*ADMIN_ONLY, (DENY, 3, FULL, USERS)]) is None


@pytest.mark.parametrize(
    ("owner", "entries", "reason"),
    [
        (SOMEONE, ADMIN_ONLY, ("belongs to", SOMEONE)),  # a user made it first
        (ADMINS, None, ("no access list", "")),  # a NULL DACL: everyone has full control
        # %ProgramData%'s own inherited entry: users may add files (plant a journal)
        (ADMINS, [*ADMIN_ONLY, (ALLOW, 0x2 | INHERIT_ONLY_ACE, ADD_FILE, USERS)], ("written by", USERS)),
        (ADMINS, [*ADMIN_ONLY, (ALLOW, 3, FULL, SOMEONE)], ("written by", SOMEONE)),
        # CREATOR OWNER that is not inherit-only: applies to the folder itself
        (ADMINS, [*ADMIN_ONLY, (ALLOW, 3, FULL, CREATOR_OWNER)], ("written by", CREATOR_OWNER)),
        (ADMINS, [*ADMIN_ONLY, (5, 3, FULL, "")], ("cannot judge", "")),  # an object entry: not ours to guess
    ],
)
def test_a_folder_anyone_else_can_write_is_refused(
    owner: str, entries: list | None, reason: tuple[str, str]
) -> None:
    problem = access_problem(Path("ProgramData/Switchover"), owner, entries)
    assert problem is not None and reason[0] in problem and reason[1] in problem  # the principal, named


@windows_only
def test_the_folder_is_where_windows_keeps_program_data_not_where_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.removal.windows_acl import program_data

    monkeypatch.setenv("PROGRAMDATA", str(tmp_path))  # a user can set their own variable
    assert machine_data_dir() == program_data() / "Switchover"
    assert tmp_path not in machine_data_dir().parents and program_data().is_dir()


@windows_only
def test_a_folder_a_user_made_first_is_refused(tmp_path: Path) -> None:
    planted = tmp_path / "Switchover"
    planted.mkdir()  # inherits the user's own access: they can write it
    (planted / "journal.jsonl").write_text('{"planted": true}\n', encoding="utf-8")
    with pytest.raises(MachineFolderError, match=r"(belongs to|can be written by) .*nothing was run"):
        ensure_machine_folder(planted)


@windows_only
def test_a_folder_whose_access_list_lets_users_write_is_refused(tmp_path: Path) -> None:
    from core.removal.windows_acl import admin_only_problem, make_admin_only_folder

    loose = tmp_path / "loose"
    assert make_admin_only_folder(loose, "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;BU)")
    with pytest.raises(MachineFolderError, match="nothing was run"):
        ensure_machine_folder(loose)
    assert admin_only_problem(loose)
    assert not make_admin_only_folder(loose)  # already there: never silently replaced


@windows_only
@wine_gap("Wine keeps no access list on files: every file it makes belongs to the Unix user")
def test_the_helper_makes_its_folder_for_administrators_only(tmp_path: Path) -> None:
    from core.removal.windows_acl import owner_and_access_entries

    folder = ensure_machine_folder(tmp_path / "Switchover")
    owner, entries = owner_and_access_entries(folder)
    assert owner in ADMINISTRATORS
    assert entries and {sid for _kind, _flags, _mask, sid in entries} <= {SYSTEM, ADMINS}
    assert ensure_machine_folder(folder) == folder  # and it is accepted the next time
