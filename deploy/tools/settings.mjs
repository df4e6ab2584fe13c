// The DocStrange settings a deployment file sets must be real ones: every DOCSTRANGE__* variable
// must be one that docs/configuration.md lists (an index such as __0, __1 stands for any).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const documented = new Set(
  [...fs.readFileSync(path.join(root, "docs/configuration.md"), "utf8").matchAll(/DOCSTRANGE__[A-Z0-9_]+/g)]
    .map((m) => m[0].replace(/__\d+$/, "__0").replace(/_+$/, "")),
);

/** The names among `names` that docs/configuration.md does not list. */
export function unknownSettings(names) {
  return [...new Set(names)].filter((n) => n.startsWith("DOCSTRANGE__") && !documented.has(n.replace(/__\d+$/, "__0")));
}
