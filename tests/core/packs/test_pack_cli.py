"""`listen-drill pack ...` end to end through `main`, on a real data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from listen_drill.cli import main

CORPUS = Path(__file__).parents[2] / "data" / "broken_packs"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_writes_a_template_that_validates_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "pack", "new", "Refunds, level 2")
    assert code == 0 and "refunds-level-2.toml" in out
    template = tmp_path / "refunds-level-2.toml"
    assert template.read_text(encoding="utf-8").count("#") > 10, "the template is commented"
    code, out, err = run(capsys, "pack", "validate", str(template))
    assert code == 0 and "valid (2 drills" in err
    code, _, _ = run(capsys, "pack", "new", "Refunds, level 2")
    assert code == 1, "never overwrites"

    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "pack", "import", str(template))
    assert code == 0 and "Imported 'Refunds, level 2'" in out
    code, out, _ = run(capsys, "--data-dir", data, "pack", "list")
    assert code == 0
    assert any(line.startswith("refunds-level-2 ") for line in out.splitlines())

    exported = tmp_path / "refunds.csv"
    code, _, _ = run(capsys, "--data-dir", data, "pack", "export", "refunds-level-2", str(exported))
    assert code == 0 and exported.read_text(encoding="utf-8-sig").startswith("pack_id,")
    code, out, _ = run(capsys, "--data-dir", data, "pack", "import", str(exported))
    assert code == 0 and "Re-imported" in out and "2 drills: 2 unchanged." in out

    code, out, _ = run(capsys, "--data-dir", data, "pack", "remove", "refunds-level-2")
    assert code == 0 and "stay in your history" in out
    code, _, err = run(capsys, "--data-dir", data, "pack", "remove", "refunds-level-2")
    assert code == 1 and "no pack with id 'refunds-level-2'" in err


def test_validate_prints_every_problem_on_its_own_line_and_fails(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [CORPUS / "unknown-emotion.toml", CORPUS / "binary.toml", CORPUS / "latin-1.toml"]
    code, out, _ = run(capsys, "pack", "validate", *map(str, files))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{files[0]}:9: drills[0].emotions[1]: 'angryish' is not a known")
    assert lines[1].startswith(f"{files[1]}:3: is not a text file")


def test_warnings_are_shown_but_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "weak.toml"
    path.write_text(
        '[pack]\nid = "weak"\ntitle = "Weak"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My parcel is late."\nexemplars = ["Calm down."]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "pack", "validate", str(path))
    assert code == 0 and ": warning: drills[0]" in out
    code, out, _ = run(capsys, "pack", "validate", "--no-score", str(path))
    assert code == 0 and "the scorer rates" not in out


def test_a_refused_import_says_nothing_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    code, _, err = run(
        capsys, "--data-dir", data, "pack", "import", str(CORPUS / "duplicate-ids.toml")
    )
    assert code == 1
    assert "is already the id of drills[0]" in err and "nothing was changed" in err


def test_bundled_packs_cannot_be_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "pack", "list")
    code, out, _ = run(capsys, "--data-dir", data, "pack", "list")
    bundled = out.split()[0]
    code, _, err = run(capsys, "--data-dir", data, "pack", "remove", bundled)
    assert code == 1 and "ships with the app" in err


def test_export_refuses_an_unknown_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "pack", "export", "x", os.fspath(tmp_path / "x.json"))
    assert code == 2 and ".toml or .csv" in err


def test_import_refuses_a_bundled_id_and_the_bundled_pack_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    mine = tmp_path / "bundled-id.toml"
    mine.write_text(
        '[pack]\nid = "fundamentals"\ntitle = "My own fundamentals"\nversion = "9"\n\n'
        '[[drills]]\nid = "x1"\nstatement = "My parcel is late again and I am fed up."\n'
        'emotions = ["frustrated"]\n'
        'exemplars = ["So your parcel is late again and you are fed up. What would help?"]\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--data-dir", data, "pack", "import", "--no-score", str(mine))
    assert code == 1 and "Updated" not in out
    assert f"{mine}:2: pack.id: 'fundamentals' is the id of the bundled pack" in err
    assert "choose another id, e.g. 'fundamentals-team'" in err
    assert "nothing was changed" in err
    code, out, _ = run(capsys, "--data-dir", data, "pack", "list")
    [line] = [line for line in out.splitlines() if line.startswith("fundamentals ")]
    assert "bundled" in line and "30 drills" in line
    code, _, err = run(capsys, "--data-dir", data, "pack", "remove", "fundamentals")
    assert code == 1 and "ships with the app" in err


def test_new_csv_writes_a_csv_template_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "pack", "new", "Refunds", "--csv")
    assert code == 0 and "refunds.csv" in out
    header = (tmp_path / "refunds.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("pack_id,pack_title,pack_version,")
    code, _, err = run(capsys, "pack", "validate", "--no-score", "refunds.csv")
    assert code == 0 and "valid (2 drills" in err


def test_new_never_takes_a_bundled_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "pack", "new", "Fundamentals")
    assert code == 0
    assert 'id = "fundamentals-team"' in (tmp_path / "fundamentals.toml").read_text("utf-8")
    code, _, err = run(capsys, "pack", "validate", "--no-score", "fundamentals.toml")
    assert code == 0, err


def test_one_drill_is_counted_as_one_drill_not_one_drills(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "one.toml"
    pack.write_text(
        '[pack]\nid = "one"\ntitle = "One"\nversion = "1"\n\n[[drills]]\nid = "a"\n'
        'statement = "My parcel is late again and I am fed up."\nemotions = ["frustrated"]\n'
        'exemplars = ["So the parcel is late again and you feel fed up. What happened?"]\n',
        encoding="utf-8",
    )
    data = str(tmp_path / "data")
    code, _, err = run(capsys, "pack", "validate", "--no-score", str(pack))
    assert code == 0 and err == f"{pack}: valid (1 drill)\n"
    code, out, _ = run(capsys, "--data-dir", data, "pack", "import", "--no-score", str(pack))
    assert code == 0 and "version 1): 1 drill: 1 new." in out
    code, out, _ = run(capsys, "--data-dir", data, "pack", "list")
    assert "1 drill   One" in out
    code, out, _ = run(capsys, "--data-dir", data, "pack", "export", "one", str(tmp_path / "o.csv"))
    assert code == 0 and out == f"Wrote 'one' (1 drill) to {tmp_path / 'o.csv'}\n"
