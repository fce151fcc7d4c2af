"""The JSON Schema of rules.yaml, checked with the real `jsonschema` against every example config in the
README and the tests: what glossqa accepts, the schema accepts; the mistakes glossqa refuses for
their shape, the schema refuses too."""

import ast
import json
import re
import textwrap

import jsonschema
import pytest
import yaml
from conftest import REPOSITORY

from qa.config import ConfigError, load_config
from qa.rules import RULES
from qa.schema import SHIPPED, rules_schema, schema_text

SCHEMA = rules_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
CONFIG_NAMES = ("rules.yaml", ".glossqa.yaml")


def readme_configs() -> list[str]:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```", readme, re.M | re.S)
    known = set(SCHEMA["properties"])
    return [
        block
        for block in blocks
        if isinstance(yaml.safe_load(block), dict) and set(yaml.safe_load(block)) <= known
    ]


def test_configs() -> list[str]:
    """Every string a test writes as rules.yaml: a dict entry `"rules.yaml": "..."` or `: NAME`."""
    found = []
    for path in sorted((REPOSITORY / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in CONFIG_NAMES:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found.append(value.value)
                    elif isinstance(value, ast.Name) and value.id in constants:
                        found.append(constants[value.id])
    return found


test_configs.__test__ = False  # a collector, not a test

EXAMPLES = [textwrap.dedent(c) for c in readme_configs()] + test_configs()


def test_the_shipped_schema_is_the_generated_one_and_glossqa_schema_prints_it(glossqa):
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == SCHEMA
    run = glossqa("schema")
    assert run.code == 0 and run.out == schema_text()
    jsonschema.Draft7Validator.check_schema(json.loads(run.out))


def test_every_rule_and_option_is_in_the_schema():
    rules = SCHEMA["properties"]["rules"]["properties"]
    assert set(rules) == set(RULES)
    for rule_id, module in RULES.items():
        settings = rules[rule_id]["oneOf"][2]["properties"]
        assert set(settings) == {"enabled", "severity", *module.OPTIONS}
        assert settings["severity"]["default"] == module.SEVERITY


def test_examples_were_found():
    assert len(readme_configs()) >= 2
    assert len(test_configs()) >= 15


@pytest.mark.parametrize("example", EXAMPLES)
def test_what_glossqa_accepts_the_schema_accepts(example, tmp_path):
    config = tmp_path / "rules.yaml"
    config.write_text(example, encoding="utf-8")
    (tmp_path / "glossary.csv").write_text("en,sv\nSoft Sell,mjuk försäljning\n", encoding="utf-8")
    (tmp_path / "glossary.tbx").write_text(
        "<martif><text><body/></text></martif>", encoding="utf-8"
    )
    (tmp_path / "terms.csv").write_text("en,sv\n", encoding="utf-8")
    try:
        load_config(config, RULES)
    except ConfigError as error:
        pytest.skip(f"glossqa refuses it: {error}")
    errors = [error.message for error in VALIDATOR.iter_errors(yaml.safe_load(example))]
    assert errors == []


@pytest.mark.parametrize(
    "example",
    [
        "rules:\n  no-such-rule: {}\n",
        "rules:\n  untranslated:\n    colour: red\n",
        "rules:\n  untranslated:\n    terms: Soft Sell\n",
        "rules:\n  declared-language:\n    min-words: many\n",
        "rules:\n  declared-language:\n    min-confidence: true\n",
        "rules:\n  link-targets:\n    severity: fatal\n",
        "rules:\n  link-targets: maybe\n",
        "source: english\n",
        "layout: pages\n",
        "colour: red\n",
        "exclude: drafts/\n",
        "respect-gitignore: sometimes\n",
    ],
)
def test_what_glossqa_refuses_for_its_shape_the_schema_refuses(example, tmp_path):
    config = tmp_path / "rules.yaml"
    config.write_text(example, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(config, RULES)
    assert not VALIDATOR.is_valid(yaml.safe_load(example))
