/**
 * Real-name verification (实名认证). `matches`: does this name belong to this ID number? That is
 * knowledge anyone may have of someone else. `phoneRegisteredTo` is the carrier three-factor check
 * (运营商三要素核验): the carrier has this phone number registered under this name and ID number,
 * so whoever holds the phone (proved by the login code) holds the identity. The platform asks it
 * before letting a phone account take an identity it already holds without a phone (issue 9,
 * finding 1). Production asks the configured authority; the demo stand-in cannot ask a carrier.
 */
export interface RealNameVerifier {
  readonly name: string;
  matches(input: { name: string; idNumber: string }): Promise<boolean>;
  phoneRegisteredTo(input: { phone: string; name: string; idNumber: string }): Promise<boolean>;
}
