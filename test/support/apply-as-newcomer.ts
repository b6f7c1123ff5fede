// A step many journeys start with: a person new to the platform signs in with a phone, binds an
// identity, and applies online for a registration card at an address of 朝阳 (110105) unless told
// another; the answer is checked to be 201.
import assert from 'node:assert/strict';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import { photo, proofOfAddress, type TestPlatform } from './test-app.ts';

export interface Newcomer {
  phone: string;
  name: string;
  /** Region, birth date and sequence of a test ID number. */
  id: Parameters<typeof makeTestIdNumber>;
  detail?: string;
  /** The files sent (a photo and a proof of address unless told). */
  materials?: readonly { kind: string; contentType: string; content: string }[];
}

export async function applyAsNewcomer(
  p: Pick<TestPlatform, 'call' | 'residentToken'>,
  who: Newcomer,
): Promise<{ token: string; application: { id: string; dueBy: string; dueByProvisional: boolean } }> {
  const token = await p.residentToken(who.phone);
  const bound = await p.call('PUT', '/api/v1/me/identity', {
    token,
    body: { name: who.name, idNumber: makeTestIdNumber(...who.id) },
  });
  assert.ok(bound.statusCode < 300, bound.body);
  const applied = await p.call('POST', '/api/v1/applications', {
    token,
    body: {
      type: 'registration_card',
      address: { districtCode: '110105', street: '110105001', detail: who.detail ?? '建国路 9 号' },
      materials: who.materials ?? [photo, proofOfAddress],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  return { token, application: applied.json() };
}
