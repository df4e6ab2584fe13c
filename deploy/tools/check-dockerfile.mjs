// Checks deploy/docker/Dockerfile and the .dockerignore beside the build context without building:
// dockerfile-utils' validator (syntax, flags, instruction arguments), then the rules the images rely on.
//   node check-dockerfile.mjs [DOCKERFILE] [DOCKERIGNORE]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, "../docker/Dockerfile");
const ignoreFile = process.argv[3] ?? path.join(here, "../../.dockerignore");
const text = fs.readFileSync(file, "utf8");
const problems = [];
const fail = (line, message) => problems.push(`${path.relative(process.cwd(), file)}:${line}: ${message}`);

for (const d of validate(text)) fail(d.range.start.line + 1, `${d.message} (dockerfile-utils)`);

const dockerfile = DockerfileParser.parse(text);
const lineOf = (instruction) => instruction.getRange().start.line + 1;

// Split into stages: a stage inherits the USER and HEALTHCHECK of the stage it is built FROM.
const stages = [];
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  if (keyword === "FROM") {
    stages.push({ from: instruction, name: instruction.getBuildStage(), instructions: [] });
  } else if (stages.length) {
    stages.at(-1).instructions.push(instruction);
  }
}
if (stages.length === 0) fail(1, "no FROM");
const byName = new Map(stages.filter((s) => s.name).map((s) => [s.name, s]));

// Every base image is pinned: a registry image with a full version tag (or a digest), never latest.
const initialArgs = new Map(dockerfile.getInitialARGs().flatMap((a) => a.getProperties()).map((p) => [p.getName(), p.getValue()]));
const resolve = (image) => image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name) => initialArgs.get(name) ?? "");
for (const stage of stages) {
  const image = resolve(stage.from.getImage() ?? "");
  stage.base = byName.get(image);
  if (stage.base) continue;
  if (!image) { fail(lineOf(stage.from), "FROM names no image"); continue; }
  const digest = image.includes("@sha256:");
  const tag = image.split("/").at(-1).split("@")[0].split(":")[1];
  if (!digest && (!tag || tag === "latest" || !/\d+\.\d+\.\d+/.test(tag))) {
    fail(lineOf(stage.from), `base image ${image} is not pinned to a full version tag or a digest`);
  }
}

const last = (stage, keyword) => {
  for (let s = stage; s; s = s.base) {
    const found = s.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
    if (found) return found;
  }
  return undefined;
};

// The images that run: the stages no other stage builds on or copies from, and the ones named as targets.
const used = new Set(stages.flatMap((s) => [s.base?.name,
  ...s.instructions.filter((i) => i.getKeyword() === "COPY").map((i) => (i.getFlags?.() ?? []).find((f) => f.getName() === "from")?.getValue())]));
const targets = ["api", "worker"];
for (const name of targets) if (!byName.has(name)) fail(1, `no stage named ${name} (a build target)`);
const runtime = stages.filter((s) => targets.includes(s.name) || (s.name && !used.has(s.name) && s !== stages[0]));
for (const stage of runtime) {
  const user = last(stage, "USER");
  const who = user?.getArgumentsContent()?.split(":")[0];
  if (!user) fail(lineOf(stage.from), `stage ${stage.name} runs as root (no USER)`);
  else if (!/^[1-9]\d*$/.test(who ?? "")) fail(lineOf(user), `stage ${stage.name} must run as a numeric non-root user, not ${who}`);
  const check = last(stage, "HEALTHCHECK");
  if (!check || /^\s*NONE\s*$/i.test(check.getArgumentsContent() ?? "")) fail(lineOf(stage.from), `stage ${stage.name} has no HEALTHCHECK`);
  else if (!/\/api\/v1\/health\/(live|ready)|\/metrics/.test(check.getArgumentsContent())) fail(lineOf(check), `the HEALTHCHECK of ${stage.name} asks no health route`);
  if (!last(stage, "ENTRYPOINT") && !last(stage, "CMD")) fail(lineOf(stage.from), `stage ${stage.name} has no command`);
}

// The worker converts scans: Tesseract, its English data and pdftoppm.
const worker = byName.get("worker");
if (worker) {
  const installs = [];
  for (let s = worker; s; s = s.base) installs.push(...s.instructions.filter((i) => i.getKeyword() === "RUN").map((i) => i.getArgumentsContent()));
  for (const pkg of ["tesseract-ocr", "tesseract-ocr-eng", "poppler-utils"]) {
    if (!installs.some((run) => new RegExp(`apt-get install[^&;]*\\s${pkg}(\\s|$)`).test(run))) fail(lineOf(worker.from), `the worker image does not install ${pkg}`);
  }
}

