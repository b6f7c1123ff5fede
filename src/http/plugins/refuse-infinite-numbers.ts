// A path or query value such as "1e309" is a number too large for a double: Ajv's type coercion
// turns it into Infinity and then lets it through `integer`, `minimum` and `maximum` (ajv 8.20,
// coerceTypes with allErrors off), so a handler received Infinity and the database query failed
// with a 500 (found by test/fuzz-routes.property.test.ts). Refused at the edge, naming the field,
// wherever the route's schema declares a number.
import type { TSchema } from 'typebox';
import { FieldError } from '../../domain/validation-problem.ts';
import type { App } from '../types.ts';

function numericFields(schema: unknown): Set<string> {
  const properties = (schema as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
  return new Set(
    Object.entries(properties)
      .filter(([, s]) => {
        const type = (s as { type?: unknown }).type;
        return type === 'integer' || type === 'number';
      })
      .map(([name]) => name),
  );
}

const notFinite = (value: unknown): boolean =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  !Number.isNaN(Number(value)) &&
  !Number.isFinite(Number(value));

export function refuseInfiniteNumbers(app: App): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const schema = req.routeOptions.schema;
    if (!schema) return done();
    for (const [values, declared] of [
      [req.params, schema.params],
      [req.query, schema.querystring],
    ] as const) {
      if (!declared || values === null || typeof values !== 'object') continue;
      for (const name of numericFields(declared)) {
        const value = (values as Record<string, unknown>)[name];
        if ([value].flat().some(notFinite)) return done(new FieldError({ field: name, keyword: 'invalid' }));
      }
    }
    done();
  });
}
