"""/api/docs and /api/openapi.json: open to all, Swagger UI served by the app itself."""

import re

from django.test import Client

ENDPOINTS = {
    ("get", "/api/rounds"),
    ("get", "/api/rounds/{id}"),
    ("get", "/api/rounds/{id}/indicators"),
    ("get", "/api/indicators/{id}"),
    ("get", "/api/districts"),
    ("post", "/api/score"),
    ("get", "/api/agreements"),
    ("get", "/api/agreements/{id}"),
    ("post", "/api/agreements/{id}/acknowledge"),
    ("get", "/api/results"),
    ("get", "/api/results/{id}"),
    ("patch", "/api/results/{id}"),
    ("post", "/api/results/{id}/submit"),
    ("post", "/api/results/{id}/evidence/links"),
    ("post", "/api/results/{id}/evidence/files"),
    ("delete", "/api/evidence/{id}"),
}


def test_the_schema_lists_every_endpoint_with_both_ways_to_sign_in(db):
    schema = Client().get("/api/openapi.json").json()
    operations = {(method, path) for path, methods in schema["paths"].items() for method in methods}
    assert operations >= ENDPOINTS
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert "401" in operation["responses"], (method, path)
            error = operation["responses"]["401"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/Error"}


def test_the_docs_page_loads_swagger_from_our_own_static_files(db):
    client = Client()
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    scripts = re.findall(r'src="([^"]+\.js)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts), scripts
    assert client.get(scripts[0]).status_code == 200
