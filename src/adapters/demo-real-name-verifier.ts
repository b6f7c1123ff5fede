// Demo mode's real-name authority. The real one answers whether a name belongs to an ID number;
// this one cannot know, so it accepts any well-formed pair (the ID number's own checks and the
// one-account-per-ID rule are enforced by the service for every verifier).
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';

export const demoRealNameVerifier: RealNameVerifier = {
  name: 'demo',
  matches: () => Promise.resolve(true),
};
