"""resources/schemas/pack.schema.json is what the validator accepts, for editors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given, settings

from listen_drill.core.bundled import read_resource_text
from listen_drill.core.packs.schema import pack_json_schema
from listen_drill.core.packs.validate import check_document
from tests.core.packs.strategies import VALID_DOCUMENT, mutated_documents

CORPUS = Path(__file__).parents[2] / "data" / "broken_packs"
VALIDATOR = jsonschema.Draft202012Validator(pack_json_schema())


def validator_accepts(document: dict[str, Any]) -> bool:
    """The loader's verdict, less the one rule JSON Schema cannot say: distinct drill ids."""
    _pack, findings = check_document(document)
    return not any(
        not finding.warning and "is already the id of" not in finding.message
        for finding in findings
    )


def test_the_schema_file_is_the_one_the_spec_generates() -> None:
    on_disk = json.loads(read_resource_text("schemas", "pack.schema.json"))
    assert on_disk == pack_json_schema(), (
        "pack.schema.json is stale: python -m listen_drill.core.packs.schema "
        "> resources/schemas/pack.schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(on_disk)


def test_the_schema_accepts_valid_packs_and_refuses_the_broken_corpus() -> None:
    assert VALIDATOR.is_valid(VALID_DOCUMENT) and validator_accepts(VALID_DOCUMENT)
    bundled = Path(__file__).parents[3] / "drills"
    for path in bundled.glob("*.toml"):
        assert VALIDATOR.is_valid(tomllib.loads(path.read_text(encoding="utf-8"))), path
    refused = 0
    for path in CORPUS.glob("*.toml"):
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        if path.name != "duplicate-ids.toml":
            assert not VALIDATOR.is_valid(document), path.name
            refused += 1
    assert refused >= 20


@settings(max_examples=400, deadline=None)
@given(mutated_documents())
def test_the_schema_and_the_validator_agree_on_any_document(document: dict[str, Any]) -> None:
    assert VALIDATOR.is_valid(document) == validator_accepts(document)
