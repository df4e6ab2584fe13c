#!/usr/bin/env python3
"""A request fuzzer driven by the OpenAPI document: starts a real `docstrange serve` (or uses --url),
reads /openapi/v1.json, and sends every route and method mutated requests over raw sockets:

  - values from each parameter's and body member's schema, then wrong types, huge and negative
    numbers, very long strings, unicode, NUL, invalid UTF-8, in path, query and body;
  - malformed multipart (boundary mismatch, truncated, huge or too many part headers, random bytes,
    LF line ends, two files, unknown fields), JSON (truncated, deep, wrong types, duplicate members)
    and form bodies (%00, bad escapes, overlong UTF-8);
  - wrong, missing and garbage content types;
  - odd framing and headers: duplicate or garbage Content-Length, Transfer-Encoding tricks, broken
    chunks, huge header values, bytes outside ASCII, unusual methods and request targets;
  - with no key, a valid API key, the admin key, or a malformed or unknown key.

The random seed makes the requests the same on every run. Asserts: no answer >= 500, apart from the
documented answers to a request this server cannot serve (503 GPU_UNAVAILABLE: it has no GPU worker;
502 URL_FETCH_FAILED: a download failed) and Kestrel's 505, without a body, to a request line naming
an HTTP version other than 1.0 and 1.1; every error code is a documented one; the server is healthy
and converts a document afterwards; its resident memory grew by less than 200 MB. Each answer >= 500
is listed with a reproducer (the raw request, saved, and the command that replays it).

    fuzz.py --dll DOCSTRANGE_DLL [--full] [--count N] [--seed N]
    fuzz.py --url http://127.0.0.1:8080 [--admin-key KEY] ...      (a server already running)
    fuzz.py --replay FILE --url URL                                  (send one saved request)
"""
import argparse
import collections
import concurrent.futures
import json
import os
import random
import re
import shutil
import socket
import sys
import tempfile
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ left in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverproc import Server, request, rss, tree_rss  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MB = 1_000_000
RSS_GROWTH_LIMIT = 200 * MB
# Answers >= 500 that are not faults: no GPU worker, a download that failed, and Kestrel's own answer
# (no body, so no code) to a request line naming HTTP/0.9, 1.2 or 2.0.
EXPECTED_5XX = {(503, "GPU_UNAVAILABLE"), (502, "URL_FETCH_FAILED"), (505, None)}
ADMIN_KEY = "fuzz-admin-key-0123456789abcdef"

# ------------------------------------------------------------------------------------ value pools

HUGE_NUMBERS = ["2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                "18446744073709551616", "9" * 400, "1e308", "1e309", "-1e309", "4.9e-324", "NaN", "Infinity", "-Infinity",
                "0x10", "1_000", "+5", " 5", "5 ", "05", "-0", "0.0", "1.5", "١٢٣", "５"]
NUMBERS = ["0", "1", "-1", "2", "30", "60", "61", "100", "1000", "65535", "65536", "2147483647", "-2147483648"]
STRINGS = ["", " ", "null", "true", "[]", "{}", "a" * 300, "a" * 5000, "x" * 70000, "ü", "日本語", "\u202eevil", "🙂" * 50,
           "\u0000", "a\u0000b", "\r\n", "%00", "%", "%zz", "%ff", "%c0%af", "../../etc/passwd", "..\\..\\boot.ini",
           "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "{{7*7}}", "\ud800", "\uffff", "\t",
           "job_", "job_aaaaaaaaaaaaaaaaaaaaaaaaaa", "job_AAAAAAAAAAAAAAAAAAAAAAAAAA", "up_aaaaaaaaaaaaaaaaaaaaaaaaaa",
           "key_aaaaaaaaaaaaaaaaaaaaaaaaaa", "job_" + "a" * 1000, "*", "?", "#", "/", "//", ";", ",", "=", "&"]
