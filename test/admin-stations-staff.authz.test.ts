// Stations and staff accounts, admin only: opening a station in a new district, giving it an
// officer who can then sign in and work there, and deactivating the account (its session ends).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';

const station = {
  id: 'ps-110106-fsl',
  name: '丰台方庄派出所',
  kind: 'police_station',
  districtCode: '110106',
  streetCodes: ['110106001', '110106002'],
  address: '北京市丰台区方庄路 1 号',
};

for (const target of dbTargets()) {
  describe(`admin stations and staff on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      admin = await p.staffToken('admin');
    });
    after(() => p.close());

    test('every route is refused to everyone but the admin', async () => {
      const routes: [method: 'GET' | 'POST', path: string, body?: object][] = [
        ['GET', '/api/v1/admin/stations'],
        ['POST', '/api/v1/admin/stations', { ...station, id: 'ps-110106-x' }],
        ['GET', '/api/v1/admin/staff'],
        [
          'POST',
          '/api/v1/admin/staff',
          {
            username: 'x-officer',
            displayName: 'x',
            role: 'clerk',
            stationId: 'ps-110105-jg',
            password: 'a-long-enough-password',
          },
        ],
        ['POST', '/api/v1/admin/staff/00000000-0000-4000-8000-000000000000/deactivate'],
        [
          'POST',
          '/api/v1/admin/staff/00000000-0000-4000-8000-000000000000/password',
          { password: 'a-long-enough-password' },
        ],
      ];
      const callers: [string, string | undefined, number][] = [
        ['nobody', undefined, 401],
        ['a resident', await p.residentToken('13800000001'), 403],
        ['clerk', await p.staffToken('clerk-110105'), 403],
        ['officer', await p.staffToken('officer-110105'), 403],
        ['police', await p.staffToken('police-110105'), 403],
      ];
      for (const [method, path, body] of routes) {
        for (const [who, token, status] of callers) {
          const res = await p.call(method, path, { ...(token ? { token } : {}), ...(body ? { body } : {}) });
          assert.equal(res.statusCode, status, `${who} ${method} ${path}`);
        }
      }
      const stations = (await p.call('GET', '/api/v1/admin/stations', { token: admin })).json();
      assert.ok(!stations.some((s: { id: string }) => s.id === 'ps-110106-x'), 'nothing was created');
    });

    test('a station in a new district, its officer at work, then deactivated', async () => {
      const unknownStreet = await p.call('POST', '/api/v1/admin/stations', {
        token: admin,
        body: { ...station, streetCodes: ['110105001'] },
      });
      assert.equal(unknownStreet.statusCode, 422);
      assert.equal(unknownStreet.json().error.code, 'ADDRESS_UNKNOWN');
      const opened = await p.call('POST', '/api/v1/admin/stations', { token: admin, body: station });
      assert.equal(opened.statusCode, 201, opened.body);
      assert.equal(
        (await p.call('POST', '/api/v1/admin/stations', { token: admin, body: station })).statusCode,
        409,
      );

      const account = {
        username: 'officer-110106',
        displayName: '方庄审核民警',
        role: 'officer',
        stationId: station.id,
      };
      const weak = await p.call('POST', '/api/v1/admin/staff', {
        token: admin,
        body: { ...account, password: 'short' },
      });
      assert.equal(weak.statusCode, 400);
      const noStation = await p.call('POST', '/api/v1/admin/staff', {
        token: admin,
        body: { ...account, stationId: null, password: 'fangzhuang-review-2025' },
      });
      assert.equal(noStation.statusCode, 400);
      const created = await p.call('POST', '/api/v1/admin/staff', {
        token: admin,
        body: { ...account, password: 'fangzhuang-review-2025' },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().active, true);
      assert.equal(created.json().passwordHash, undefined, 'the hash is never sent');

      const login = await p.call('POST', '/api/v1/auth/staff', {
        body: { username: 'officer-110106', password: 'fangzhuang-review-2025' },
      });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().districtCode, '110106');
      const officer = login.json().token;
      assert.equal((await p.call('GET', '/api/v1/staff/applications', { token: officer })).statusCode, 200);

      const deactivated = await p.call('POST', `/api/v1/admin/staff/${created.json().id}/deactivate`, {
        token: admin,
      });
      assert.equal(deactivated.statusCode, 200);
      assert.equal(deactivated.json().active, false);
      assert.equal(
        (await p.call('GET', '/api/v1/staff/applications', { token: officer })).statusCode,
        401,
        'the session ended',
      );
      const again = await p.call('POST', '/api/v1/auth/staff', {
        body: { username: 'officer-110106', password: 'fangzhuang-review-2025' },
      });
      assert.equal(again.statusCode, 401);
    });
  });
}
