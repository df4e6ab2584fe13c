// A resumable upload through the generated client: the headers the document describes (Upload-Offset
// both ways, Location) carry the protocol; a chunk sent at the wrong offset is a typed 409.
import assert from "node:assert/strict";
import { test } from "node:test";
import { connect, waitFinal } from "./docstrange.js";

const baseUrl = process.env.DOCSTRANGE_URL;
if (!baseUrl) throw new Error("DOCSTRANGE_URL is not set: the server to test");
const client = connect(baseUrl);

const chunkType = { "Content-Type": "application/offset+octet-stream" };
const asIs = (body: Blob): Blob => body;

test("a resumable upload in two chunks becomes a job", async () => {
  const bytes = new TextEncoder().encode("Resumable upload\n\nSent in two chunks, completed into a job.\n");
  const half = Math.floor(bytes.length / 2);

  const created = await client.POST("/api/v1/uploads", { body: { file_name: "chunks.txt", size: bytes.length } });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  const upload = created.data!;
  assert.equal(created.response.headers.get("Location"), upload.links.self);
  assert.equal(created.response.headers.get("Upload-Offset"), "0");

  const first = await client.PATCH("/api/v1/uploads/{id}", {
    params: { path: { id: upload.upload_id }, header: { "Upload-Offset": 0 } },
    headers: chunkType, body: new Blob([bytes.slice(0, half)]), bodySerializer: asIs,
  });
  assert.equal(first.data?.offset, half, JSON.stringify(first.error));

  // The same chunk again is at the wrong offset: 409, and the server's offset in the header.
  const again = await client.PATCH("/api/v1/uploads/{id}", {
    params: { path: { id: upload.upload_id }, header: { "Upload-Offset": 0 } },
    headers: chunkType, body: new Blob([bytes.slice(0, half)]), bodySerializer: asIs,
  });
  assert.equal(again.response.status, 409);
  assert.equal(again.error?.error.code, "INVALID_REQUEST");
  assert.equal(again.error?.error.details["reason"], "offset_mismatch");
  assert.equal(Number(again.response.headers.get("Upload-Offset")), half);

  const offset = await client.HEAD("/api/v1/uploads/{id}", { params: { path: { id: upload.upload_id } } });
  assert.equal(offset.response.status, 200);
  assert.equal(Number(offset.response.headers.get("Upload-Offset")), half);
  assert.equal(Number(offset.response.headers.get("Upload-Length")), bytes.length);

  const second = await client.PATCH("/api/v1/uploads/{id}", {
    params: { path: { id: upload.upload_id }, header: { "Upload-Offset": half } },
    headers: chunkType, body: new Blob([bytes.slice(half)]), bodySerializer: asIs,
  });
  assert.equal(second.data?.offset, bytes.length, JSON.stringify(second.error));

  const completed = await client.POST("/api/v1/uploads/{id}/complete", {
    params: { path: { id: upload.upload_id } },
    body: { output_format: ["text"] },
  });
  assert.equal(completed.response.status, 202, JSON.stringify(completed.error));
  const job = await waitFinal(client, completed.data!.job_id);
  assert.equal(job.status, "completed");
  const { data: result } = await client.GET("/api/v1/jobs/{id}/result", { params: { path: { id: job.job_id } } });
  assert.match(result?.content ?? "", /Sent in two chunks/);
});