FIELD_VALUES = {
    "output_format": ["markdown", "json,html", "md,txt,csv", "text", "markdown,markdown", "MARKDOWN", "pdf", ",", ",,,", "markdown," * 2000],
    "processing_mode": ["auto", "cpu", "gpu", "GPU", "quantum"],
    "ocr": ["auto", "always", "never", "sometimes", "NEVER"],
    "priority": ["express", "normal", "batch", "urgent", "-1"],
    "pages": ["1", "1-3,7", "10-", "0", "-1", "1-0", "3-1", "1,,2", "99999999999999999999", "1-2147483648", "١", "a-b", "-", "1-" * 5000],
    "languages": ["eng", "eng,deu", "eng+deu", "xxx", "../eng", "eng," * 3000, "e\u0000ng", "ENG", ""],
    "include_notes": ["true", "false", "TRUE", "1", "yes", ""],
    "table_spans": ["once", "repeat", "twice"],
    "ocr_engine": ["auto", "tesseract", "paddle", "PADDLE", "easyocr", ""],
    "webhook_url": ["", "https://example.com/hook", "http://127.0.0.1/hook", "http://[::1]/h", "http://169.254.169.254/latest",
                    "ftp://x/y", "https://" + "a" * 3000 + ".com/", "https://ex ample.com/", "javascript:alert(1)", "http://", "http://[::ffff:10.0.0.1]/"],
    "password": ["secret", "", "p" * 100000, "\u0000"],
    "url": ["http://127.0.0.1:1/a.pdf", "http://10.0.0.1/a.pdf", "http://[::1]/a.pdf", "http://localhost/a.txt", "http://169.254.169.254/",
            "file:///etc/passwd", "gopher://x/", "http://user:pw@127.0.0.1/a.pdf", "https://" + "a" * 3000 + "/", "not a url", "http://0x7f000001/",
            "http://[fe80::1%25eth0]/a.pdf", "http://2130706433/a.pdf", "//127.0.0.1/a.pdf", "http:/\\127.0.0.1/a.pdf"],
    "extract_fields": ["name,date"],
    "json_schema": ['{"type":"object"}'],
    "extract_mode": ["auto", "rules", "llm", "LLM", "magic", ""],
    "file_name": ["a.txt", "a.pdf", "scan.PDF", "noext", ".txt", "a.exe", "a.txt.exe", "a" * 2000 + ".txt", "../../a.txt", "a\u0000.txt", "日本.txt", ""],
    "size": ["1", "10", "0", "-1", "5368709121", "9223372036854775807", "1e3", "ten"],
    "name": ["fuzz", "", "n" * 10000, "\u0000"],
    "owner": ["team", None, "o" * 10000],
    "tier": ["api_key", "enterprise", "free", "admin", ""],
    "expires_at": ["2999-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "tomorrow", "9999-12-31T23:59:59.9999999Z", "", "2999-13-45T99:99:99Z"],
    "status": ["pending", "processing", "completed", "failed", "cancelled", "done", "pending,failed", ""],
    "cursor": ["", "abc", "eyJ9", "=" * 10, "A" * 5000, "%ff%fe", "null"],
    "limit": NUMBERS + HUGE_NUMBERS,
    "wait": NUMBERS + HUGE_NUMBERS,
    "format": ["markdown", "json", "html", "csv", "text", "md", "txt", "pdf", "", "markdown,json"],
}
# Values a submission accepts, for requests meant to get through (FIELD_VALUES has the rest).
VALID_FIELD = {
    "output_format": ["markdown", "json,html", "text", "md,csv"], "processing_mode": ["auto", "cpu"], "pages": ["1", "1-3,7", "2-"],
    "ocr": ["auto", "never"], "languages": ["eng"], "priority": ["express", "normal", "batch"], "password": ["secret"],
    "include_notes": ["true", "false"], "table_spans": ["once", "repeat"], "webhook_url": [""],
    "ocr_engine": ["auto", "tesseract"], "extract_mode": ["auto", "rules"],
}
CONTENT_TYPES = ["", "text/plain", "application/json", "application/x-www-form-urlencoded", "multipart/form-data",
                 "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + "b" * 200,
                 "multipart/form-data; boundary=x; boundary=y", "multipart/mixed; boundary=x", "application/octet-stream",
                 "application/json; charset=utf-16", "application/json; charset=ebcdic", "application/xml", "*/*", ";;;",
                 "multipart/form-data; boundary=\"unterminated", "application/x-www-form-urlencoded; charset=latin1",
                 "application/json" + "; a=b" * 2000, "tëxt/pläin", "application/offset+octet-stream", "image/png"]
ODD_METHODS = ["FOO", "PROPFIND", "TRACE", "CONNECT", "OPTIONS", "get", "Get", "PATCH", "PUT", "HEAD", "DELETE", "POST", "M" * 300, "GET\x00"]

# ---------------------------------------------------------------------------------------- schema


class Spec:
    def __init__(self, document):
        self.doc = document
        self.operations = []  # (method, path, parameters, {content type: schema})
        for path, item in document.get("paths", {}).items():
            common = item.get("parameters", [])
            for method, op in item.items():
                if method not in ("get", "post", "put", "patch", "delete", "head", "options"):
                    continue
                params = common + op.get("parameters", [])
                body = {ct: m.get("schema", {}) for ct, m in (op.get("requestBody") or {}).get("content", {}).items()}
                self.operations.append((method.upper(), path, params, body))

    def resolve(self, schema, depth=0):
        while isinstance(schema, dict) and "$ref" in schema and depth < 20:
            ref = schema["$ref"]
            node = self.doc
            for part in ref.lstrip("#/").split("/"):
                node = node.get(part, {})
            schema, depth = node, depth + 1
        if isinstance(schema, dict) and "oneOf" in schema:
            options = [s for s in schema["oneOf"] if s.get("type") != "null"]
            if options:
                return self.resolve(options[0], depth + 1)
        return schema if isinstance(schema, dict) else {}


def schema_type(schema):
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), None)
    if t is None and "properties" in schema:
        t = "object"
    return t


class Values:
    """Valid-looking and hostile values for a named member or parameter with a schema."""

    def __init__(self, rng, spec):
        self.rng, self.spec = rng, spec

    def valid(self, name, schema, depth=0):
        schema = self.spec.resolve(schema)
        rng = self.rng
        if name in VALID_FIELD:
            return rng.choice(VALID_FIELD[name])
        if name in FIELD_VALUES and rng.random() < 0.8:
            return rng.choice(FIELD_VALUES[name][:3])
        t = schema_type(schema)
        if t == "object" and depth < 4:
            out = {}
            required = set(schema.get("required", []))
            for prop, sub in schema.get("properties", {}).items():
                if prop in required or rng.random() < 0.4:
                    out[prop] = self.valid(prop, sub, depth + 1)
            return out
        if t == "array" and depth < 4:
            return [self.valid(name, schema.get("items", {}), depth + 1)]
        if t == "integer":
            low = int(schema.get("minimum", 0)) if isinstance(schema.get("minimum"), (int, float)) else 0
            return low + rng.randint(0, 10)
        if t == "number":
            return rng.choice([0, 1.5, 10])
        if t == "boolean":
            return rng.choice([True, False])
        if schema.get("format") == "date-time":
            return "2999-01-01T00:00:00Z"
        if "enum" in schema:
            return rng.choice(schema["enum"])
        return rng.choice(["a", "fuzz", "1"])

    def hostile(self, name, schema):
        """A value of the wrong type or out of range for the member (a Python value for JSON)."""
        rng = self.rng
        roll = rng.random()
        if name in FIELD_VALUES and roll < 0.3:
            return rng.choice(FIELD_VALUES[name])
        if roll < 0.5:
            return rng.choice(STRINGS)
        if roll < 0.7:
            text = rng.choice(HUGE_NUMBERS + NUMBERS)
            try:
                return json.loads(text) if rng.random() < 0.5 else text
            except ValueError:
                return text
        return rng.choice([None, True, False, [], {}, [1, 2], {"a": {"b": {}}}, -1, 0, 2 ** 63, 2 ** 64, -(2 ** 63) - 1,
                           1e308, 0.5, [[[[[[]]]]]], {"": ""}, "x" * rng.choice([10, 1000, 100000])])

    def text(self, name, schema, hostile):
        v = self.hostile(name, schema) if hostile else self.valid(name, schema)
        if isinstance(v, str):
            return v
        return json.dumps(v)

