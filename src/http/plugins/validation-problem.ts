// Reads the schema validator's (Ajv's) errors for one request as one ValidationProblem: the field
// as a path a person can find in their request, and the keyword that failed. Ajv's English
// messages are dropped; src/i18n/validation-messages.ts words the problem.
import type { FastifySchemaValidationError } from 'fastify';
import type { ValidationProblem } from '../../domain/validation-problem.ts';

/** `/materials/0/kind` → `materials[0].kind`; the empty path is the part itself (`body`). */
export function fieldPath(pointer: string, context: string, child?: unknown): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof child === 'string') parts.push(child);
  if (parts.length === 0) return context;
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** With Ajv's `verbose` (app.ts), each error also carries the data and the schema it judged. */
type AjvError = FastifySchemaValidationError & {
  params: Record<string, unknown>;
  schemaPath: string;
  data?: unknown;
  parentSchema?: { anyOf?: unknown[]; oneOf?: unknown[] };
};

/** The property whose constant tells a union of objects apart, with each branch's value. */
function discriminator(branches: unknown[]): { property: string; values: string[] } | undefined {
  const first = (branches[0] as { properties?: Record<string, { const?: unknown }> } | undefined)?.properties;
  for (const property of Object.keys(first ?? {})) {
    const values = branches.map(
      (b) => (b as { properties?: Record<string, { const?: unknown }> }).properties?.[property]?.const,
    );
    if (values.every((v) => typeof v === 'string')) return { property, values: values };
  }
  return undefined;
}

const limited = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);

function fromOne(e: AjvError, context: string): ValidationProblem {
  const field = fieldPath(e.instancePath, context);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { field: fieldPath(e.instancePath, context, p.missingProperty), keyword: 'required' };
    case 'additionalProperties':
      return {
        field: fieldPath(e.instancePath, context, p.additionalProperty),
        keyword: 'additionalProperties',
      };
    case 'type':
      return { field, keyword: 'type', types: String(p.type).split(',') };
    case 'format':
      return { field, keyword: 'format', format: String(p.format) };
    case 'const':
      return { field, keyword: 'oneOf', values: [String(p.allowedValue)] };
    case 'enum':
      return { field, keyword: 'oneOf', values: (p.allowedValues as unknown[]).map(String) };
    case 'pattern':
      return { field, keyword: 'pattern' };
    default:
      if (limited.has(e.keyword) && typeof p.limit === 'number') {
        return { field, keyword: e.keyword as 'minLength', limit: p.limit };
      }
      return { field, keyword: 'invalid' };
  }
}

/**
 * A union (TypeBox `Union`, Ajv `anyOf`) fails with one error per branch and then its own. When
 * the branches differ by a constant (`decision`: approve | reject | …), the problem is "must be one
 * of" those constants at that field; otherwise the most specific branch error speaks.
 */
function fromUnion(errors: AjvError[], union: AjvError, context: string): ValidationProblem {
  const schemas = union.parentSchema?.anyOf ?? union.parentSchema?.oneOf ?? [];
  const tag = discriminator(schemas);
  if (tag) {
    const given = (union.data as Record<string, unknown> | null | undefined)?.[tag.property];
    const k = tag.values.indexOf(String(given));
    // The branch the caller chose speaks; with no branch chosen, the choice itself is wrong.
    const chosen = errors.find((e) => k >= 0 && e.schemaPath.startsWith(`${union.schemaPath}/${k}/`));
    if (chosen) return fromOne(chosen, context);
    return {
      field: fieldPath(union.instancePath, context, tag.property),
      keyword: 'oneOf',
      values: tag.values,
    };
  }
  const branches = errors.filter((e) => e !== union && e.instancePath.startsWith(union.instancePath));
  const constants = branches.filter((e) => e.keyword === 'const' || e.keyword === 'enum');
  const at = constants[0]?.instancePath;
  if (at !== undefined && constants.every((e) => e.instancePath === at)) {
    const values = constants.flatMap((e) =>
      e.keyword === 'const'
        ? [String(e.params.allowedValue)]
        : (e.params.allowedValues as unknown[]).map(String),
    );
    return { field: fieldPath(at, context), keyword: 'oneOf', values: [...new Set(values)] };
  }
  const specific = branches
    .filter((e) => e.keyword !== 'type')
    .sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (specific) return fromOne(specific, context);
  const types = branches.flatMap((e) => (e.keyword === 'type' ? String(e.params.type).split(',') : []));
  if (types.length > 0) return { field: fieldPath(union.instancePath, context), keyword: 'type', types };
  return { field: fieldPath(union.instancePath, context), keyword: 'invalid' };
}

export function validationProblem(
  errors: readonly FastifySchemaValidationError[],
  context: string | undefined,
): ValidationProblem {
  const all = errors as AjvError[];
  const where = context ?? 'body';
  const union = all.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (union) return fromUnion(all, union, where);
  const first = all[0];
  return first ? fromOne(first, where) : { field: where, keyword: 'invalid' };
}
