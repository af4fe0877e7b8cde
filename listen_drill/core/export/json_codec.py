"""JSON into and out of progress files: orjson where it can, the standard library where not.

A team merge reads 400,000 attempts and writes each one's feedback back out; with the
standard `json` module, decoding and re-encoding were about half of the merge. orjson does
both several times faster. Its errors are not the ones our messages are built from, so a
document orjson refuses is parsed again by `json`, which either raises its own error (position,
line, column) for the caller's message or accepts what `json` always accepted (`NaN`, a lone
surrogate); and what orjson cannot write (an integer beyond 64 bits) `json` writes.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def loads(text: str) -> Any:
    """The document, or `json.JSONDecodeError` exactly as `json.loads` raises it."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def dumps_compact(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, separators=(",", ":"))`, faster."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, say
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
