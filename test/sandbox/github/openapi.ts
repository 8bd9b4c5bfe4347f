// Validates sandbox answers against GitHub's own OpenAPI description (@octokit/openapi, api.github.com).
// The description is OpenAPI 3.0: `nullable` and `discriminator` are translated to JSON Schema before Ajv sees them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
const ID = 'https://api.github.com/openapi.json';

/** OpenAPI 3.0 → JSON Schema: `nullable: true` admits null; a discriminator mapping picks the schema by property. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const src = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'example' || k === 'examples') continue;
    out[k] = toJsonSchema(v);
  }
  const disc = src.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (disc?.mapping && Array.isArray(out.oneOf)) {
    // Alternatives may overlap (private-user ⊃ public-user): the mapped one must match, any one otherwise.
    const p = disc.propertyName;
    out.allOf = [
      ...((out.allOf as unknown[]) ?? []),
      { anyOf: out.oneOf },
      ...Object.entries(disc.mapping).map(([value, ref]) => ({
        if: { properties: { [p]: { const: value } }, required: [p] },
        then: { $ref: ref },
      })),
    ];
    delete out.oneOf;
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else if (out.anyOf || out.oneOf || out.allOf || out.$ref) {
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export interface OpenApiValidator {
  /** Errors of `body` against the response schema of `method path` with `status`; [] when valid. */
  response(method: string, path: string, status: number, body: unknown): string[];
  /** Errors of `body` against `#/components/schemas/<name>`. */
  component(name: string, body: unknown): string[];
}

export function loadGithubOpenApi(): OpenApiValidator {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Schema; components: { schemas: Schema } };
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  // Formats the description uses that JSON Schema does not define.
  ajv.addFormat('int64', true);
  ajv.addFormat('uri-template', true);
  ajv.addSchema({ $id: ID, paths: toJsonSchema(spec.paths), components: { schemas: toJsonSchema(spec.components.schemas) } });
  const cache = new Map<string, ValidateFunction>();
  const run = (ref: string, body: unknown): string[] => {
    let v = cache.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: ref });
      cache.set(ref, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} (${e.schemaPath})`);
  };
  return {
    response(method, path, status, body) {
      const op = (spec.paths[path] as Schema | undefined)?.[method.toLowerCase()] as Schema | undefined;
      const responses = op?.responses as Schema | undefined;
      if (!responses?.[String(status)]) return [`no ${status} response for ${method} ${path} in the description`];
      const content = (responses[String(status)] as Schema).content as Schema | undefined;
      const type = content && Object.keys(content)[0];
      if (!type) return [];
      return run(`${ID}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', type, 'schema')}`, body);
    },
    component(name, body) {
      return run(`${ID}#/${pointer('components', 'schemas', name)}`, body);
    },
  };
}
