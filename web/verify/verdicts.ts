// One colour, one icon and one sentence for every result of the closed set (DESIGN §3): the
// verdict is never told by colour alone (WCAG 1.4.1), and no result is left without words.
import type { VerificationResult } from '../../src/verify/index.ts';

export type Tone = 'pass' | 'warn' | 'fail';
export type IconName = 'check' | 'clock' | 'stop' | 'question' | 'cross';

export const verdicts: Record<VerificationResult, { tone: Tone; icon: IconName }> = {
  valid: { tone: 'pass', icon: 'check' },
  expired: { tone: 'warn', icon: 'clock' },
  not_yet_valid: { tone: 'warn', icon: 'clock' },
  status_unknown: { tone: 'warn', icon: 'question' },
  challenge_mismatch: { tone: 'fail', icon: 'cross' },
  bad_signature: { tone: 'fail', icon: 'cross' },
  unknown_key: { tone: 'fail', icon: 'cross' },
  malformed: { tone: 'fail', icon: 'cross' },
  unsupported_version: { tone: 'fail', icon: 'cross' },
  revoked: { tone: 'fail', icon: 'stop' },
  suspended: { tone: 'fail', icon: 'stop' },
  superseded: { tone: 'fail', icon: 'stop' },
};