# ----------------------------------------------------------------------------------------- bodies


def crlf(lines):
    return b"\r\n".join(lines)


def enc(s):
    return s.encode("utf-8", "surrogatepass") if isinstance(s, str) else s


SMALL_DOCS = [("fuzz.txt", b"Fuzz text document.\n"), ("fuzz.md", b"# Title\n\nText.\n"), ("fuzz.html", b"<html><body><p>hi</p></body></html>"),
              ("fuzz.csv", b"a,b\n1,2\n"), ("empty.txt", b""), ("bin.txt", b"\x00\x01\x02\xff" * 64), ("fake.pdf", b"not a pdf at all"),
              ("fuzz.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), ("noext", b"text"), ("a.exe", b"MZ\x90\x00"),
              ("fuzz.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU"),
              ("fuzz.docx", b"PK\x03\x04" + b"\x00" * 60)]


class Bodies:
    def __init__(self, rng, values):
        self.rng, self.values = rng, values

    def fields(self, schema, hostile_share):
        """Form fields (name, text) for a body schema: every member the schema lists, some hostile."""
        schema = self.values.spec.resolve(schema)
        out = []
        for prop, sub in schema.get("properties", {}).items():
            if prop == "file":
                continue
            if prop in schema.get("required", []) or self.rng.random() < 0.5:
                out.append((prop, self.values.text(prop, sub, self.rng.random() < hostile_share)))
        return out

    def multipart(self, schema, boundary):
        """A multipart body and its content type; mostly well-formed, with hostile fields and files."""
        rng = self.rng
        fields = self.fields(schema, rng.choice([0, 0, 0.2, 0.5]))
        if rng.random() < 0.2:
            fields.append((rng.choice(["unknown", "file_name", "FILE", "output_format", "extract_fields", "x" * 300]), rng.choice(STRINGS[:12])))
        parts = []
        for name, value in fields:
            parts.append(crlf([b"--" + boundary, b'Content-Disposition: form-data; name="' + enc(name) + b'"', b"", enc(value)]))
        files = rng.choice([1, 1, 1, 1, 1, 0, 2]) if schema else 1
        for _ in range(files):
            # Mostly a document the server converts, so that jobs are made and their routes have work.
            fname, data = rng.choice(SMALL_DOCS[:4] if rng.random() < 0.6 else SMALL_DOCS)
            if rng.random() < 0.15:
                fname = rng.choice(FIELD_VALUES["file_name"])
            parts.append(crlf([b"--" + boundary, b'Content-Disposition: form-data; name="file"; filename="' + enc(fname) + b'"',
                               b"Content-Type: application/octet-stream", b"", data]))
        return b"\r\n".join(parts) + b"\r\n--" + boundary + b"--\r\n"

    def broken_multipart(self, schema):
        """(body, content type, label): a multipart body broken one way."""
        rng = self.rng
        boundary = b"fuzz" + str(rng.randint(0, 10 ** 9)).encode()
        good = self.multipart(schema, boundary)
        ct = b"multipart/form-data; boundary=" + boundary
        kind = rng.randrange(18)
        if kind == 0:
            return good.replace(boundary, b"other"), ct, "boundary mismatch"
        if kind == 1:
            return good[: rng.randint(0, len(good))], ct, "truncated"
        if kind == 2:
            return good.rsplit(b"--" + boundary + b"--", 1)[0], ct, "no closing boundary"
        if kind == 3:
            big = b"X-Big: " + b"h" * rng.choice([16 * 1024, 70 * 1024, 300 * 1024])
            return good.replace(b"Content-Disposition", big + b"\r\nContent-Disposition", 1), ct, "huge part header"
        if kind == 4:
            many = b"".join(b"X-H%d: v\r\n" % i for i in range(rng.choice([17, 100, 2000])))
            return good.replace(b"Content-Disposition", many + b"Content-Disposition", 1), ct, "many part headers"
        if kind == 5:
            return bytes(rng.getrandbits(8) for _ in range(rng.choice([1, 100, 5000]))), ct, "random bytes"
        if kind == 6:
            return good.replace(b"\r\n", b"\n"), ct, "LF line ends"
        if kind == 7:
            return good.replace(b'Content-Disposition: form-data; name="', b"Content-Disposition: form-data; name=\"\xff\xfe", 1), ct, "invalid UTF-8 name"
        if kind == 8:
            return good.replace(b"Content-Disposition: form-data;", rng.choice([b"Content-Disposition:", b"Content-Disposition: attachment;", b"Content-Disp:", b"Content-Disposition: form-data; name=\"a", b"Content-Disposition: form-data; filename*=UTF-8''%ff%fe;"]), 1), ct, "bad disposition"
        if kind == 9:
            return b"preamble garbage\r\n" * 100 + good + b"epilogue" * 1000, ct, "preamble and epilogue"
        if kind == 10:
            parts = b"".join(crlf([b"--" + boundary, b'Content-Disposition: form-data; name="f%d"' % i, b"", b"v"]) + b"\r\n" for i in range(rng.choice([101, 500, 5000])))
            return parts + good, ct, "too many parts"
        if kind == 11:
            field = crlf([b"--" + boundary, b'Content-Disposition: form-data; name="output_format"', b"", b"m" * rng.choice([65537, 1 << 20])]) + b"\r\n"
            return field + good, ct, "huge field"
        if kind == 12:
            return good, rng.choice([b"multipart/form-data", b"multipart/form-data; boundary=", b"multipart/form-data; boundary=\"" + boundary,
                                     b"multipart/form-data; boundary=" + boundary * 10, b"multipart/form-data; boundary=" + boundary + b"; boundary=x",
                                     b"multipart/form-data;boundary=\"" + boundary + b"\"", b"Multipart/Form-Data; BOUNDARY=" + boundary]), "boundary parameter"
        if kind == 13:
            inner = self.multipart(schema, b"inner")
            return (crlf([b"--" + boundary, b'Content-Disposition: form-data; name="file"; filename="a.txt"', b"Content-Type: multipart/mixed; boundary=inner", b"", inner])
                    + b"\r\n--" + boundary + b"--\r\n"), ct, "nested multipart"
        if kind == 14:
            return good.replace(b"Content-Type: application/octet-stream", b"Content-Transfer-Encoding: base64\r\nContent-Type: text/plain; charset=utf-7", 1), ct, "part encodings"
        if kind == 15:
            return good.replace(b"\r\n\r\n", b"\r\nno colon here\r\n\r\n", 1), ct, "header without colon"
        if kind == 16:
            return b"--" + boundary + b"\r\n\r\n\r\n--" + boundary + b"--\r\n", ct, "part without headers"
        return b"", ct, "empty body"

    def json(self, schema, values):
        """(body, label): a JSON body from the schema, or broken."""
        rng = self.rng
        obj = values.valid("", schema)
        kind = rng.randrange(14)
        if kind < 3 and isinstance(obj, dict) and obj:
            key = rng.choice(list(obj))
            sub = values.spec.resolve(schema).get("properties", {}).get(key, {})
            obj[key] = values.hostile(key, sub)
            return enc(json.dumps(obj, ensure_ascii=rng.random() < 0.5)), f"member {key} hostile"
        if kind == 3 and isinstance(obj, dict) and obj:
            obj.pop(rng.choice(list(obj)))
            return enc(json.dumps(obj)), "member missing"
        if kind == 4:
            return enc(json.dumps(rng.choice([[], "text", 1, None, True, [obj], {"a": obj}]))), "wrong top-level type"
        if kind == 5:
            text = json.dumps(obj)
            return enc(text[: rng.randint(0, len(text))]), "truncated"
        if kind == 6:
            depth = rng.choice([100, 1000, 100000])
            return b"[" * depth + b"]" * depth if rng.random() < 0.5 else b'{"a":' * depth + b"1" + b"}" * depth, "deeply nested"
        if kind == 7:
            return enc(json.dumps(obj)).replace(b'"', b'"\xff\xfe', 1), "invalid UTF-8"
        if kind == 8:
            return b"\xef\xbb\xbf" + enc(json.dumps(obj)), "byte order mark"
        if kind == 9 and isinstance(obj, dict) and obj:
            key = next(iter(obj))
            return enc(json.dumps(obj)[:-1] + f', "{key}": null, "{key}": 1e999}}'), "duplicate members"
        if kind == 10:
            return enc(json.dumps(obj)).replace(b"}", b",}", 1) + b" // comment", "comments and trailing comma"
        if kind == 11:
            return json.dumps(obj).encode("utf-16"), "UTF-16"
        if kind == 12:
            return enc(json.dumps({k: ("\u0000" if isinstance(v, str) else v) for k, v in obj.items()} if isinstance(obj, dict) else obj)), "NUL strings"
        return enc(json.dumps(obj)), "valid"

    def form(self, schema):
        rng = self.rng
        fields = self.fields(schema, 0.5)
        kind = rng.randrange(10)
        body = urllib.parse.urlencode(fields, quote_via=urllib.parse.quote, errors="surrogatepass").encode()
        if kind == 0:
            return body + b"&output_format=%00", "%00"
        if kind == 1:
            return body + rng.choice([b"&url=%zz", b"&url=%", b"&url=%f", b"&%=x", b"&url=%c0%ae%c0%ae", b"&url=%ff%fe%fd", b"&pages=%ed%a0%80"]), "bad escapes"
        if kind == 2:
            return body + b"&" + body, "duplicate fields"
        if kind == 3:
            return b"&".join([b"a%d=b" % i for i in range(rng.choice([1000, 10000]))]), "many fields"
        if kind == 4:
            return body + b"&url=" + b"x" * rng.choice([70000, 1 << 20]), "huge value"
        if kind == 5:
            return rng.choice([b"&&&&", b"=", b"==", b"novalue", b"=value", b"a=b=c", b"\xff\xfe=\xff"]), "odd pairs"
        if kind == 6:
            return body.replace(b"&", b";"), "semicolons"
        return body, "valid"

# --------------------------------------------------------------------------------------- requests


class Fuzz:
    def __init__(self, spec, seed, host, keys, ids):
        self.spec, self.seed, self.host, self.keys, self.ids = spec, seed, host, keys, ids

    def make(self, n):
        """Request number n: (label, method, path template, raw bytes). The same n and seed, the same bytes."""
        rng = random.Random(self.seed * 1_000_003 + n)
        values = Values(rng, self.spec)
        bodies = Bodies(rng, values)
        method, template, params, body_types = rng.choice(self.spec.operations)
        labels = []

        # path and query from the parameters
        path = template
        query = []
        for p in params:
            schema = p.get("schema", {})
            where, name = p.get("in"), p.get("name")
            hostile = rng.random() < 0.35
            if where == "path":
                if not hostile and rng.random() < 0.7:
                    value = rng.choice(self.ids.get(template.split("/")[3], ["x"]) or ["x"])
                else:
                    value = values.text(name, schema, True)
                    labels.append(f"path {name} hostile")
                path = path.replace("{" + name + "}", quote(rng, value))
            elif where == "query" and (hostile or rng.random() < 0.5):
                query.append((name, values.text(name, schema, hostile)))
                if hostile:
                    labels.append(f"query {name} hostile")
        if rng.random() < 0.1:
            query.append((rng.choice(["x", "wait", "format", "", "a" * 1000]), rng.choice(STRINGS)))
            labels.append("extra query")
        if query and rng.random() < 0.1:
            query.append(query[0])
            labels.append("duplicate query")
        target = enc(path)
        if query:
            target += b"?" + b"&".join(enc(quote(rng, k)) + b"=" + enc(quote(rng, v)) for k, v in query)

        # body
        body, content_type = None, None
        if body_types:
            ct = rng.choice(list(body_types))
            schema = body_types[ct]
            if ct == "multipart/form-data":
                if rng.random() < 0.5:
                    boundary = b"fz" + str(rng.randint(0, 10 ** 6)).encode()
                    body, content_type = bodies.multipart(schema, boundary), b"multipart/form-data; boundary=" + boundary
                else:
                    body, content_type, what = bodies.broken_multipart(schema)
                    labels.append(f"multipart: {what}")
            elif ct == "application/json":
                body, what = bodies.json(schema, values)
                content_type = b"application/json"
                labels.append(f"json: {what}")
            elif ct == "application/x-www-form-urlencoded":
                body, what = bodies.form(schema)
                content_type = b"application/x-www-form-urlencoded"
                labels.append(f"form: {what}")
            else:
                body = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 1, 10, 1000, 70000])))
                content_type = enc(ct)
        elif rng.random() < 0.1:
            body = b"unexpected body"
            labels.append("body on a route without one")
        if rng.random() < 0.12:
            content_type = enc(rng.choice(CONTENT_TYPES)) if rng.random() < 0.85 else None
            labels.append(f"content type {content_type[:40] if content_type else None!r}")

        # headers: auth, known headers, odd ones
        headers = [(b"Host", enc(self.host))]
        auth = rng.random()
        admin_route = "/admin/" in template
        if admin_route and auth < 0.6 or not admin_route and auth < 0.03:
            labels.append("admin key")
            headers.append((b"Authorization", b"Bearer " + enc(ADMIN_KEY)))
        elif auth < 0.65 if admin_route else auth < 0.35:
            labels.append("api key")
            headers.append((b"Authorization", b"Bearer " + enc(self.keys["api"])) if rng.random() < 0.5 else (b"X-API-Key", enc(self.keys["api"])))
        elif auth < 0.75 if admin_route else auth < 0.45:
            bad = rng.choice([b"Bearer", b"Bearer ", b"Bearer ds_live_" + b"a" * 32, b"Basic YTpi", b"Bearer ds_live_\xff\xfe" + b"a" * 30,
                              b"Bearer " + b"x" * 10000, b"bearer " + enc(self.keys["api"]), b"Bearer " + enc(self.keys["api"]) + b" extra",
                              b"Bearer " + enc(self.keys["revoked"]), b"Digest username=x", b"Bearer ds_live_\x00"])
            headers.append((b"Authorization", bad))
            if rng.random() < 0.3:
                headers.append((b"X-API-Key", rng.choice([enc(self.keys["api"]), b"other", b""])))
            labels.append("bad key")
        else:
            labels.append("no key")
        if method == "PATCH" and rng.random() < 0.7:
            headers.append((b"Upload-Offset", rng.choice([b"0", b"0", b"5", b"10", b"-1", b"x", b"99999999999999999999"])))
        if method == "POST" and template.startswith("/api/v1/documents") and rng.random() < 0.2:
            headers.append((b"Idempotency-Key", enc("k%d" % rng.randrange(20))))
        if rng.random() < 0.15:
            name, value = rng.choice([
                (b"Idempotency-Key", rng.choice([b"k1", b"", b"a b", b"k" * 300, b"\xff", b"key\x01"])),
                (b"Upload-Offset", rng.choice([b"0", b"-1", b"abc", b"99999999999999999999", b"1e3", b"", b"0, 0"])),
                (b"X-Request-ID", rng.choice([b"", b"r" * 5000, b"\xff\xfe", b"req id with spaces"])),
                (b"traceparent", rng.choice([b"00-00000000000000000000000000000000-0000000000000000-00", b"garbage", b"ff-" + b"f" * 100])),
                (b"X-Forwarded-For", rng.choice([b"1.2.3.4, garbage", b"::::", b"999.999.999.999", b"a" * 4000])),
                (b"X-Forwarded-Proto", rng.choice([b"https", b"gopher", b""])),
                (b"Range", rng.choice([b"bytes=0-10", b"bytes=-1", b"bytes=99999999999999999999-", b"bytes=5-1", b"chars=0-1", b"bytes=" + b"0-1," * 2000])),
                (b"Accept", rng.choice([b"text/event-stream", b"*/*;q=abc", b"", b"application/json;" * 500])),
                (b"Accept-Encoding", rng.choice([b"gzip", b"br;q=2", b"*;q=0", b"identity;q=0"])),
                (b"Content-Encoding", rng.choice([b"gzip", b"br", b"deflate, gzip", b"x"])),
                (b"Origin", rng.choice([b"https://evil.example", b"null", b"\xff"])),
                (b"If-None-Match", rng.choice([b"*", b"\"x\"", b"W/\"" + b"a" * 5000])),
                (b"Last-Event-ID", rng.choice([b"0", b"-1", b"99999999999999999999", b"abc", b"\xff"])),
                (b"Cookie", b"a=" + b"c" * rng.choice([100, 20000])),
                (b"Expect", rng.choice([b"100-continue", b"200-ok", b""])),
            ])
            headers.append((name, value))
            labels.append(f"header {name.decode()}")

        framing = "length"
        if rng.random() < 0.12:
            framing = rng.choice(["dup-same", "dup-diff", "cl-garbage", "te+cl", "te-chunked", "te-odd", "chunks-broken", "short-body",
                                  "huge-header", "many-headers", "bad-header-bytes", "obs-fold", "no-host", "dup-host"])
            labels.append(f"framing {framing}")
        method_text = enc(method)
        version = b"HTTP/1.1"
        if rng.random() < 0.05:
            method_text = enc(rng.choice(ODD_METHODS))
            labels.append(f"method {method_text[:20]!r}")
        if rng.random() < 0.04:
            kind = rng.randrange(6)
            if kind == 0:
                target = b"http://" + enc(self.host) + target
            elif kind == 1:
                target = target + b"/" + b"a" * rng.choice([5000, 70000])
            elif kind == 2:
                target = target.replace(b"/api/v1", rng.choice([b"/api/v1/", b"//api/v1", b"/API/V1", b"/api/./v1", b"/api/v2/../v1", b"/api/v1%2f", b"/api/v1\\"]), 1)
            elif kind == 3:
                target += rng.choice([b"%00", b"%", b"%zz", b"%c0%af", b"%ff", b"\xff\xfe", b"\xc0\xaf", b"#frag", b"?" + b"&" * 1000])
            elif kind == 4:
                version = rng.choice([b"HTTP/1.0", b"HTTP/2.0", b"HTTP/1.2", b"HTTP/0.9", b"HTTP/1.1 extra", b"HTTPS/1.1", b""])
            else:
                target = rng.choice([b"*", b"", b"api/v1/system", b" /api/v1/system"])
            labels.append("request target/version")
        raw = frame(rng, method_text, target, version, headers, content_type, body, framing)
        # A body that promises more than it has: the server waits for the rest (408 after its body
        # timeout); the run waits a little for an early answer and then gives up on it.
        incomplete = framing in ("short-body", "chunks-broken", "te-odd")
        return "; ".join(labels) or "plain", method, template, raw, incomplete


