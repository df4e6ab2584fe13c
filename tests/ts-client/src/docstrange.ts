// A small client of the DocStrange API over the types generated from its OpenAPI document
// (generated/docstrange.ts): openapi-fetch gives typed routes, parameters, bodies and errors; this
// adds what a document cannot generate: a multipart body, and the job events of the SSE route.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../generated/docstrange.js";

export type DocStrange = Client<paths>;
export type Job = components["schemas"]["JobView"];
export type JobStatus = components["schemas"]["JobState"];
export type Problem = components["schemas"]["ApiProblem"];
export type ErrorCode = components["schemas"]["ApiError"]["code"];
export type OutputFormat = components["schemas"]["OutputFormat"];
export type UploadForm = components["schemas"]["DocumentUploadForm"];

const finalStatuses: ReadonlySet<JobStatus> = new Set<JobStatus>(["completed", "failed", "cancelled"]);

export function connect(baseUrl: string): DocStrange {
  return createClient<paths>({ baseUrl });
}

export function isFinal(status: JobStatus): boolean {
  return finalStatuses.has(status);
}

/** The form as multipart parts: a list is one part per member (the server reads a repeated field as a list); null and undefined are left out. */
export function formData(form: UploadForm): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(form)) {
    if (value === null || value === undefined) continue;
    if (value instanceof Blob) data.append(name, value, value instanceof File ? value.name : name);
    else if (Array.isArray(value)) for (const member of value) data.append(name, String(member));
    else data.append(name, String(value));
  }
  return data;
}

/** Long-polls the job until it is final, one request per change. */
export async function waitFinal(client: DocStrange, id: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { data, error } = await client.GET("/api/v1/jobs/{id}", { params: { path: { id }, query: { wait: 10 } } });
    if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
    if (isFinal(data.status)) return data;
  }
  throw new Error(`job ${id} was not final within ${timeoutMs} ms`);
}

/** One server-sent event of the events route: the `job` event carries the job itself. */
export interface JobEvent {
  event: string;
  id: string | undefined;
  job: Job;
}

/** The job's events as the stream sends them, until the server ends the stream (after a final status). */
export async function* jobEvents(client: DocStrange, id: string): AsyncGenerator<JobEvent> {
  const { data, error, response } = await client.GET("/api/v1/jobs/{id}/events", { params: { path: { id } }, parseAs: "stream" });
  if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
  if (!data) throw new Error(`the events route answered ${response.status} without a body`);
  const reader = data.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value.replaceAll("\r\n", "\n");
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = parseEvent(block);
      if (event) yield event;
    }
  }
}

function parseEvent(block: string): JobEvent | undefined {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    if (colon === 0) continue; // a comment
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return undefined;
  // The document types the stream's data as the job (JobView): JSON.parse can only be told so.
  return { event, id, job: JSON.parse(data.join("\n")) as Job };
}
