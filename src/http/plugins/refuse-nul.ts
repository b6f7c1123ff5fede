// PostgreSQL text cannot hold U+0000 (SQLSTATE 22021): a NUL in a username, a reason or a query
// parameter would make the query fail with a 500. No name, address, reason or code has one, so a
// request carrying one is refused at the edge as bad input, before any handler runs. So is text
// with a lone UTF-16 surrogate: stored, it would silently become U+FFFD, altering what was said.
import { FieldError } from '../../domain/validation-problem.ts';
import { fieldPath } from './validation-problem.ts';
import type { App } from '../types.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** Where the first NUL character or lone surrogate is (a key or a string value), if any; iterative, so deep nesting is safe. */
export function findNul(root: unknown, rootPath: string): string | undefined {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (unstorable(value)) return path;
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      // (a raw body parsed as bytes is not text: it is not walked byte by byte)
      for (const [key, child] of Object.entries(value)) {
        if (unstorable(key)) return path;
        stack.push([child, `${path}/${key}`]);
      }
    }
  }
  return undefined;
}

export function refuseNulCharacters(app: App): void {
  app.addHook('preValidation', (req, _reply, done) => {
    // A route that stores nothing of its input may take any string (POST /verify must answer
    // every string with a verdict, NUL included).
    if ((req.routeOptions.config as { acceptsAnyString?: boolean } | undefined)?.acceptsAnyString)
      return done();
    const where =
      findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (where === undefined) return done();
    const [context = 'body', ...rest] = where.split('/');
    done(
      new FieldError({ field: fieldPath(rest.map((p) => `/${p}`).join(''), context), keyword: 'unstorable' }),
    );
  });
}