def quote(rng, value):
    """Percent-encodes a value, mostly; sometimes sends it raw (bytes outside ASCII, spaces) or double-encoded."""
    roll = rng.random()
    if roll < 0.85:
        return urllib.parse.quote(value, safe="", errors="surrogatepass")
    if roll < 0.93:
        return urllib.parse.quote(urllib.parse.quote(value, safe="", errors="surrogatepass"), safe="")
    return value.replace(" ", "+").replace("\r", "").replace("\n", "")


def frame(rng, method, target, version, headers, content_type, body, framing):
    lines = [method + b" " + target + (b" " + version if version else b"")]
    hs = list(headers)
    if framing == "no-host":
        hs = [h for h in hs if h[0] != b"Host"]
    if framing == "dup-host":
        hs.append((b"Host", b"evil.example"))
    if content_type is not None:
        hs.append((b"Content-Type", content_type))
    hs.append((b"Connection", b"close"))
    payload = body or b""
    if body is not None or framing != "length":
        if framing in ("length", "no-host", "dup-host", "huge-header", "many-headers", "bad-header-bytes", "obs-fold"):
            hs.append((b"Content-Length", b"%d" % len(payload)))
        elif framing == "dup-same":
            hs += [(b"Content-Length", b"%d" % len(payload))] * 2
        elif framing == "dup-diff":
            hs += [(b"Content-Length", b"%d" % len(payload)), (b"Content-Length", b"%d" % (len(payload) + 1))]
        elif framing == "cl-garbage":
            hs.append((b"Content-Length", rng.choice([b"-1", b"abc", b"99999999999999999999", b"+%d" % len(payload), b"0x10", b" %d " % len(payload),
                                                        b"%d, %d" % (len(payload), len(payload)), b"1e3", b""])))
        elif framing == "te+cl":
            hs += [(b"Transfer-Encoding", b"chunked"), (b"Content-Length", b"%d" % len(payload))]
            payload = chunked(payload)
        elif framing == "te-chunked":
            hs.append((b"Transfer-Encoding", b"chunked"))
            payload = chunked(payload)
        elif framing == "te-odd":
            hs.append((b"Transfer-Encoding", rng.choice([b"chunked, chunked", b"gzip, chunked", b"identity", b"xchunked", b"Chunked", b" chunked",
                                                          b"chunked, identity", b"chunked\x00", b"\xffchunked"])))
            if rng.random() < 0.5:
                hs.append((b"Transfer-Encoding", b"chunked"))
            payload = chunked(payload)
        elif framing == "chunks-broken":
            hs.append((b"Transfer-Encoding", b"chunked"))
            payload = rng.choice([b"zz\r\nabc\r\n0\r\n\r\n", b"5\r\nab\r\n0\r\n\r\n", b"ffffffffffffffff\r\nabc\r\n", b"3;" + b"e" * 10000 + b"\r\nabc\r\n0\r\n\r\n",
                                  b"3\r\nabc\r\n0\r\nX-Trailer: " + b"t" * 5000 + b"\r\n\r\n", b"3\nabc\n0\n\n", b"3\r\nabc\r\n", b"-1\r\n\r\n",
                                  chunked(payload)[:-5]])
        elif framing == "short-body":
            hs.append((b"Content-Length", b"%d" % (len(payload) + rng.choice([1, 100, 10 ** 6]))))
    if framing == "huge-header":
        hs.append((b"X-Huge", b"h" * rng.choice([8 * 1024, 33 * 1024, 100 * 1024])))
    if framing == "many-headers":
        hs += [(b"X-Many-%d" % i, b"v") for i in range(rng.choice([100, 1000]))]
    if framing == "bad-header-bytes":
        hs.append(rng.choice([(b"X-Bad", b"\xff\xfe\x80"), (b"X Bad", b"v"), (b"X-Bad", b"a\x00b"), (b"", b"empty name"), (b"X-Bad\xff", b"v"), (b"X-Bad", b"a\rb")]))
    head = lines + [n + b": " + v for n, v in hs]
    if framing == "obs-fold":
        head.append(b"X-Folded: first\r\n  continued")
    return b"\r\n".join(head) + b"\r\n\r\n" + payload


