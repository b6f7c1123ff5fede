/** A mistake in how a command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export interface VerifyCommandOptions {
  server?: string | undefined;
  anchor?: string | undefined;
  trustList?: string | undefined;
  statusList?: string[] | undefined;
  now?: string | undefined;
  skew?: string | undefined;
  challenge?: string | undefined;
}
