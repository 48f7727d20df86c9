"""The export parser on real Wine output, a hand-written REGEDIT4 file, hostile input and generated data."""

from __future__ import annotations

import contextlib
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.detection.adapters.registry import ExportView
from core.detection.adapters.registry_export import (
    REG_BINARY,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_MULTI_SZ,
    REG_QWORD,
    REG_SZ,
    RegValue,
    _Parser,
    _Skip,
    parse_export,
    read_export,
)
from core.model import InputError, Notes
from tests.windows.render import render_export

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "windows"
KES11 = (
    r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
    r"\{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}"
)


def view_of(*names: str, notes: Notes | None = None) -> ExportView:
    sink = notes if notes is not None else Notes()
    return ExportView(read_export(str(FIXTURES / name), sink) for name in names)


def test_wine_export_decodes_expand_sz_and_keeps_the_spelling() -> None:
    notes = Notes()
    view = view_of("uninstall-32.reg", notes=notes)
    values = view.values(KES11.upper())  # looked up without regard to case
    assert values.text("displayname") == "Kaspersky Endpoint Security for Windows"
    assert values["UninstallString"].type == REG_EXPAND_SZ
    assert values.text("UninstallString") == "MsiExec.exe /I{E7012AFE-DB97-4B8B-9513-E98C0C3AACE3}"
    assert values["WindowsInstaller"] == RegValue(REG_DWORD, 1)
    assert view.spell(KES11.lower()) == KES11
    assert notes == []


def test_wine_export_keeps_cyrillic_and_literal_quotes() -> None:
    key = KES11.rsplit("\\", 1)[0] + r"\{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}"
    values = view_of("uninstall-32.reg").values(key)
    assert values.text("DisplayName") == "Kaspersky Endpoint Security 10 для Windows"
    assert values.text("Publisher") == '"Лаборатория Касперского"'


def test_wine_export_reads_qword_and_binary() -> None:
    base = r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\KasperskyLab\AVP21.3"
    view = view_of("kasperskylab.reg")
    assert view.values(base + r"\Data")["LastSuccessfulUpdate"].type == REG_QWORD
    assert view.values(base + r"\settings\PasswordProtectionSettings")["OPEP"] == RegValue(
        REG_BINARY, b"\x01"
    )
    assert sorted(view.subkeys(base)) == ["Data", "environment", "settings"]


def test_regedit4_ansi_with_continuations_escapes_and_deletions() -> None:
    notes = Notes()
    view = view_of("regedit4-kes10.reg", notes=notes)
    entry = view.values(r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KES10")
    assert entry.text("UninstallString") == "MsiExec.exe /X"  # hex(2) in ANSI, over two lines
    assert entry.text("Comments") == 'café "quoted" C:\\path'  # cp1252 é, escaped quote and backslash
    services = r"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet002\Services"
    assert view.values(services + r"\klif")["DependOnService"] == RegValue(REG_MULTI_SZ, ("FltMgr",))
    assert view.subkeys(services) == ["klif"]  # [-...\Stale] removed the key
    assert notes == []


def test_later_exports_override_and_delete_values() -> None:
    first = render_export(
        [(r"HKEY_CURRENT_USER\Software\A", [("x", RegValue(REG_SZ, "1")), ("y", RegValue(REG_SZ, "2"))])]
    )
    second = (
        'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\A]\r\n"x"=-\r\n"Y"="3"\r\n'
    )
    notes = Notes()
    view = ExportView(
        [
            parse_export(first, source="a", notes=notes),
            parse_export(b"\xff\xfe" + second.encode("utf-16-le"), source="b", notes=notes),
        ]
    )
    values = view.values(r"HKEY_CURRENT_USER\Software\A")
    assert len(values) == 1
    assert values["y"] == RegValue(REG_SZ, "3")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02binary\xff",
        b"MZ\x90\x00\x03\x00\x00\x00",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n".encode("utf-16"),  # no header
        b"\xff\xfe" + b"\x00\xd8" * 50,  # lone surrogates in UTF-16
    ],
)
def test_files_that_are_not_exports_raise_one_line_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as error:
        parse_export(data, source="bad.reg", notes=Notes())
    assert str(error.value).startswith("bad.reg: not a registry export")
    assert "\n" not in str(error.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_export(str(tmp_path / "absent.reg"), Notes())


def test_damage_inside_an_export_is_noted_and_skipped() -> None:
    text = "\r\n".join(
        [
            "Windows Registry Editor Version 5.00",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Good]",
            '"ok"="fine"',
            '"bad dword"=dword:xyz',
            '"cut"="no closing quote',
            '"ctrl"="\x1b[31mred"',
            '"huge"=hex:' + "00," * (1 << 20 + 1) + "00",
            "garbage line",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\..\\..\\Evil]",
            '"hidden"="x"',
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Ctl\x07]",
            "[NOT_A_HIVE\\x]",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Cut",
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\After]",
            '"still"="read"',
        ]
    )
    notes = Notes()
    view = ExportView(
        [parse_export(text.encode("utf-8").replace(b"Windows", b"Windows", 1), source="x.reg", notes=notes)]
    )
    assert dict(view.values(r"HKEY_LOCAL_MACHINE\SOFTWARE\Good")) == {"ok": RegValue(REG_SZ, "fine")}
    assert view.values(r"HKEY_LOCAL_MACHINE\SOFTWARE\After").text("still") == "read"
    assert view.subkeys(r"HKEY_LOCAL_MACHINE\SOFTWARE") == ["Good", "After"]
    assert len(notes) == 9
    assert all(n.location.startswith("x.reg: ") and "\n" not in n.message for n in notes)


