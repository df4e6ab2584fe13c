// The generated client end to end against a started server (DOCSTRANGE_URL): submit, wait, result,
// download, typed errors and the job events stream. Compiled under strict tsc first, so a route,
// parameter or member the document does not describe fails the build, not only the run.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { connect, formData, jobEvents, waitFinal, type ErrorCode, type Job, type Problem } from "./docstrange.js";

const baseUrl = process.env.DOCSTRANGE_URL;
if (!baseUrl) throw new Error("DOCSTRANGE_URL is not set: the server to test");
const client = connect(baseUrl);

function textFile(name: string, text: string): File {
  return new File([text], name, { type: "text/plain" });
}

async function submit(file: File, output_format: ("markdown" | "json" | "html" | "csv" | "text")[] = ["markdown"]): Promise<Job["job_id"]> {
  const { data, error, response } = await client.POST("/api/v1/documents", {
    body: { file, output_format },
    bodySerializer: formData,
  });
  assert.equal(error, undefined, `the submission was refused: ${JSON.stringify(error)}`);
  assert.equal(response.status, 202);
  return data!.job_id;
}

test("submit, wait, result and download through the generated client", async () => {
  const idempotencyKey = randomUUID();
  const file = textFile("report.txt", "Quarterly report\n\nThe contract holds from TypeScript too.\n");
  const { data: accepted, error, response } = await client.POST("/api/v1/documents", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { file, output_format: ["markdown", "json"], ocr: "never", priority: "express" },
    bodySerializer: formData,
  });
  assert.equal(error, undefined);
  assert.ok(accepted);
  assert.equal(response.status, 202);
  assert.match(accepted.job_id, /^job_[a-z2-7]{26}$/);
  assert.equal(response.headers.get("Location"), accepted.links.self);
  assert.match(response.headers.get("X-Request-ID") ?? "", /^req_/);

  const job = await waitFinal(client, accepted.job_id);
  assert.equal(job.status, "completed", JSON.stringify(job.error));
  assert.deepEqual(job.formats, ["markdown", "json"]);
  assert.equal(job.progress.percent, 100);
  assert.equal(typeof job.attempts, "number");
  assert.ok(!Number.isNaN(Date.parse(job.created_at)), "created_at is a date-time");

  const { data: result } = await client.GET("/api/v1/jobs/{id}/result", { params: { path: { id: job.job_id }, query: { format: "json" } } });
  assert.ok(result);
  assert.equal(result.format, "json");
  assert.equal(result.metadata.file_name, "report.txt");
  assert.match(result.content, /The contract holds from TypeScript too/);
  assert.equal(typeof JSON.parse(result.content), "object");

  const download = await client.GET("/api/v1/jobs/{id}/download", { params: { path: { id: job.job_id } }, parseAs: "text" });
  assert.equal(download.response.status, 200);
  assert.equal(download.response.headers.get("Content-Type")?.split(";")[0], "text/markdown");
  assert.match(download.response.headers.get("Content-Disposition") ?? "", /attachment; filename="?report\.txt\.md"?/);
  assert.match(download.data ?? "", /The contract holds from TypeScript too/);

  // The same submission under the same key is the same job.
  const { data: replayed } = await client.POST("/api/v1/documents", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { file, output_format: ["markdown", "json"], ocr: "never", priority: "express" },
    bodySerializer: formData,
  });
  assert.equal(replayed?.job_id, accepted.job_id);
});

test("errors come back typed, with their documented codes", async () => {
  const codeOf = (problem: Problem | undefined): ErrorCode | undefined => problem?.error.code;

  const missing = await client.GET("/api/v1/jobs/{id}", { params: { path: { id: `job_${"a".repeat(26)}` } } });
  assert.equal(missing.response.status, 404);
  assert.equal(codeOf(missing.error), "JOB_NOT_FOUND");
  assert.equal(missing.response.headers.get("Content-Type")?.split(";")[0], "application/problem+json");
  assert.equal(missing.error?.status, 404);
  assert.equal(missing.error?.request_id, missing.response.headers.get("X-Request-ID"));

  const empty = await client.POST("/api/v1/documents", { body: { file: textFile("empty.txt", "") }, bodySerializer: formData });
  assert.equal(empty.response.status, 400);
  assert.equal(codeOf(empty.error), "FILE_EMPTY");

  const badLimit = await client.GET("/api/v1/jobs", { params: { query: { limit: 0 } } });
  assert.equal(badLimit.response.status, 400);
  assert.equal(codeOf(badLimit.error), "INVALID_REQUEST");
  assert.equal(badLimit.error?.error.details["field"], "limit");

  const wrongType = await client.POST("/api/v1/documents", { body: { file: textFile("tool.exe", "MZ") }, bodySerializer: formData });
  assert.equal(wrongType.response.status, 415);
  assert.equal(codeOf(wrongType.error), "INVALID_FILE_TYPE");

  // A job that is still pending has no result yet: 409 RESULT_NOT_READY, or the result once it is done.
  const id = await submit(textFile("later.txt", "soon"));
  const early = await client.GET("/api/v1/jobs/{id}/result", { params: { path: { id } } });
  if (early.error) assert.equal(codeOf(early.error), "RESULT_NOT_READY");
  else assert.equal(early.data?.job_id, id);
});

test("the events stream sends the job itself, up to its final status", async () => {
  const id = await submit(textFile("events.txt", "Server-sent events\n\nEach one is the job."));
  const events: Job[] = [];
  for await (const event of jobEvents(client, id)) {
    assert.equal(event.event, "job");
    assert.ok(event.id, "each event has the job's version as its id");
    events.push(event.job);
  }
  assert.ok(events.length >= 1);
  for (const job of events) {
    assert.equal(job.job_id, id);
    assert.equal(typeof job.progress.percent, "number");
    assert.equal(typeof job.progress.stage, "string");
    assert.ok(Array.isArray(job.formats));
  }
  const last = events.at(-1)!;
  assert.equal(last.status, "completed");
  const percents = events.map(job => job.progress.percent);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), `progress went backwards: ${percents.join(" → ")}`);
});

test("/system and /health say which OCR engines read and where PaddleOCR runs", async () => {
  const { data: system, error } = await client.GET("/api/v1/system");
  assert.equal(error, undefined);
  const { data: health } = await client.GET("/api/v1/health");
  for (const engines of [system!.ocr_engines, health!.components.ocr_engines]) {
    const tesseract = engines.find((e) => e.name === "tesseract");
    const paddle = engines.find((e) => e.name === "paddle");
    assert.equal(tesseract?.available, true);
    assert.equal(tesseract?.execution_provider, null);
    assert.ok(paddle, "paddle is listed");
    // Where PaddleOCR reads it names its provider; where it does not, why.
    if (paddle.available) assert.ok(paddle.execution_provider === "cpu" || paddle.execution_provider === "cuda");
    else assert.ok(paddle.reason);
  }
});
