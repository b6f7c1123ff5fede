// A clerk works for their own station, not the district (DESIGN §4; issue 9, finding 4): a
// service-station clerk sees the applications taken at their own window, and not the online
// applications a police station of the same district decides, nor their photos. A police-station
// clerk sees the applications their station decides and those taken at their window. Officers
// keep the whole district.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

const MONDAY = '2025-09-15T10:00:00+08:00';
const address = { districtCode: '110105', street: '110105002', detail: '朝外大街 1 号 2 单元 301' };

for (const target of dbTargets()) {
  describe(`a clerk's station on ${target.name}`, () => {
    let p: TestPlatform;
    let serviceClerk: string;
    let policeClerk: string;
    let officer: string;
    let onlineId: string;
    let onlinePhotoId: string;
    let windowId: string;

    const queue = async (token: string) =>
      (await p.call('GET', '/api/v1/staff/applications', { token }))
        .json<{ items: { id: string }[] }>()
        .items.map((a) => a.id);

    before(async () => {
      p = await startPlatform(target, MONDAY);
      const admin = await p.staffToken('admin');
      const created = await p.call('POST', '/api/v1/admin/staff', {
        token: admin,
        body: {
          username: 'window-ss-110105',
          displayName: '朝外服务站窗口',
          role: 'clerk',
          stationId: 'ss-110105-cy',
          password: 'station-window-2025',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const login = await p.call('POST', '/api/v1/auth/staff', {
        body: { username: 'window-ss-110105', password: 'station-window-2025' },
      });
      serviceClerk = login.json().token;
      policeClerk = await p.staffToken('clerk-110105'); // 建外派出所
      officer = await p.staffToken('officer-110105');

      const resident = await p.residentToken('13912347001');
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token: resident,
        body: { name: '蒋平', idNumber: makeTestIdNumber('210102', '1992-05-05', 71) },
      });
      assert.equal(bound.statusCode, 200, bound.body);
      const online = await p.call('POST', '/api/v1/applications', {
        token: resident,
        body: { type: 'registration_card', address, materials: [photo, proofOfAddress] },
      });
      assert.equal(online.statusCode, 201, online.body);
      onlineId = online.json().id;
      const detail = await p.call('GET', `/api/v1/staff/applications/${onlineId}`, { token: officer });
      onlinePhotoId = detail.json().materials.find((m: { kind: string }) => m.kind === 'photo').id;

      const taken = await p.call('POST', '/api/v1/staff/applications', {
        token: serviceClerk,
        body: {
          type: 'registration_card',
          address,
          applicant: { name: '韦华', idNumber: makeTestIdNumber('210102', '1987-09-09', 72) },
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(taken.statusCode, 201, taken.body);
      windowId = taken.json().id;
    });
    after(() => p.close());

    test("a service-station clerk sees their window's application, not the police station's online one", async () => {
      const listed = await queue(serviceClerk);
      assert.ok(listed.includes(windowId), 'their own window application is listed');
      assert.ok(!listed.includes(onlineId), "the police station's application is not listed");
      assertError(
        await p.call('GET', `/api/v1/staff/applications/${onlineId}`, { token: serviceClerk }),
        404,
        'NOT_FOUND',
      );
      const file = `/api/v1/staff/applications/${onlineId}/materials/${onlinePhotoId}`;
      assertError(await p.call('GET', file, { token: serviceClerk }), 404, 'NOT_FOUND');
      const own = await p.call('GET', `/api/v1/staff/applications/${windowId}`, { token: serviceClerk });
      assert.equal(own.statusCode, 200, own.body);
    });

    test('the police-station clerk sees what the station decides; the officer sees the district', async () => {
      assert.ok((await queue(policeClerk)).includes(onlineId));
      const file = `/api/v1/staff/applications/${onlineId}/materials/${onlinePhotoId}`;
      assert.equal((await p.call('GET', file, { token: policeClerk })).statusCode, 200);
      const district = await queue(officer);
      assert.ok(district.includes(onlineId) && district.includes(windowId));
    });
  });
}
