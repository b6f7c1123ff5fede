// A step the visits journeys start with: 李娜 (13800000002, a registration card of 朝阳, 110105)
// applies online to change her address within 朝阳 and officer-110105 approves it, which creates a
// verification visit for the community police of the new street (R14). Returns her session and
// the card version issued by the change.
import assert from 'node:assert/strict';
import { proofOfAddress, type TestPlatform } from './test-app.ts';

export async function moveLiNa(
  p: Pick<TestPlatform, 'call' | 'residentToken' | 'staffToken'>,
  detail: string,
): Promise<{ token: string; cardId: string; application: { id: string; dueByProvisional: boolean } }> {
  const token = await p.residentToken('13800000002');
  const [card] = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
  assert.ok(card, '李娜 holds a card');
  const applied = await p.call('POST', '/api/v1/applications', {
    token,
    body: {
      type: 'change',
      cardId: card.id,
      address: { districtCode: '110105', street: '110105001', detail },
      materials: [proofOfAddress],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  const approved = await p.call('POST', `/api/v1/staff/applications/${applied.json().id}/decision`, {
    token: await p.staffToken('officer-110105'),
    body: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200, approved.body);
  return { token, cardId: approved.json().issuedCardId, application: applied.json() };
}
