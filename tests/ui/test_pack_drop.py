"""Dropping a file that is not a pack: a short status line, and the full fix in the problems
dialog Ctrl+O opens, with the same message (it reads the file, not only its name)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from listen_drill.ui.main_window import MainWindow
from tests.ui.pack_files import drag_enter, drop_on, file_mime, import_file
from tests.ui.windows import open_window

CSV_PACK = (
    "pack_id,pack_title,pack_version,id,statement,exemplars\n"
    'refunds,Refunds,1,late,"My refund is late.","So the refund is late. What happened?"\n'
)


def drop(qtbot: QtBot, window: MainWindow, path: Path) -> tuple[str, list[str]]:
    """Drag `path` over the window and drop it; the status line on entering, and the
    problems the dialog lists after the drop."""
    mime = file_mime(path)
    enter = drag_enter(window, mime)
    assert enter.isAccepted(), "a refused drag never delivers its drop, nor the fix"
    entered = window.statusBar().currentMessage()
    with qtbot.waitSignal(window.pack_importer.finished, timeout=20000) as blocker:
        drop_on(window, mime)
    assert blocker.args == [False]
    dialog = window.pack_importer.dialog
    assert dialog is not None and dialog.isVisible()
    return entered, [problem.message for problem in dialog.problems]


def ctrl_o(qtbot: QtBot, window: MainWindow, path: Path) -> list[str]:
    import_file(qtbot, window, path)
    assert window.pack_importer.dialog is not None
    return [problem.message for problem in window.pack_importer.dialog.problems]


def test_a_dropped_spreadsheet_gets_a_short_line_and_the_fix_in_the_dialog(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    sheet = tmp_path / "refunds.xlsx"
    sheet.write_bytes(b"PK\x03\x04")

    entered, problems = drop(qtbot, window, sheet)

    line = window.statusBar().currentMessage()
    for shown in (entered, line):
        assert shown.startswith("refunds.xlsx")
        assert window.statusBar().fontMetrics().horizontalAdvance(shown) < 600, shown
    assert len(problems) == 1 and "CSV UTF-8" in problems[0]


def test_a_csv_pack_saved_as_txt_is_told_to_rename_it_on_a_drop_as_on_ctrl_o(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    text = tmp_path / "refunds.txt"
    text.write_text(CSV_PACK, encoding="utf-8")

    _entered, dropped = drop(qtbot, window, text)
    opened = ctrl_o(qtbot, window, text)

    assert dropped == opened
    assert "rename it refunds.csv" in dropped[0]


def test_a_dropped_json_file_or_note_imports_nothing_and_says_why(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, data_dir)
    packs_before = [window.pack_list.item(i).text() for i in range(window.pack_list.count())]
    data = tmp_path / "refunds.json"
    data.write_text("{}", encoding="utf-8")
    _entered, problems = drop(qtbot, window, data)
    assert len(problems) == 1 and "JSON" in problems[0]
    dialog = window.pack_importer.dialog
    assert dialog is not None
    dialog.close()

    note = tmp_path / "notes.txt"
    note.write_text("hello", encoding="utf-8")
    _entered, problems = drop(qtbot, window, note)
    assert problems and ".toml or .csv" in problems[0]
    assert [window.pack_list.item(i).text() for i in range(window.pack_list.count())] == (
        packs_before
    )
