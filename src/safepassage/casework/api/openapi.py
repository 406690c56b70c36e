"""The OpenAPI 3.1 document, built from the same pydantic models that validate requests."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from safepassage.casework.api.schemas import (
    AssessIn,
    CaseIn,
    CaseOut,
    CaseSummary,
    Created,
    Error,
    SearchIn,
    SnapshotOut,
)
from safepassage.casework.cases.records import EventRecord

MODELS: list[type[BaseModel]] = [CaseIn, SearchIn, AssessIn, CaseSummary, CaseOut, SnapshotOut, Created, Error, EventRecord]


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _body(model: type[BaseModel]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": _ref(model)}}}


def _reply(model: type[BaseModel] | None, text: str) -> dict[str, Any]:
    reply: dict[str, Any] = {"description": text}
    if model is not None:
        reply["content"] = {"application/json": {"schema": _ref(model)}}
    return reply


ERRORS = {
    "401": _reply(Error, "no valid API token"),
    "404": _reply(Error, "no such case, or not visible to this account (the two are not distinguished)"),
}
CASE_ID = {"name": "case_id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}


def openapi_document() -> dict[str, Any]:
    _, schemas = models_json_schema([(m, "validation") for m in MODELS], ref_template="#/components/schemas/{model}")
    case_list = {"type": "object", "properties": {"cases": {"type": "array", "items": _ref(CaseSummary)}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Safe Passage casework API",
            "version": "1",
            "description": "Same permissions and audit log as the web pages. Authenticate with a "
            "bearer token created on your account page after a password and TOTP login.",
        },
        "components": {
            "schemas": schemas["$defs"],
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"token": []}],
        "paths": {
            "/api/v1/cases": {
                "get": {"summary": "Cases visible to this account", "responses": {"200": {"description": "cases", "content": {"application/json": {"schema": case_list}}}, **ERRORS}},
                "post": {"summary": "Open a case", "requestBody": _body(CaseIn), "responses": {"201": _reply(Created, "created"), "400": _reply(Error, "invalid input"), **ERRORS}},
            },
            "/api/v1/cases/search": {
                "post": {"summary": "Find cases by name (blind index; the name never enters a URL)", "requestBody": _body(SearchIn), "responses": {"200": {"description": "cases", "content": {"application/json": {"schema": case_list}}}, **ERRORS}},
            },
            "/api/v1/cases/{case_id}": {
                "parameters": [CASE_ID],
                "get": {"summary": "Read a case", "responses": {"200": _reply(CaseOut, "the case"), "410": _reply(Error, "erased"), **ERRORS}},
                "delete": {"summary": "Erase a case for good (coordinators)", "responses": {"204": _reply(None, "erased"), **ERRORS}},
            },
            "/api/v1/cases/{case_id}/events": {
                "parameters": [CASE_ID],
                "post": {"summary": "Add an event to the timeline", "requestBody": _body(EventRecord), "responses": {"201": _reply(Created, "created"), "400": _reply(Error, "invalid input"), **ERRORS}},
            },
            "/api/v1/cases/{case_id}/assessments": {
                "parameters": [CASE_ID],
                "post": {"summary": "Assess now and keep the snapshot", "requestBody": _body(AssessIn), "responses": {"201": _reply(SnapshotOut, "the snapshot"), "400": _reply(Error, "invalid input"), "409": _reply(Error, "the case's profile, stored before a stricter rule, must be corrected first"), **ERRORS}},
            },
            "/api/v1/cases/{case_id}/assessments/{snapshot_id}": {
                "parameters": [CASE_ID, {"name": "snapshot_id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
                "get": {"summary": "Read a stored assessment", "responses": {"200": _reply(SnapshotOut, "the snapshot"), **ERRORS}},
            },
        },
    }
