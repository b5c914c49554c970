"""Site URLs, phone formatting and the schemas' shared definitions."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from policy_build.phones import phone_display, phone_tel
from policy_build.urls import clause_url, office_url, reference_url

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "policy_data" / "schema"
SCHEMAS = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))


def test_clause_office_and_reference_urls(policy):
    assert clause_url("2025-bigdata", "c1-5") == "notices/2025-bigdata/#c1-5"
    assert office_url(policy.office("万州区")) == "offices/#office-01"
    assert office_url(policy.office("万盛经开区")) == "offices/#office-41"
    assert reference_url("yrsf-2023-28") == "references/#yrsf-2023-28"


@pytest.mark.parametrize("phone, display, tel", [
    ({"number": "58520665", "kind": "local"}, "023-58520665", "tel:+862358520665"),
    ("58520665", "023-58520665", "tel:+862358520665"),
    ({"number": "18983762621", "kind": "mobile"}, "18983762621", "tel:+8618983762621"),
    ({"number": "12333", "kind": "hotline", "area_code": "023"}, "023-12333", "tel:+862312333"),
])
def test_phone_display_and_tel(phone, display, tel):
    assert phone_display(phone, "023") == display
    assert phone_tel(phone, "023") == tel


def test_a_hotline_without_area_code_is_dialled_as_printed():
    assert phone_display({"number": "12333", "kind": "hotline"}) == "12333"
    assert phone_tel({"number": "12333", "kind": "hotline"}) == "tel:12333"


@pytest.mark.parametrize("kind", SCHEMAS)
def test_schema_is_valid_2020_12_with_id_and_title(repo_root, kind):
    schema = json.loads((repo_root / "policy_data/schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(kind) and schema["title"] and schema["description"]


def test_shared_definitions_agree_across_schemas(repo_root):
    # Each schema is self-contained (editors need no resolver); a shared $def must read the same everywhere.
    seen = {}
    for kind in SCHEMAS:
        schema = json.loads((repo_root / "policy_data/schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for name, definition in schema.get("$defs", {}).items():
            assert seen.setdefault(name, (kind, definition))[1] == definition, f"$defs/{name}: {kind} ≠ {seen[name][0]}"


def test_the_schemas_list_exactly_the_answer_keys_questions_yaml_defines(repo_root, policy):
    # The schemas enumerate the answer keys so an editor can complete a `when:` or a question key;
    # questions.yaml is where a key is defined. A key added there without the schemas fails validation
    # loudly, but one left in the schemas after its question went would be offered for ever.
    defined = sorted(q["key"] for q in policy.questions["questions"])
    questions_schema = json.loads((repo_root / "policy_data/schema/questions.schema.json").read_text(encoding="utf-8"))
    assert sorted(questions_schema["properties"]["questions"]["items"]["properties"]["key"]["enum"]) == defined
    for kind in SCHEMAS:
        schema = json.loads((repo_root / "policy_data/schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        if "when" in schema.get("$defs", {}):
            assert sorted(schema["$defs"]["when"]["propertyNames"]["enum"]) == defined, kind
