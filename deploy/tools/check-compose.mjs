// Checks deploy/compose/compose.yaml as docker-compose resolved it (`docker-compose config` output on
// standard input): the topology is whole, the DocStrange processes are locked down and read real
// settings, the workers' stop leaves room for their drain, and every mounted file exists.
//   docker-compose -f compose.yaml --env-file .env.example config | node check-compose.mjs [compose.yaml]
import fs from "node:fs";
import { parse } from "yaml";
import { unknownSettings } from "./settings.mjs";

const config = parse(fs.readFileSync(0, "utf8"));
const services = config.services ?? {};
const problems = [];
const fail = (m) => problems.push(`compose: ${m}`);
const seconds = (d) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(d ?? ""));
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
};
const timespan = (t) => { const [h, m, s] = String(t).split(":").map(Number); return h * 3600 + m * 60 + s; };

for (const name of ["postgres", "redis", "minio", "nginx", "api-1", "api-2", "worker-1", "worker-2", "worker-gpu", "migrate", "prometheus", "grafana", "alertmanager"]) {
  if (!services[name]) fail(`no service ${name}`);
}
if (services["worker-gpu"] && !(services["worker-gpu"].profiles ?? []).includes("gpu")) fail("worker-gpu is not in the gpu profile");

const docstrange = Object.entries(services).filter(([, s]) => /docstrange-(api|worker)/.test(s.image ?? ""));
for (const [name, s] of docstrange) {
  const env = s.environment ?? {};
  for (const key of unknownSettings(Object.keys(env))) fail(`${name} sets ${key}, which docs/configuration.md does not list`);
  if (env.DOCSTRANGE__MODE !== "distributed") fail(`${name} is not in the distributed mode`);
  if (s.read_only !== true) fail(`${name} has a writable root file system`);
  if (!(s.tmpfs ?? []).some((t) => String(t).startsWith("/tmp"))) fail(`${name} has no tmpfs on /tmp`);
  if (!(s.cap_drop ?? []).includes("ALL")) fail(`${name} keeps its capabilities`);
  if (name !== "migrate" && !s.healthcheck?.test) fail(`${name} has no health check`);
  if (s.command?.[0] === "worker") {
    const drain = timespan(env.DOCSTRANGE__WORKER__DRAINTIMEOUT ?? "00:00:30");
    // The worker's host stops within the drain + 15 s (DocStrangeWorkerExtensions: ShutdownTimeout).
    if (!(seconds(s.stop_grace_period) >= drain + 15)) fail(`${name}: stop_grace_period ${s.stop_grace_period} is shorter than the drain (${drain} s) + 15 s`);
    if (!s.command.includes("--metrics-port")) fail(`${name} serves no metrics`);
  }
}

// No secret is written into the file: every password or secret it sets comes from a variable (.env).
const raw = fs.readFileSync(process.argv[2] ?? new URL("../compose/compose.yaml", import.meta.url), "utf8");
raw.split("\n").forEach((line, i) => {
  const m = /^\s*[-]?\s*"?([A-Z0-9_]*(PASSWORD|SECRET|ADMINKEY|ACCESSKEY)[A-Z0-9_]*)"?\s*[:=]\s*(.*)$/.exec(line);
  if (m && m[3].trim() && !m[3].includes("${")) fail(`compose.yaml:${i + 1}: ${m[1]} is written into the file, not taken from .env`);
});

// Bind mounts: docker-compose makes the paths absolute; each must exist.
for (const [name, s] of Object.entries(services)) {
  for (const v of s.volumes ?? []) {
    const source = typeof v === "string" ? v.split(":")[0] : v.type === "bind" ? v.source : null;
    if (source?.startsWith("/") && !fs.existsSync(source)) fail(`${name} mounts ${source}, which does not exist`);
  }
}

for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
console.log(`compose: ${Object.keys(services).length} services checked (${docstrange.length} DocStrange processes)`);
