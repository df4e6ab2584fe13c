// Generates TypeScript types from the OpenAPI document a running server serves:
//   node generate.mjs URL OUT   (URL: the document, e.g. http://127.0.0.1:8080/openapi/v1.json)
// A binary part (format: binary: the uploaded file) is typed Blob, which FormData takes, instead of string.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node generate.mjs URL OUT");
  process.exit(2);
}
const blob = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const ast = await openapiTS(new URL(url), {
  transform(schema) {
    if (schema.format === "binary") return blob;
    return undefined;
  },
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, astToString(ast));
console.log(`wrote ${out}`);
