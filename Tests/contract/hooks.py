"""Schemathesis hooks for Dateline's contract tests (loaded through SCHEMATHESIS_HOOKS).

Schemathesis's `unsupported_method` check wants 405 for every method the document does not
list, QUERY included. Dateline answers 405 with `Allow` for the methods it knows (those of
RFC 9110 and PATCH) and 501 for any other, as RFC 9110 section 9.1 asks of an origin server
that does not implement a method. `methods_answered` holds the server to exactly that; the
script runs it in place of `unsupported_method`.

`POST /articles` also takes `application/x-ndjson`, a batch of articles one JSON object a line;
the document describes it as an array of articles, and `ndjson` writes such an array as lines.
A batch is answered line by line: a line that breaks the schema gets its own 4xx inside a 200
that still stores the good lines (only a batch with no article at all is refused whole, with
422). So a batch whose body was made to break the schema is no request the server must refuse,
and `batches_judged_by_line` leaves those cases out; every other case of the operation runs.
"""
import json

import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}


@schemathesis.check
def methods_answered(ctx, response, case):
    """A method the document does not list: 405 with `Allow` if known, 501 if not."""
    meta = case.meta
    if meta is None or not isinstance(meta.phase.data, CoveragePhaseData):
        return None
    if meta.phase.data.scenario != CoverageScenario.UNSPECIFIED_HTTP_METHOD:
        return None
    method = str(response.request.method).upper()
    if method == "OPTIONS":
        return None
    if method in KNOWN_METHODS:
        if response.status_code != 405:
            raise AssertionError(f"{method} answered {response.status_code}, expected 405")
        if not response.headers.get("allow"):
            raise AssertionError(f"{method} answered 405 without Allow")
    elif response.status_code != 501:
        raise AssertionError(f"{method}, a method the server does not implement, answered {response.status_code}, expected 501")
    return None


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """An array as one JSON document a line; anything else as one line."""
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")


@schemathesis.hook
def filter_case(ctx, case):
    """Leaves out NDJSON batches whose body was made to break the schema (see the docstring)."""
    return not batches_judged_by_line(case)


def batches_judged_by_line(case):
    if case.media_type != "application/x-ndjson" or case.meta is None:
        return False
    body = case.meta.components.get(ParameterLocation.BODY)
    return body is not None and not body.mode.is_positive
