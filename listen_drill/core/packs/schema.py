"""The JSON Schema of a pack, derived from `spec.py`, for editors that complete and check TOML.

`resources/schemas/pack.schema.json` is this function's output; a test keeps them equal and
checks that the schema accepts what the validator accepts. After changing `spec.py` or the
emotion lexicon, regenerate it:

    python -m listen_drill.core.packs.schema > resources/schemas/pack.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from listen_drill.core.packs.spec import (
    CONTROL_PATTERN,
    DRILL_FIELDS,
    MAX_DRILLS,
    NON_BLANK_PATTERN,
    PACK_FIELDS,
    Field,
    Kind,
)

SCHEMA_ID = "https://listen-drill.invalid/schemas/pack.schema.json"


def _text(max_length: int, *, non_blank: bool = False, pattern: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length}
    if pattern or non_blank:
        schema["pattern"] = pattern or NON_BLANK_PATTERN
    schema["not"] = {"pattern": CONTROL_PATTERN}  # the validator refuses them in any text
    return schema


def _table(fields: tuple[Field, ...], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = {spec.name: _field(spec) for spec in fields}
    required = [spec.name for spec in fields if spec.required]
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _field(spec: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if spec.kind is Kind.TEXT:
        schema = _text(spec.max_length, non_blank=spec.non_blank, pattern=spec.pattern)
    elif spec.kind is Kind.WHOLE:
        schema = {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    elif spec.kind is Kind.TABLE:
        schema = _table(spec.fields)
    else:
        if spec.kind is Kind.CHOICE_LIST:
            items: dict[str, Any] = {"enum": list(spec.choices)}
        elif spec.kind is Kind.KEY_POINTS:
            items = {"anyOf": [_text(spec.max_length, non_blank=True), _table(spec.fields)]}
        else:
            items = _text(spec.max_length, non_blank=True)
        schema = {"type": "array", "items": items}
        if spec.min_items:
            schema["minItems"] = spec.min_items
        schema["maxItems"] = spec.max_items
        if spec.kind is Kind.CHOICE_LIST:
            schema["uniqueItems"] = True
    return {"description": spec.description, **schema}


def pack_json_schema() -> dict[str, Any]:
    """The whole pack file as JSON Schema (draft 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "listen-drill drill pack",
        "description": "A TOML drill pack for listen-drill; see docs/packs.md.",
        "type": "object",
        "properties": {
            "pack": _table(PACK_FIELDS, "The pack's header: [pack]."),
            "drills": {
                "description": "The drills, one [[drills]] table each.",
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_DRILLS,
                "items": _table(DRILL_FIELDS),
            },
        },
        "required": ["pack", "drills"],
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(pack_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