def chunked(payload):
    if not payload:
        return b"0\r\n\r\n"
    return b"%x\r\n" % len(payload) + payload + b"\r\n0\r\n\r\n"

# ----------------------------------------------------------------------------------------- sending


def send(port, raw, timeout):
    """(status or None, head text, body start, seconds): the raw request over a fresh connection. The
    write side stays open (Kestrel takes a half-close for an abort and answers nothing)."""
    started = time.monotonic()
    data = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            try:
                s.sendall(raw)
            except OSError:
                pass  # the server may answer and close before it has read everything
            while b"\r\n\r\n" not in data or len(data) < data.find(b"\r\n\r\n") + 4 + 4096:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                if b"\r\n\r\n" in data and b"text/event-stream" in data[: data.find(b"\r\n\r\n")]:
                    break
    except OSError as e:
        return None, f"connect: {e}", b"", time.monotonic() - started
    seconds = time.monotonic() - started
    m = re.match(rb"HTTP/\d\.\d (\d{3})", data)
    if not m:
        return None, data[:200].decode("latin-1"), b"", seconds
    end = data.find(b"\r\n\r\n")
    return int(m.group(1)), data[:end].decode("latin-1"), data[end + 4:], seconds


def error_code(head, body):
    if "json" not in head.lower():
        return None
    text = body
    if "transfer-encoding: chunked" in head.lower():
        # The first chunk holds the start of the answer; enough to find the code.
        text = body.split(b"\r\n", 1)[1] if b"\r\n" in body else body
    m = re.search(rb'"code"\s*:\s*"([A-Z_]+)"', text)
    return m.group(1).decode() if m else None