// Package installs stay small and leave no lists behind.
for (const run of dockerfile.getInstructions().filter((i) => i.getKeyword() === "RUN")) {
  const content = run.getArgumentsContent() ?? "";
  if (/apt-get install/.test(content) && !/--no-install-recommends/.test(content)) fail(lineOf(run), "apt-get install without --no-install-recommends");
  if (/apt-get update/.test(content) && !/rm -rf \/var\/lib\/apt\/lists/.test(content)) fail(lineOf(run), "apt-get update without removing /var/lib/apt/lists");
  if (/\bsudo\b/.test(content)) fail(lineOf(run), "sudo in a RUN");
  if (/curl[^|]*\|\s*(ba)?sh/.test(content)) fail(lineOf(run), "a script piped from the network into a shell");
}

// No secret is baked into an image: no ARG or ENV with a secret's name and a value, no ADD from a URL.
const secretName = /(secret|password|passwd|token|access_?key|api_?key|private_?key|connectionstring)/i;
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  if (keyword === "ENV" || keyword === "ARG") {
    for (const p of instruction.getProperties()) {
      if (secretName.test(p.getName()) && (p.getValue() ?? "") !== "") fail(lineOf(instruction), `${keyword} ${p.getName()} puts a secret into the image`);
    }
  }
  if (keyword === "ADD" && /https?:\/\//.test(instruction.getArgumentsContent() ?? "")) fail(lineOf(instruction), "ADD from a URL (unpinned content)");
  if (keyword === "COPY" && /(^|\s)\S*(\.env|\.pem|\.key|id_rsa)(\s|$)/.test(instruction.getArgumentsContent() ?? "")) fail(lineOf(instruction), "COPY of a secret-looking file");
}

// The build context leaves out what must not reach an image (git history, build outputs, local secrets).
const patterns = fs.existsSync(ignoreFile)
  ? fs.readFileSync(ignoreFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
  : (problems.push(`${ignoreFile}: missing`), []);
for (const needed of [".git", "bin", "obj", ".env"]) {
  if (!patterns.some((p) => p.replace(/^\*\*\//, "").replace(/\/$/, "") === needed)) problems.push(`${path.relative(process.cwd(), ignoreFile)}: does not leave out ${needed}`);
}
// Whether .dockerignore leaves a path out: the last pattern matching it or one of its folders decides.
const glob = (p) => new RegExp("^" + p.replace(/\/$/, "").replace(/[.+^${}()|[\]\\]/g, "\\$&")
  .replace(/\*\*\//g, "(.*/)?").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]") + "$");
const ignored = (file) => {
  const parts = file.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let out = false;
  for (const p of patterns) {
    const negated = p.startsWith("!");
    const re = glob(negated ? p.slice(1) : p);
    if (negated ? re.test(file) || candidates.some((c) => re.test(c)) : candidates.some((c) => re.test(c))) out = !negated;
  }
  return out;
};

// Files the projects take from outside src/ (EmbeddedResource Include="../../...") must be in the
// context and copied before the build, or the publish fails.
const root = path.resolve(here, "../..");
const copied = dockerfile.getInstructions().filter((i) => i.getKeyword() === "COPY" && !(i.getFlags?.() ?? []).some((f) => f.getName() === "from"))
  .flatMap((i) => i.getArguments().slice(0, -1).map((a) => a.getValue().replace(/\/$/, "")));
for (const dir of fs.readdirSync(path.join(root, "src"))) {
  const project = path.join(root, "src", dir, `${dir}.csproj`);
  if (!fs.existsSync(project)) continue;
  for (const m of fs.readFileSync(project, "utf8").matchAll(/Include="\.\.[\\/]\.\.[\\/]([^"]+)"/g)) {
    const file = m[1].replace(/\\/g, "/");
    if (file.startsWith("src/")) continue;
    if (ignored(file)) problems.push(`${path.relative(process.cwd(), ignoreFile)}: leaves out ${file}, which src/${dir} embeds`);
    if (!copied.some((c) => file === c || file.startsWith(`${c}/`))) fail(1, `no COPY brings ${file}, which src/${dir} embeds`);
  }
}

for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
console.log(`${path.relative(process.cwd(), file)}: ${stages.length} stages, ${runtime.map((s) => s.name).join(", ")} checked`);
