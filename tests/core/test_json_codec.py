"""Progress-file JSON through orjson behaves as the standard json module did."""

from __future__ import annotations

import json
import math

import pytest

from listen_drill.core.export import json_codec

FEEDBACK = {
    "overall": 72,
    "skills": [{"skill": "emotion", "score": 0.6, "label": "yes", "asked": True}],
    "findings": [
        {"kind": "emotion.named", "message": "Vous l’avez nommé — “déçu”.", "points": 18.0}
    ],
    "roadblocks": [],
    "truncated": False,
}


def test_compact_text_is_what_json_wrote() -> None:
    expected = json.dumps(FEEDBACK, ensure_ascii=False, separators=(",", ":"))
    assert json_codec.dumps_compact(FEEDBACK) == expected
    assert json_codec.loads(expected) == FEEDBACK


def test_what_orjson_cannot_write_is_written_by_json() -> None:
    huge = {"n": 2**70}
    assert json_codec.dumps_compact(huge) == '{"n":1180591620717411303424}'


def test_what_json_accepted_is_still_accepted() -> None:
    assert math.isnan(json_codec.loads('{"score": NaN}')["score"])
    assert json_codec.loads('"\\ud800"') == "\ud800"


@pytest.mark.parametrize("text", ['{"a": 1,}', '{"a": [1, 2}', "", '{"a": tru}'])
def test_bad_json_raises_json_own_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as ours:
        json_codec.loads(text)
    with pytest.raises(json.JSONDecodeError) as theirs:
        json.loads(text)
    assert (ours.value.msg, ours.value.lineno, ours.value.colno) == (
        theirs.value.msg,
        theirs.value.lineno,
        theirs.value.colno,
    )