def documented_codes():
    try:
        with open(os.path.join(ROOT, "docs", "errors.md")) as f:
            return set(re.findall(r"^\| \[`([A-Z_]+)`\]", f.read(), re.M))
    except OSError:
        return set()

# ------------------------------------------------------------------------------------------- setup


def prepare(url, port):
    """An API key, a revoked one, and ids of real jobs and uploads to put in paths."""
    admin = {"Authorization": "Bearer " + ADMIN_KEY}
    keys, key_ids, ids = {}, {}, {"jobs": [], "uploads": [], "admin": []}
    for name in ("api", "revoked", "victim"):
        status, made = request(url + "/api/v1/admin/keys", json.dumps({"name": "fuzz-" + name}).encode(), "application/json", headers=admin)
        if status != 201 and status != 200:
            raise SystemExit(f"could not make an API key ({status}: {made}); is the admin key {ADMIN_KEY!r} set?")
        keys[name], key_ids[name] = made["key"], made["id"]
    request(f"{url}/api/v1/admin/keys/{key_ids['revoked']}", method="DELETE", headers=admin)
    # The admin routes' paths get the revoked key and one to be rotated and revoked; never the key the run uses.
    ids["admin"] = [key_ids["revoked"], key_ids["victim"]]
    for auth in ({}, {"Authorization": "Bearer " + keys["api"]}):
        for name, data in (("seed.txt", b"A seed document.\n"), ("seed.md", b"# Seed\n\ntext\n"), ("empty.pdf", b"%PDF-1.4\n%%EOF\n")):
            boundary = "seedboundary"
            body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
            status, job = request(url + "/api/v1/documents", body, f"multipart/form-data; boundary={boundary}", headers=auth)
            if status == 202:
                ids["jobs"].append(job["job_id"])
        status, up = request(url + "/api/v1/uploads", json.dumps({"file_name": "up.txt", "size": 10}).encode(), "application/json", headers=auth)
        if status == 201:
            ids["uploads"].append(up["upload_id"])
    for job in ids["jobs"]:
        request(f"{url}/api/v1/jobs/{job}?wait=10", timeout=30)
    # Keyed by the route's first segment after /api/v1.
    return keys, ids


