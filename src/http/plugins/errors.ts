// One error shape for every failure: {"error":{"code","message","field"?,"details"?}} with the status from the
// code table and the message in the caller's language. Unexpected errors become INTERNAL with no
// detail (the log has it, without personal data); bad input never reaches a 5xx.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotSignedIn, type ErrorCode } from '../../domain/errors.ts';
import { FieldError } from '../../domain/validation-problem.ts';
import { databaseUnavailable } from '../../db/errors.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { describeProblem } from '../../i18n/validation-messages.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { errorStatus } from '../error-status.ts';
import { refuseNulCharacters } from './refuse-nul.ts';
import { refuseInfiniteNumbers } from './refuse-infinite-numbers.ts';
import { headersFor } from './security-headers.ts';
import { validationProblem } from './validation-problem.ts';
import type { App } from '../types.ts';

function fromFastify(e: FastifyError): AppError | undefined {
  if (e.validation) return new FieldError(validationProblem(e.validation, e.validationContext));
  const byFastifyCode: Partial<Record<string, ErrorCode>> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VALIDATION_FAILED',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
    FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
    FST_ERR_BAD_URL: 'VALIDATION_FAILED',
    // A path segment longer than the router's 100 characters: no route of ours takes one (fuzzing).
    FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
  };
  const code = byFastifyCode[e.code];
  if (code)
    return new AppError(code, e.message, {
      detail: detailOf[e.code] ?? 'body',
    });
  if (e instanceof SyntaxError || (e.statusCode === 400 && !e.code.startsWith('FST_ERR_'))) {
    return new AppError('VALIDATION_FAILED', e.message, { detail: 'body' });
  }
  if (e.statusCode === 429) return new AppError('RATE_LIMITED');
  // The file server behind /docs/static refuses a path it will not serve (a traversal, a path
  // `send` finds malicious) with 403: to the caller that is a file that is not there.
  if (e.statusCode === 403 || e.statusCode === 404) return new AppError('NOT_FOUND');
  return undefined;
}

const detailOf: Partial<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content-type',
  FST_ERR_BAD_URL: 'url',
  FST_ERR_MAX_PARAM_LENGTH: 'url',
};

/** Worked out only when an error is answered: most requests never need it. */
const languageOf = (req: FastifyRequest) => pickLanguage(req.headers['accept-language']);

function answerError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  let appError =
    err instanceof AppError ? err : (fromFastify(err as FastifyError) ?? databaseUnavailable(err));
  // A route needed a session and the token was refused for a reason: say which.
  if (appError instanceof NotSignedIn && req.authRefusal) appError = new AppError(req.authRefusal);
  if (!appError) {
    req.log.error({ err }, 'unexpected error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: errorMessage('INTERNAL', languageOf(req)) } });
  }
  const status = errorStatus[appError.code];
  const lang = languageOf(req);
  // A refused field is named, and what is wrong with it said in the reader's language.
  const problem = appError instanceof FieldError ? appError.problem : undefined;
  const params = problem ? { ...appError.params, detail: describeProblem(problem, lang) } : appError.params;
  const body: { error: { code: ErrorCode; message: string; field?: string; details?: unknown } } = {
    error: { code: appError.code, message: errorMessage(appError.code, lang, params) },
  };
  if (problem) body.error.field = problem.field;
  if (appError.details !== undefined) body.error.details = appError.details;
  if (appError.params.retryAfter !== undefined) {
    void reply.header('retry-after', String(appError.params.retryAfter));
  }
  return reply.status(status).send(body);
}

/**
 * Fastify's `frameworkErrors` option: a URL that is not valid percent-encoding (`%c0%ae`, `%ff`)
 * is refused before routing, so no hook runs; answer it in our shape and with our headers too.
 */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
  void answerError(err, req, reply.headers(headersFor(req.url)));
};

export function registerErrorHandling(app: App): void {
  // Part of the promise above: input the database cannot store is bad input, not a 500.
  refuseNulCharacters(app);
  refuseInfiniteNumbers(app);

  app.setErrorHandler(answerError);

  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', languageOf(req)) } }),
  );
}
