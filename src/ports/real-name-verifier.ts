/**
 * Real-name verification (实名认证): does this name belong to this ID number? Production asks the
 * configured authority; demo mode accepts any name for an ID number that passes its checks.
 */
export interface RealNameVerifier {
  readonly name: string;
  matches(input: { name: string; idNumber: string }): Promise<boolean>;
}
