// Validates the objects a Kustomize overlay renders (`kubectl kustomize DIR` on standard input) against
// the Kubernetes schemas (kubernetes-models, with the KEDA, Argo Rollouts and Prometheus operator models),
// then checks what the schemas cannot: probes on the health routes, the workers' grace period against
// their drain, a ScaledObject per worker pool on the real queue metric, disruption budgets, network
// policies that leave workers only their dependencies, no Secret, the PrometheusRule equal to
// deploy/prometheus/docstrange-alerts.yml, and the log shipper (deploy/logging) reading the rendered pods.
//   kubectl kustomize deploy/k8s/overlays/prod | node check-k8s.mjs NAME
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseAllDocuments, parse } from "yaml";
import { unknownSettings } from "./settings.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const label = process.argv[2] ?? "k8s";
const problems = [];
const fail = (m) => problems.push(`${label}: ${m}`);

const docs = parseAllDocuments(fs.readFileSync(0, "utf8"));
const objects = [];
for (const doc of docs) {
  if (doc.errors.length) { fail(`YAML: ${doc.errors[0].message}`); continue; }
  const o = doc.toJS();
  if (o) objects.push(o);
}
if (objects.length === 0) fail("nothing rendered");

// apiVersion -> the package that holds its models.
const packages = [
  [/^(keda\.sh|eventing\.keda\.sh)\//, "@kubernetes-models/keda"],
  [/^monitoring\.coreos\.com\//, "@kubernetes-models/prometheus-operator"],
  [/^argoproj\.io\//, "@kubernetes-models/argo-rollouts"],
  [/./, "kubernetes-models"],
];
const id = (o) => `${o.kind}/${o.metadata?.name}`;
for (const o of objects) {
  const pkg = packages.find(([re]) => re.test(o.apiVersion ?? ""))[1];
  let Model;
  try {
    Model = (await import(`${pkg}/${o.apiVersion}`))[o.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) { fail(`${id(o)}: no schema for ${o.apiVersion} ${o.kind}`); continue; }
  try {
    new Model(o).validate();
  } catch (e) {
    fail(`${id(o)}: ${e.message}`);
  }
}

const all = (kind) => objects.filter((o) => o.kind === kind);
const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const seconds = (t) => { const [h, m, s] = String(t).split(":").map(Number); return h * 3600 + m * 60 + s; };

if (all("Secret").length) fail(`the render holds a Secret (${all("Secret").map(id).join(", ")}): secrets are made outside the repository`);
const config = find("ConfigMap", "docstrange");
if (!config) fail("no ConfigMap docstrange");
const settings = config?.data ?? {};
for (const key of unknownSettings(Object.keys(settings))) fail(`ConfigMap docstrange sets ${key}, which docs/configuration.md does not list`);
for (const key of Object.keys(settings)) if (/SECRET|PASSWORD|CONNECTIONSTRING|ACCESSKEY|ADMINKEY|REDIS__CONFIGURATION/.test(key)) fail(`ConfigMap docstrange holds ${key}: it belongs in the Secret`);
const drain = seconds(settings.DOCSTRANGE__WORKER__DRAINTIMEOUT ?? "00:00:30");

// Metric names the autoscalers query must be ones the code exports.
const sources = [];
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
  if (e.isDirectory() && !["bin", "obj"].includes(e.name)) walk(path.join(dir, e.name));
  else if (e.name.endsWith(".cs")) sources.push(fs.readFileSync(path.join(dir, e.name), "utf8"));
} };
walk(path.join(root, "src"));
const exported = new Set(sources.flatMap((s) => [...s.matchAll(/"((?:docstrange|http)_[a-z_]+)"/g)].map((m) => m[1])));

const pods = [...all("Deployment"), ...all("Job")];
for (const d of pods) {
  const spec = d.spec.template.spec;
  if (spec.securityContext?.runAsNonRoot !== true) fail(`${id(d)}: the pod does not require a non-root user`);
  for (const c of spec.containers) {
    if (!/:[^/]+$/.test(c.image) || /:latest$/.test(c.image)) fail(`${id(d)}: image ${c.image} has no pinned tag`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(`${id(d)}: ${c.name} lacks cpu/memory requests or a memory limit`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) fail(`${id(d)}: ${c.name} has a writable root file system`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) fail(`${id(d)}: ${c.name} allows privilege escalation`);
    if (!(c.envFrom ?? []).some((e) => e.configMapRef?.name === "docstrange") || !(c.envFrom ?? []).some((e) => e.secretRef?.name === "docstrange")) fail(`${id(d)}: ${c.name} does not read the docstrange ConfigMap and Secret`);
  }
}

const deployments = all("Deployment");
const role = (d) => d.spec.template.metadata.labels["app.kubernetes.io/component"];
const api = deployments.filter((d) => role(d) === "api");
const workers = deployments.filter((d) => role(d) === "worker");
if (api.length !== 1) fail(`expected one api Deployment, found ${api.length}`);
for (const d of api) {
  const c = d.spec.template.spec.containers[0];
  if (c.readinessProbe?.httpGet?.path !== "/api/v1/health/ready") fail(`${id(d)}: readiness is not on /api/v1/health/ready`);
  if (c.livenessProbe?.httpGet?.path !== "/api/v1/health/live") fail(`${id(d)}: liveness is not on /api/v1/health/live`);
  // The autoscaler scales the Deployment, or the Rollout that took over its pods.
  const owner = all("Rollout").find((r) => r.spec.workloadRef?.kind === "Deployment" && r.spec.workloadRef.name === d.metadata.name);
  const hpa = all("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === (owner ? "Rollout" : "Deployment") && h.spec.scaleTargetRef.name === (owner ?? d).metadata.name);
  if (!hpa) fail(`${id(d)}: no HorizontalPodAutoscaler`);
  else {
    if (!hpa.spec.metrics.some((m) => m.resource?.name === "cpu")) fail(`${id(hpa)}: does not scale on CPU`);
    if (!hpa.spec.metrics.some((m) => m.type === "Pods")) fail(`${id(hpa)}: does not scale on requests per second`);
    if (!(hpa.spec.minReplicas >= 1)) fail(`${id(hpa)}: minReplicas below 1`);
  }
}
const pools = new Set();
for (const d of workers) {
  const spec = d.spec.template.spec;
  const c = spec.containers[0];
  const pool = c.args[c.args.indexOf("--pool") + 1];
  pools.add(pool);
  if (d.spec.template.metadata.labels["docstrange.io/pool"] !== pool) fail(`${id(d)}: the pool label is not ${pool}`);
  if (!c.livenessProbe?.httpGet || !c.readinessProbe?.httpGet) fail(`${id(d)}: no HTTP liveness and readiness probes`);
  const metricsPort = c.args[c.args.indexOf("--metrics-port") + 1];
  if (!c.args.includes("--metrics-port") || !c.ports?.some((p) => String(p.containerPort) === metricsPort)) fail(`${id(d)}: its metrics port is not declared`);
  const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
  // SIGTERM comes after the preStop hook; the host then stops within the drain + 15 s.
  if (!(spec.terminationGracePeriodSeconds >= preStop + drain + 15)) fail(`${id(d)}: terminationGracePeriodSeconds ${spec.terminationGracePeriodSeconds} is shorter than preStop ${preStop} s + drain ${drain} s + 15 s`);
  if (d.spec.replicas !== undefined) fail(`${id(d)}: sets replicas, which its ScaledObject owns`);
  const scaled = all("ScaledObject").find((s) => s.spec.scaleTargetRef.name === d.metadata.name);
  if (!scaled) { fail(`${id(d)}: no KEDA ScaledObject`); continue; }
  const queries = scaled.spec.triggers.filter((t) => t.type === "prometheus").map((t) => t.metadata.query);
  if (!queries.some((q) => q.includes(`docstrange_queue_depth{pool="${pool}"`))) fail(`${id(scaled)}: no trigger on docstrange_queue_depth of pool ${pool}`);
  for (const q of queries) for (const m of q.match(/docstrange_[a-z_]+/g) ?? []) if (!exported.has(m)) fail(`${id(scaled)}: queries ${m}, which the code does not export`);
  if (pool === "gpu" && scaled.spec.minReplicaCount !== 0) fail(`${id(scaled)}: the gpu pool does not scale to zero`);
  if (pool === "cpu" && !(scaled.spec.minReplicaCount >= 1)) fail(`${id(scaled)}: the cpu pool may scale to zero (its workers lead maintenance)`);
}
for (const pool of ["cpu", "gpu"]) if (!pools.has(pool)) fail(`no worker Deployment for the ${pool} pool`);

for (const d of deployments) {
  const labels = d.spec.template.metadata.labels;
  if (!all("PodDisruptionBudget").some((p) => matches(p.spec.selector.matchLabels, labels))) fail(`${id(d)}: no PodDisruptionBudget`);
  if (!matches(d.spec.selector.matchLabels, labels)) fail(`${id(d)}: its selector does not match its pods`);
}

// Network policies: a default deny, and workers' egress only to PostgreSQL, Redis, S3 and DNS.
const policies = all("NetworkPolicy");
for (const d of [...workers, ...api]) {
  const labels = d.spec.template.metadata.labels;
  const applying = policies.filter((p) => matches(p.spec.podSelector.matchLabels, labels));
  if (!applying.some((p) => p.spec.policyTypes.includes("Egress")) || !applying.some((p) => p.spec.policyTypes.includes("Ingress"))) fail(`${id(d)}: no network policy limits its ingress and egress`);
  if (role(d) !== "worker") continue;
  const allowed = new Set([5432, 6379, 9000, 443, 53]);
  for (const p of applying) for (const rule of p.spec.egress ?? []) {
    if (!rule.ports?.length) fail(`${id(p)}: lets ${id(d)} reach any port`);
    for (const port of rule.ports ?? []) if (!allowed.has(port.port)) fail(`${id(p)}: lets ${id(d)} reach port ${port.port}, not a dependency`);
  }
}

// A canary: steps, an analysis that reads metrics the code exports, services and ingress that exist.
for (const r of all("Rollout")) {
  const canary = r.spec.strategy?.canary;
  if (!r.spec.workloadRef || !find("Deployment", r.spec.workloadRef.name)) fail(`${id(r)}: its workloadRef names no Deployment of the render`);
  if (!canary?.steps?.some((s) => s.setWeight)) { fail(`${id(r)}: not a canary with weighted steps`); continue; }
  for (const name of [canary.stableService, canary.canaryService]) if (!find("Service", name)) fail(`${id(r)}: no Service ${name}`);
  const ingress = canary.trafficRouting?.nginx?.stableIngress;
  if (ingress && !find("Ingress", ingress)) fail(`${id(r)}: no Ingress ${ingress}`);
  const templates = (canary.analysis?.templates ?? []).map((t) => find("AnalysisTemplate", t.templateName));
  if (!templates.length || templates.some((t) => !t)) fail(`${id(r)}: its analysis names no AnalysisTemplate of the render`);
  for (const t of templates.filter(Boolean)) {
    const queries = t.spec.metrics.map((m) => m.provider?.prometheus?.query ?? "");
    if (!queries.some((q) => /status=~"5\.\."/.test(q))) fail(`${id(t)}: no 5xx-rate metric`);
    if (!queries.some((q) => /histogram_quantile\(0\.95/.test(q))) fail(`${id(t)}: no p95-latency metric`);
    for (const q of queries) for (const m of q.match(/\b(docstrange_[a-z_]+|http_[a-z_]+?)(?=_bucket\b|\{|\[|\b)/g) ?? []) if (!exported.has(m)) fail(`${id(t)}: queries ${m}, which the code does not export`);
    if (t.spec.metrics.some((m) => !m.successCondition || !(m.failureLimit >= 0))) fail(`${id(t)}: a metric without successCondition and failureLimit`);
  }
}

for (const name of ["docstrange-migrate"]) {
  const job = find("Job", name);
  if (!job) fail(`no Job ${name}`);
  else if (job.spec.template.spec.containers[0].args?.[0] !== "migrate") fail(`${id(job)}: does not run docstrange migrate`);
}
if (!all("Ingress").length) fail("no Ingress");
const services = all("Service");
for (const component of ["api", "worker"]) {
  const monitor = all("ServiceMonitor").find((m) => m.spec.selector.matchLabels["app.kubernetes.io/component"] === component);
  if (!monitor) { fail(`no ServiceMonitor for the ${component} pods`); continue; }
  const service = services.find((s) => matches(monitor.spec.selector.matchLabels, s.metadata.labels));
  if (!service) fail(`${id(monitor)}: selects no Service`);
  else for (const e of monitor.spec.endpoints) if (!service.spec.ports.some((p) => p.name === e.port)) fail(`${id(monitor)}: ${id(service)} has no port ${e.port}`);
}
const rule = all("PrometheusRule")[0];
const shipped = parse(fs.readFileSync(path.join(root, "deploy/prometheus/docstrange-alerts.yml"), "utf8"));
if (!rule) fail("no PrometheusRule");
else if (!isDeepStrictEqual(rule.spec.groups, shipped.groups)) fail(`${id(rule)}: differs from deploy/prometheus/docstrange-alerts.yml`);

// The log-shipping example reads the pods of this render, and keeps ids out of Loki's labels.
const vector = parse(fs.readFileSync(path.join(root, "deploy/logging/vector-values.yaml"), "utf8"))?.customConfig;
const podSelector = Object.fromEntries(String(vector?.sources?.docstrange?.extra_label_selector ?? "")
  .split(",").filter(Boolean).map((pair) => pair.split("=").map((s) => s.trim())));
if (!Object.keys(podSelector).length) fail("deploy/logging/vector-values.yaml: its source selects no pods by label");
for (const w of [...all("Deployment"), ...all("Job")]) {
  if (!matches(podSelector, w.spec.template.metadata?.labels)) fail(`deploy/logging/vector-values.yaml: its label selector misses the pods of ${id(w)}`);
}
for (const name of Object.keys(vector?.sinks?.loki?.labels ?? {})) {
  if (/_id$/.test(name)) fail(`deploy/logging/vector-values.yaml: ${name} as a Loki label would make a stream of each id`);
}

for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
console.log(`${label}: ${objects.length} objects valid (${[...new Set(objects.map((o) => o.kind))].join(", ")})`);
