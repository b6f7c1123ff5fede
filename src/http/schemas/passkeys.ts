// Passkeys (WebAuthn Level 3, §5.1.3 / §5.1.4 JSON forms): the options the server hands out and the
// responses the browser sends back, shared by the routes and the staff pages (Static<>), which pass
// them to @simplewebauthn/browser as they are.
import { Type, type Static } from 'typebox';

const Base64Url = (description: string, maxLength = 4096) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength, description });

/** AuthenticatorTransport (§5.8.4): usb, nfc, ble, smart-card, hybrid, internal, and names to come. */
const Transport = Type.String({ pattern: '^[a-z-]{1,32}$' });
const Transports = Type.Array(Transport, { maxItems: 8 });
const UserVerification = Type.Union([
  Type.Literal('required'),
  Type.Literal('preferred'),
  Type.Literal('discouraged'),
]);
const Descriptor = Type.Object({
  id: Base64Url('credential ID'),
  type: Type.String({ description: 'public-key' }),
  transports: Type.Optional(Transports),
});
const Hints = Type.Array(
  Type.Union([Type.Literal('hybrid'), Type.Literal('security-key'), Type.Literal('client-device')]),
);

/** PublicKeyCredentialCreationOptionsJSON: for navigator.credentials.create(). */
export const PasskeyRegistrationOptions = Type.Object({
  challenge: Base64Url('single use, answered within 5 minutes'),
  rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }),
  user: Type.Object({ id: Base64Url('user handle'), name: Type.String(), displayName: Type.String() }),
  pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.Literal('public-key') })),
  timeout: Type.Optional(Type.Integer()),
  excludeCredentials: Type.Optional(Type.Array(Descriptor)),
  authenticatorSelection: Type.Optional(
    Type.Object({
      authenticatorAttachment: Type.Optional(
        Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
      ),
      requireResidentKey: Type.Optional(Type.Boolean()),
      residentKey: Type.Optional(UserVerification),
      userVerification: Type.Optional(UserVerification),
    }),
  ),
  attestation: Type.Optional(
    Type.Union([
      Type.Literal('none'),
      Type.Literal('indirect'),
      Type.Literal('direct'),
      Type.Literal('enterprise'),
    ]),
  ),
  hints: Type.Optional(Hints),
  extensions: Type.Optional(Type.Object({ credProps: Type.Optional(Type.Boolean()) })),
});
export type PasskeyRegistrationOptions = Static<typeof PasskeyRegistrationOptions>;

/** PublicKeyCredentialRequestOptionsJSON: for navigator.credentials.get(). */
export const PasskeyLoginOptions = Type.Object({
  challenge: Base64Url('single use, answered within 5 minutes, for this account only'),
  rpId: Type.Optional(Type.String()),
  allowCredentials: Type.Optional(Type.Array(Descriptor)),
  timeout: Type.Optional(Type.Integer()),
  userVerification: Type.Optional(UserVerification),
  hints: Type.Optional(Hints),
});
export type PasskeyLoginOptions = Static<typeof PasskeyLoginOptions>;

const ClientExtensionResults = Type.Object({
  credProps: Type.Optional(Type.Object({ rk: Type.Optional(Type.Boolean()) })),
});
const Attachment = Type.Optional(Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]));

/** RegistrationResponseJSON: what navigator.credentials.create() gave, base64url-encoded. */
export const PasskeyRegistrationResponse = Type.Object({
  id: Base64Url('credential ID', 1024),
  rawId: Base64Url('credential ID', 1024),
  type: Type.Literal('public-key'),
  authenticatorAttachment: Attachment,
  clientExtensionResults: ClientExtensionResults,
  response: Type.Object({
    clientDataJSON: Base64Url('clientDataJSON'),
    attestationObject: Base64Url('attestation object', 16_384),
    authenticatorData: Type.Optional(Base64Url('authenticator data')),
    transports: Type.Optional(Transports),
    publicKeyAlgorithm: Type.Optional(Type.Integer()),
    publicKey: Type.Optional(Base64Url('SubjectPublicKeyInfo')),
  }),
});
export type PasskeyRegistrationResponse = Static<typeof PasskeyRegistrationResponse>;

/** AuthenticationResponseJSON: what navigator.credentials.get() gave, base64url-encoded. */
export const PasskeyAssertion = Type.Object(
  {
    id: Base64Url('credential ID', 1024),
    rawId: Base64Url('credential ID', 1024),
    type: Type.Literal('public-key'),
    authenticatorAttachment: Attachment,
    clientExtensionResults: ClientExtensionResults,
    response: Type.Object({
      clientDataJSON: Base64Url('clientDataJSON'),
      authenticatorData: Base64Url('authenticator data'),
      signature: Base64Url('signature'),
      userHandle: Type.Optional(Base64Url('user handle', 256)),
    }),
  },
  { description: 'the assertion answering POST /auth/staff/passkey-options, instead of `totp`' },
);
export type PasskeyAssertion = Static<typeof PasskeyAssertion>;

/** One of a member's passkeys, as they see it: never the key material. */
export const Passkey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  transports: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Passkey = Static<typeof Passkey>;

export const PasskeyName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'the member\'s own name for it ("office key")',
});
