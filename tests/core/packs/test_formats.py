"""TOML and CSV both carry a pack without loss; fuzzed input only ever gives clean problems."""

from __future__ import annotations

import csv as csv_module
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listen_drill.core.models import Pack
from listen_drill.core.packs import Problem, load_pack_text, validate_bytes, validate_text
from listen_drill.core.packs.csv_format import (
    _exemplars_cell,
    document_from_csv,
    exemplars_to_cell,
    pack_to_csv,
)
from listen_drill.core.packs.locate import locate_toml
from listen_drill.core.packs.template import template_text
from listen_drill.core.packs.toml_format import pack_to_toml
from listen_drill.core.packs.validate import check_document
from tests.core.packs.strategies import as_loaded, mutated_documents, packs

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(packs())
def test_pack_to_csv_and_back_loses_nothing(pack: Pack) -> None:
    assert load_pack_text(pack_to_csv(pack), "p.csv", csv=True) == as_loaded(pack)


def _warnings(text: str, source: str, *, csv: bool) -> list[tuple[str, str]]:
    validation = validate_text(text, source, csv=csv, score_exemplars=False)
    return [(warning.where, warning.message) for warning in validation.warnings]


@SETTINGS
@given(packs())
def test_pack_to_csv_reads_back_quietly(pack: Pack) -> None:
    """An exported CSV warns about nothing the same pack as TOML does not: about 11% of packs
    with several model replies warned about a reply starting in lower case after a line that
    does not end a sentence, as if the trainer had broken one reply in two by mistake."""
    csv_text = pack_to_csv(pack)
    _document, _lines, findings = document_from_csv(csv_text)
    assert findings == []
    assert _warnings(csv_text, "p.csv", csv=True) == _warnings(
        pack_to_toml(pack), "p.toml", csv=False
    )


def test_a_reply_in_lower_case_after_an_unfinished_line_is_written_to_read_back_quietly() -> None:
    replies = ("So your parcel is late again", "and that's frustrating. What happened?")
    cell = exemplars_to_cell(replies)
    assert _exemplars_cell(cell) == (list(replies), [])
    # A trainer's cell without the backslash still warns: the line may be one reply broken.
    [note] = _exemplars_cell("\n".join(replies))[1]
    assert "is read as a model reply of its own" in note


@SETTINGS
@given(packs())
def test_pack_to_toml_and_back_loses_nothing(pack: Pack) -> None:
    assert load_pack_text(pack_to_toml(pack), "p.toml") == as_loaded(pack)


@SETTINGS
@given(st.binary(max_size=2000), st.booleans())
def test_any_bytes_give_problems_never_an_exception(data: bytes, csv: bool) -> None:
    validation = validate_bytes(data, "fuzz", csv=csv)
    assert validation.ok or validation.errors
    assert all(isinstance(problem, Problem) and str(problem) for problem in validation.problems)


TEMPLATE = template_text("Fuzz", "fuzz.toml")


@SETTINGS
@given(st.data())
def test_a_mangled_valid_file_gives_problems_never_an_exception(data: st.DataObject) -> None:
    text = TEMPLATE
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 20)))
        insert = data.draw(
            st.sampled_from(["", "[", "]", "{", '"', "'''", "\n", "=", "x", ",", "#"])
        )
        text = text[:start] + insert + text[end:]
    for csv in (False, True):
        validation = validate_text(text, "fuzz.toml", csv=csv)
        assert validation.ok or validation.errors
        for problem in validation.problems:
            assert problem.line is None or 1 <= problem.line <= text.count("\n") + 1
    locate_toml(text)  # the scanner copes with any text, valid or not


@SETTINGS
@given(mutated_documents())
def test_a_mutated_document_gives_findings_never_an_exception(document: dict[str, object]) -> None:
    pack, findings = check_document(document)
    errors = [finding for finding in findings if not finding.warning]
    assert (pack is None) == bool(errors)


@SETTINGS
@given(packs(), st.sampled_from([";", "\t"]))
def test_a_pack_saved_with_semicolons_or_tabs_reads_back_the_same(
    pack: Pack, separator: str
) -> None:
    """What a spreadsheet in a European locale writes when it saves the exported pack again."""
    rows = list(csv_module.reader(io.StringIO(pack_to_csv(pack), newline="")))
    out = io.StringIO(newline="")
    csv_module.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    assert load_pack_text(out.getvalue(), "p.csv", csv=True) == as_loaded(pack)
