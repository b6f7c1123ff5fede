import { pickLanguage } from '../../i18n/language.ts';
import { Type } from 'typebox';
import { requestOtp, PHONE_PATTERN } from '../../services/auth/request-otp.ts';
import { verifyOtp } from '../../services/auth/verify-otp.ts';
import { loginStaff, type SecondFactorAnswer } from '../../services/auth/login-staff.ts';
import { passkeyLoginOptions } from '../../services/auth/staff-passkey-login.ts';
import { endSession } from '../../services/auth/end-session.ts';
import { AppError, NotSignedIn } from '../../domain/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { errors } from '../schemas/common.ts';
import { OtpSent, ResidentSession, SessionChoice, StaffSession } from '../schemas/auth.ts';
import { PasskeyAssertion, PasskeyLoginOptions } from '../schemas/passkeys.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../plugins/cookie-session.ts';
import type { App } from '../types.ts';

const Username = Type.String({ minLength: 1, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 256 });

const Phone = Type.String({ pattern: PHONE_PATTERN, description: 'mainland mobile number, 11 digits' });

export function authRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/auth/otp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time login code by SMS (demo mode: to the dev outbox)',
        body: Type.Object({ phone: Phone }, { additionalProperties: false }),
        response: { 202: OtpSent, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      await requestOtp(ctx, req.body.phone, req.ip);
      return reply.status(202).send({ expiresInSeconds: ctx.otpTtlSeconds });
    },
  );

  app.post(
    '/auth/otp/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange the code for a resident session',
        body: Type.Object(
          { phone: Phone, code: Type.String({ pattern: '^[0-9]{6}$' }), session: SessionChoice },
          { additionalProperties: false },
        ),
        response: {
          200: ResidentSession,
          ...errors(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const lang = req.headers['accept-language'];
      const s = await verifyOtp(
        ctx,
        req.body.phone,
        req.body.code,
        req.ip,
        lang ? pickLanguage(lang) : undefined,
      );
      if (req.body.session !== 'cookie') return { token: s.token, expiresAt: s.expiresAt.toISOString() };
      setSessionCookie(reply, s.token, (s.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000);
      return { expiresAt: s.expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/staff',
    {
      schema: {
        tags: ['auth'],
        summary: 'Staff login',
        body: Type.Object(
          {
            username: Username,
            password: Password,
            totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
            passkey: Type.Optional(PasskeyAssertion),
            session: SessionChoice,
          },
          { additionalProperties: false },
        ),
        response: {
          200: StaffSession,
          ...errors(400, 401, 403, 429),
        },
      },
    },
    async (req, reply) => {
      const { totp, passkey } = req.body;
      // One second factor a login: two would leave which one decided unclear in the trail.
      if (totp !== undefined && passkey !== undefined)
        throw new AppError('VALIDATION_FAILED', 'totp or passkey, not both', {}, { fields: ['passkey'] });
      const factor: SecondFactorAnswer | undefined =
        totp !== undefined ? { totp } : passkey !== undefined ? { passkey } : undefined;
      const { token, ...s } = await loginStaff(ctx, req.body.username, req.body.password, factor);
      const body = { ...s, expiresAt: s.expiresAt.toISOString() };
      if (req.body.session !== 'cookie') return { ...body, token };
      setSessionCookie(reply, token, (s.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000);
      return body;
    },
  );

  app.post(
    '/auth/staff/passkey-options',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Staff login with a passkey, first step: after the right password, the request options for the account's passkeys (a single-use challenge for this account); answer in POST /auth/staff with `passkey`",
        body: Type.Object({ username: Username, password: Password }, { additionalProperties: false }),
        response: { 200: PasskeyLoginOptions, ...errors(400, 401, 409, 429) },
      },
    },
    async (req) => passkeyLoginOptions(ctx, req.body.username, req.body.password),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End this session: the token (or the page cookie) stops working at once',
        security: [{ bearer: [] }],
        response: { 204: Type.Null(), ...errors(401) },
      },
    },
    async (req, reply) => {
      if (!req.principal) throw new NotSignedIn();
      await endSession(ctx, req.principal, sessionTokenOf(req) ?? '');
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
