// A test step: a clerk of 朝阳区 takes a walk-in's registration-card application at the window
// (materials checked on paper, no phone login); returns the application's id.
import assert from 'node:assert/strict';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import type { TestPlatform } from './test-app.ts';

export async function intakeAtWindow(p: TestPlatform): Promise<string> {
  const intake = await p.call('POST', '/api/v1/staff/applications', {
    token: await p.staffToken('clerk-110105'),
    body: {
      type: 'registration_card',
      address: { districtCode: '110105', street: '110105003', detail: '呼家楼北街 6 号院 1 号楼 502' },
      applicant: { name: '旧版本', idNumber: makeTestIdNumber('110105', '1990-07-01', 27) },
      materialsChecked: ['photo', 'proof_of_address'],
    },
  });
  assert.equal(intake.statusCode, 201, intake.body);
  return intake.json<{ id: string }>().id;
}