def replay(url, path):
    parsed = urllib.parse.urlparse(url)
    with open(path, "rb") as f:
        raw = f.read()
    status, head, body, seconds = send(parsed.port or 80, raw, 30)
    sys.stdout.write(head + "\n\n" + body[:4000].decode("utf-8", "replace") + "\n")
    return 0 if status is not None and status < 500 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dll", help="docstrange.dll to run `serve` from")
    parser.add_argument("--url", help="fuzz a server that is already running (started with --DocStrange:Security:AdminKey=" + ADMIN_KEY + ")")
    parser.add_argument("--full", action="store_true", help="12,000 requests (default: 2,000)")
    parser.add_argument("--count", type=int)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for one answer")
    parser.add_argument("--replay", help="send one saved request (a .http file a run wrote) to --url and print the answer")
    parser.add_argument("--keep", action="store_true")
    args, _ = parser.parse_known_args()
    if args.replay:
        if not args.url:
            raise SystemExit("--replay needs --url")
        return replay(args.url, args.replay)
    if not args.dll and not args.url:
        raise SystemExit("give --dll or --url")
    count = args.count or (12000 if args.full else 2000)
    work = tempfile.mkdtemp(prefix="docstrange-fuzz.")
    server = None
    if args.url:
        url = args.url.rstrip("/")
        pid = None
    else:
        big = "1000000000"
        settings = [
            "--slots", "2",
            f"--DocStrange:Security:AdminKey={ADMIN_KEY}",
            # Limits on, so their code runs, with room for every request of the run.
            "--DocStrange:Limits:Enabled=true",
            *[f"--DocStrange:Tiers:{tier}:{key}={big}" for tier in ("Free", "ApiKey") for key in ("RequestsPerMinute", "DocumentsPerDay", "ConcurrentJobs")],
            "--DocStrange:Tiers:ApiKey:DocumentsPerMonth=" + big,
            "--DocStrange:Webhooks:Secret=fuzz-webhook-secret-0123456789",
            "--DocStrange:Jobs:MaxLongPoll=00:00:02",
            "--DocStrange:Sync:DefaultWait=00:00:02",
            "--DocStrange:Sync:MaxWait=00:00:03",
            "--DocStrange:Jobs:MaxRetries=0",
            # The documents are tiny: converting them in process spares a child's start per job.
            "--DocStrange:Worker:Sandbox:Enabled=false",
            "--DocStrange:FromUrl:ConnectTimeout=00:00:01",
            "--DocStrange:FromUrl:Timeout=00:00:02",
            "--Logging:LogLevel:Default=Warning",
        ]
        server = Server(args.dll, os.path.join(work, "server"), settings)
        url, pid = server.url, server.pid
    try:
        return run(args, count, work, server, url, pid)
    finally:
        if server:
            server.stop()


