"""The API reference page, generated from the OpenAPI schema and rendered on the server.

The schema FastAPI builds from the routes (/api/openapi.json) is walked into
plain rows: one section per operation with its parameters, request body and
answers. No script, nothing loaded from elsewhere.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .pages import page

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def describe(schema: dict[str, Any], components: dict[str, Any]) -> tuple[str, list[str]]:
    """A schema as (type in words, constraints in words); ``null`` alternatives are dropped."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name, [] if name in components else [f"{name} (not in the schema)"]
    choices = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if choices:
        kinds, rules = zip(*(describe(s, components) for s in choices), strict=True)
        return " or ".join(kinds), [r for found in rules for r in found] + _rules(schema)
    kind = str(schema.get("type", "any"))
    if kind == "array":
        inner, _ = describe(schema.get("items", {}), components)
        kind = f"list of {inner}"
    return kind, _rules(schema)


def _rules(schema: dict[str, Any]) -> list[str]:
    found = []
    if "enum" in schema:
        found.append("one of " + ", ".join(str(v) for v in schema["enum"]))
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        found.append(f"{low} to {high}")
    elif low is not None:
        found.append(f"at least {low}")
    elif high is not None:
        found.append(f"at most {high}")
    if "minLength" in schema and schema["minLength"] > 0:
        found.append(f"at least {schema['minLength']} characters")
    if "maxLength" in schema:
        found.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        found.append(f"matches {schema['pattern']}")
    if "default" in schema and schema["default"] is not None:
        found.append(f"default {schema['default']}")
    return found


def _fields(schema: dict[str, Any], components: dict[str, Any]) -> list[dict[str, Any]]:
    """The properties of an object schema (following one $ref) as rows."""
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        kind, rules = describe(prop, components)
        rows.append(
            {
                "name": name,
                "type": kind,
                "rules": rules,
                "required": name in required,
                "description": prop.get("description", ""),
            }
        )
    return rows


def anchor(method: str, path: str) -> str:
    """An id for an operation's section: get-api-documents-doc_id."""
    return re.sub(r"[^\w-]", "", f"{method}-{path.strip('/').replace('/', '-')}")


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the schema, in its order, as rows for the template."""
    components = schema.get("components", {}).get("schemas", {})
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            parameters = []
            for p in op.get("parameters", []):
                kind, rules = describe(p.get("schema", {}), components)
                parameters.append(
                    {
                        "name": p["name"],
                        "in": p.get("in", "query"),
                        "type": kind,
                        "rules": rules,
                        "required": bool(p.get("required")),
                        "description": p.get("description", ""),
                    }
                )
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": anchor(method, path),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": parameters,
                    "body": _fields(body.get("schema", {}), components) if body else [],
                    "body_about": body.get("schema", {}).get("description", "") if body else "",
                    "responses": [
                        {"status": status, "description": answer.get("description", "")}
                        for status, answer in op.get("responses", {}).items()
                    ],
                }
            )
    return found


@router.get("/api-reference", response_class=HTMLResponse)
def reference_page(request: Request) -> Response:
    schema = request.app.openapi()
    return page(
        request,
        "api_reference.html",
        info=schema.get("info", {}),
        schema_url=request.app.openapi_url,
        operations=operations(schema),
    )
