"""Checks case files against Kinpress's JSON Schema with an independent validator.

Usage: schema_check.py SCHEMA FILE...   Prints {"FILE": {"valid": bool, "errors": [...]}} as JSON.

YAML is read as YAML 1.1 (as Kinpress's reader does), except that dates stay text: the
format writes dates as text, and the schema checks their form.
"""
import json
import sys

import yaml
from jsonschema import Draft202012Validator


class CaseLoader(yaml.SafeLoader):
    pass


CaseLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    results = {}
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            data = f.read()
        try:
            document = json.loads(data) if path.endswith(".json") else yaml.load(data, Loader=CaseLoader)
        except (ValueError, yaml.YAMLError) as error:
            results[path] = {"valid": False, "errors": [f"unreadable: {error}"]}
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
        results[path] = {
            "valid": not errors,
            "errors": ["/".join(str(p) for p in e.absolute_path) + ": " + e.message[:160] for e in errors[:3]],
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