def run(args, count, work, server, url, pid):
    port = urllib.parse.urlparse(url).port
    status, document = request(url + "/openapi/v1.json")
    if status != 200:
        raise SystemExit(f"GET /openapi/v1.json answered {status}")
    spec = Spec(document)
    keys, ids = prepare(url, port)
    fuzz = Fuzz(spec, args.seed, f"127.0.0.1:{port}", keys, ids)
    codes_ok = documented_codes()
    print(f"fuzzing {url}: {len(spec.operations)} operations from /openapi/v1.json, {count:,} requests, seed {args.seed}", flush=True)

    start_rss = (rss(pid), tree_rss(pid)) if pid else (0, 0)
    statuses = collections.Counter()
    by_route = collections.Counter()
    kinds = collections.Counter()
    no_answer = collections.Counter()
    failures, undocumented, expected_5xx = [], collections.Counter(), collections.Counter()
    lock = threading.Lock()
    repro = os.path.join(work, "repro")
    clock = time.monotonic()
    slowest = (0.0, "")

    def one(n):
        nonlocal slowest
        label, method, template, raw, incomplete = fuzz.make(n)
        status, head, body, seconds = send(port, raw, 2 if incomplete else args.timeout)
        code = error_code(head, body) if status else None
        reason = re.search(rb'"reason"\s*:\s*"([a-z_]+)"', body) if code else None
        with lock:
            kinds[f"{status} {code or ''}{' ' + reason.group(1).decode() if reason else ''}".strip()] += 1
            by_route[f"{method} {template}"] += 1
            if seconds > slowest[0]:
                slowest = (seconds, f"#{n} {method} {template} ({label})")
            if status is None:
                no_answer["incomplete request, given up" if incomplete else "timeout" if seconds >= args.timeout
                          else "closed without an answer"] += 1
                statuses["none"] += 1
                return
            statuses[status] += 1
            if code and codes_ok and code not in codes_ok:
                undocumented[code] += 1
            if status >= 500:
                if (status, code) in EXPECTED_5XX:
                    expected_5xx[f"{status} {code}"] += 1
                    return
                os.makedirs(repro, exist_ok=True)
                path = os.path.join(repro, f"{n:06d}.http")
                with open(path, "wb") as f:
                    f.write(raw)
                failures.append((n, method, template, label, status, code, path, raw))

    with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:
        for i, _ in enumerate(pool.map(one, range(count)), 1):
            if i % 2000 == 0:
                print(f"  {i:,} requests, {time.monotonic() - clock:.0f} s", flush=True)
    elapsed = time.monotonic() - clock

    # Afterwards: healthy, and still converting.
    time.sleep(1)
    healthy = request(url + "/api/v1/health/ready", timeout=10)[0] == 200
    boundary = "afterboundary"
    body = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="after.txt"\r\n\r\nStill converting.\r\n--{boundary}--\r\n'.encode()
    status, job = request(url + "/api/v1/documents", body, f"multipart/form-data; boundary={boundary}")
    converted = False
    if status == 202:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not converted:
            s, j = request(f"{url}/api/v1/jobs/{job['job_id']}?wait=2", timeout=10)
            converted = s == 200 and j["status"] == "completed"
            if s == 200 and j["status"] in ("failed", "cancelled"):
                break
    end_rss = (rss(pid), tree_rss(pid)) if pid else (0, 0)

    print(f"\n{count:,} requests in {elapsed:.1f} s ({count / max(elapsed, 0.001):.0f}/s), {args.threads} connections at a time")
    print("answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
    print("most frequent: " + ", ".join(f"{k}: {v}" for k, v in kinds.most_common(12)))
    if no_answer:
        print("without an answer: " + ", ".join(f"{k}: {v}" for k, v in no_answer.items()))
    if expected_5xx:
        print("5xx that are not faults (see EXPECTED_5XX): " + ", ".join(f"{k}: {v}" for k, v in expected_5xx.items()))
    print(f"routes: {len(by_route)} of {len(spec.operations)} operations hit; fewest {min(by_route.values()) if by_route else 0} requests")
    print(f"slowest answer: {slowest[0]:.2f} s, {slowest[1]}")
    if pid:
        print(f"server RSS: {start_rss[0] / MB:.0f} MB at start, {end_rss[0] / MB:.0f} MB at the end "
              f"(with its children: {start_rss[1] / MB:.0f} -> {end_rss[1] / MB:.0f} MB)")
    problems = []
    for n, method, template, label, status, code, path, raw in failures:
        problems.append(f"#{n} {method} {template}: {status} {code or ''} ({label})\n"
                        f"      request: {raw[:300]!r}{'...' if len(raw) > 300 else ''}\n"
                        f"      replay:  python3 tests/hostile/fuzz.py --replay {path} --url URL   "
                        f"(or regenerate it: request #{n} of --seed {args.seed})")
    for code, k in undocumented.items():
        problems.append(f"{k} answers with the undocumented code {code}")
    if not healthy:
        problems.append("the server is not ready after the run")
    if not converted:
        problems.append("the server did not convert a document after the run")
    if pid and end_rss[0] - start_rss[0] > RSS_GROWTH_LIMIT:
        problems.append(f"the server's RSS grew by {(end_rss[0] - start_rss[0]) / MB:.0f} MB (limit {RSS_GROWTH_LIMIT / MB:.0f})")
    if no_answer.get("timeout"):
        problems.append(f"{no_answer['timeout']} requests had no answer within {args.timeout:.0f} s")
    if server and not server.alive():
        problems.append("the server exited")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        if server:
            print(f"\nlast lines of the server log ({server.log_path}):\n{server.tail(20)}")
        print(f"kept {work}")
        return 1
    print("no answer >= 500 (other than the documented ones above); the server is healthy and converting")
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
