// Login answers, shared by the routes and the web pages (which import the types with Static<>).
import { Type } from 'typebox';

// The web pages ask for their session as an HttpOnly cookie; the token is then not in the body.
export const SessionChoice = Type.Optional(
  Type.Literal('cookie', {
    description: 'the web pages: the session goes to an HttpOnly cookie and `token` is left out',
  }),
);
const Token = Type.Optional(Type.String({ description: 'absent when session is "cookie"' }));
const ExpiresAt = Type.String({ format: 'date-time' });

export const ResidentSession = Type.Object({ token: Token, expiresAt: ExpiresAt });

export const StaffSession = Type.Object({
  token: Token,
  expiresAt: ExpiresAt,
  role: Type.String(),
  stationId: Type.Union([Type.String(), Type.Null()]),
  districtCode: Type.Union([Type.String(), Type.Null()]),
});

export const OtpSent = Type.Object({ expiresInSeconds: Type.Integer() });