def test_notes_are_capped_for_a_flood_of_bad_lines() -> None:
    text = "REGEDIT4\n[HKEY_CURRENT_USER\\A]\n" + "junk\n" * 10_000
    notes = Notes()
    parse_export(text.encode(), source="flood.reg", notes=notes)
    assert len(notes) == 51


def test_tens_of_thousands_of_keys_parse_whole() -> None:
    # Speed and linearity are measured by benchmarks/bench_offline_scan.py, not asserted here.
    keys = [(f"HKEY_CURRENT_USER\\Software\\K{i}", [("v", RegValue(REG_SZ, "x"))]) for i in range(50_000)]
    view = ExportView([parse_export(render_export(keys), source="gen", notes=Notes())])
    subkeys = view.subkeys(r"HKEY_CURRENT_USER\Software")
    assert len(subkeys) == 50_000
    assert view.values(r"HKEY_CURRENT_USER\Software\K49999").text("v") == "x"


# --- properties -------------------------------------------------------------------------------

_NAME_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\\")
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
_ANSI = st.text(st.sampled_from(string.printable.strip() + " éüñ€"), max_size=40)
_KEY_NAME = st.text(_NAME_CHARS, min_size=1, max_size=20).filter(lambda s: s not in (".", ".."))


def _value(ansi: bool) -> st.SearchStrategy[RegValue]:
    text = _ANSI if ansi else _TEXT
    item = text.filter(bool)
    return st.one_of(
        st.builds(lambda s: RegValue(REG_SZ, s), _TEXT),
        st.builds(lambda s: RegValue(REG_EXPAND_SZ, s), text),
        st.builds(lambda s: RegValue(REG_MULTI_SZ, tuple(s)), st.lists(item, max_size=4)),
        st.builds(lambda n: RegValue(REG_DWORD, n), st.integers(0, 2**32 - 1)),
        st.builds(lambda n: RegValue(REG_QWORD, n), st.integers(0, 2**64 - 1)),
        st.builds(lambda b: RegValue(REG_BINARY, b), st.binary(max_size=200)),
    )


def _keys(ansi: bool) -> st.SearchStrategy[dict[str, dict[str, RegValue]]]:
    names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=15)
    values = st.dictionaries(names, _value(ansi), max_size=5).map(
        lambda d: {k: v for k, v in {n.casefold(): (n, v) for n, v in d.items()}.values()}
    )
    paths = st.lists(_KEY_NAME, min_size=1, max_size=3).map(lambda p: "HKEY_LOCAL_MACHINE\\" + "\\".join(p))
    return st.dictionaries(paths, values, max_size=6).map(
        lambda d: {p: v for p, v in {p.casefold(): (p, v) for p, v in d.items()}.values()}
    )


@pytest.mark.parametrize("unicode", [True, False], ids=["v5-utf16", "regedit4"])
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_rendered_exports_parse_back_to_the_same_data(unicode: bool, data: st.DataObject) -> None:
    keys = data.draw(_keys(ansi=not unicode))
    notes = Notes()
    view = ExportView(
        [
            parse_export(
                render_export([(p, v.items()) for p, v in keys.items()], unicode=unicode),
                source="gen",
                notes=notes,
            )
        ]
    )
    assert notes == []
    for path, values in keys.items():
        assert view.spell(path) == path
        assert dict(view.values(path)) == values


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=400),
    st.sampled_from(
        [b"", b"REGEDIT4\r\n", "Windows Registry Editor Version 5.00\r\n[HKEY_USERS\\".encode("utf-16")]
    ),
)
def test_arbitrary_bytes_raise_nothing_but_input_error(tail: bytes, head: bytes) -> None:
    with contextlib.suppress(InputError):
        ExportView([parse_export(head + tail, source="fuzz", notes=Notes())])


@settings(max_examples=400, deadline=None)
@given(
    name=st.text(st.characters(codec="utf-8"), max_size=12),
    text=st.text(st.characters(codec="utf-8"), max_size=20),
    spaces=st.sampled_from(["", " ", "\t", "  "]),
)
def test_the_one_step_reading_of_plain_lines_agrees_with_the_general_one(
    name: str, text: str, spaces: str
) -> None:
    """Lines the fast path takes ("name"="text", dword) read as the general value parser reads them."""
    if any(c in name + text for c in "\r\n"):
        return  # a line break splits the line: not one line any more
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    for data in (f'"{quoted}"', "dword:0000002a"):
        line = f'{spaces}"{name}"{spaces}={spaces}{data}{spaces}'
        fast, slow = Notes(), Notes()
        blocks = parse_export(f"REGEDIT4\n[HKEY_CURRENT_USER\\A]\n{line}\n".encode(), source="x", notes=fast)
        parser = _Parser(iter(()), source="x", unicode=False, notes=slow)
        try:
            expected = [parser._value_line(line.strip())]
        except _Skip:
            expected = []
        assert list(blocks[0].values) == expected
