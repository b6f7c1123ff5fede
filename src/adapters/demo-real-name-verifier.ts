// Demo mode's real-name authority. The real one answers whether a name belongs to an ID number;
// this one cannot know, so it accepts any well-formed pair (the ID number's own checks and the
// one-account-per-ID rule are enforced by the service for every verifier).
//
// It cannot ask a carrier either, so its three-factor check says no, always. The platform asks it
// only for an identity it already holds without this phone (a window registration, a legacy card, a
// ward), where a stranger's phone is not registered to the person and the real check says no too:
// in demo mode such identities bind only with a binding code from a station's clerk.
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';

export const demoRealNameVerifier: RealNameVerifier = {
  name: 'demo',
  matches: () => Promise.resolve(true),
  phoneRegisteredTo: () => Promise.resolve(false),
};
