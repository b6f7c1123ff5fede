// Who may use which route (DESIGN §4), on every database target. Every staff route is tried with no
// token, a resident's token, each wrong role, and the right role of another district; a wrong role
// is FORBIDDEN, and an application outside the caller's district is NOT_FOUND (its existence does
// not leak). Resident routes answer NOT_FOUND for someone else's application or card. After every
// refusal the application is unchanged, as its applicant and its officer see it.
//
// A new staff route is one more row in `staffRoutes`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Tuesday 2025-06-10, 10:00 in Beijing: an ordinary working day.
const TUESDAY = '2025-06-10T10:00:00+08:00';

const HOME = '110105'; // the application's district (朝阳区)
const ELSEWHERE = '110108'; // another district with its own station (海淀区)
const APPLICANT_PHONE = '13912340001';
const OTHER_RESIDENT_PHONE = '13800000008'; // demo resident 周杰: identity bound, no card
const CARD_HOLDER_PHONE = '13800000002'; // demo resident 李娜: a registration card in 110105

type Staff = `${'clerk' | 'officer' | 'police'}-${string}` | 'admin';
type Role = 'clerk' | 'officer' | 'police' | 'admin';

interface StaffRoute {
  name: string;
  method: 'GET' | 'POST';
  path: (applicationId: string) => string;
  /** A body the route accepts, so a refusal can only come from who is calling. */
  body?: (applicationId: string) => unknown;
  /** The roles of the application's district that may use it. */
  allowed: readonly Role[];
  /** What the right role of another district sees. */
  elsewhere: 'not_found' | 'not_listed' | 'forbidden_address';
  /** The success status for an allowed caller of the home district. */
  okStatus: number;
}

const windowIntake = () => ({
  type: 'registration_card',
  address: { districtCode: HOME, street: '110105003', detail: '呼家楼北街 6 号院 1 号楼 502' },
  applicant: { name: '郑文', idNumber: makeTestIdNumber('340104', '1993-08-19', 47) },
  materialsChecked: ['photo', 'proof_of_address'],
});

/** A material of the application, learnt once it exists (before all tests). */
let materialId = '';

const staffRoutes: readonly StaffRoute[] = [
  {
    name: 'GET /api/v1/staff/applications',
    method: 'GET',
    path: () => '/api/v1/staff/applications',
    allowed: ['officer', 'clerk'],
    elsewhere: 'not_listed',
    okStatus: 200,
  },
  {
    name: 'GET /api/v1/staff/applications/:id',
    method: 'GET',
    path: (id) => `/api/v1/staff/applications/${id}`,
    allowed: ['officer', 'clerk'],
    elsewhere: 'not_found',
    okStatus: 200,
  },
  {
    name: 'GET /api/v1/staff/applications/:id/materials/:materialId',
    method: 'GET',
    path: (id) => `/api/v1/staff/applications/${id}/materials/${materialId}`,
    allowed: ['officer', 'clerk'],
    elsewhere: 'not_found',
    okStatus: 200,
  },
  {
    name: 'POST /api/v1/staff/applications/:id/reveal-id',
    method: 'POST',
    path: (id) => `/api/v1/staff/applications/${id}/reveal-id`,
    allowed: ['officer', 'clerk'],
    elsewhere: 'not_found',
    okStatus: 200,
  },
  {
    name: 'POST /api/v1/staff/applications',
    method: 'POST',
    path: () => '/api/v1/staff/applications',
    body: windowIntake,
    allowed: ['clerk'],
    elsewhere: 'forbidden_address',
    okStatus: 201,
  },
  {
    name: 'POST /api/v1/staff/applications/:id/decision',
    method: 'POST',
    path: (id) => `/api/v1/staff/applications/${id}/decision`,
    body: () => ({ decision: 'approve' }),
    allowed: ['officer'],
    elsewhere: 'not_found',
    okStatus: 200,
  },
];

const allRoles: readonly Role[] = ['clerk', 'officer', 'police', 'admin'];
const username = (role: Role, district: string): Staff =>
  role === 'admin' ? 'admin' : `${role}-${district}`;

for (const target of dbTargets()) {
  describe(`staff and resident authorisation on ${target.name}`, () => {
    let p: TestPlatform;
    let applicantToken: string;
    let otherResidentToken: string;
    let applicationId: string;
    const staffTokens = new Map<Staff, string>();
    const staffToken = async (name: Staff): Promise<string> => {
      const known = staffTokens.get(name);
      if (known) return known;
      const token = await p.staffToken(name);
      staffTokens.set(name, token);
      return token;
    };
    const officerView = async () =>
      p.call('GET', `/api/v1/staff/applications/${applicationId}`, {
        token: await staffToken(`officer-${HOME}`),
      });

    before(async () => {
      p = await startPlatform(target, TUESDAY);
      applicantToken = await p.residentToken(APPLICANT_PHONE);
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token: applicantToken,
        body: { name: '林晓', idNumber: makeTestIdNumber('370102', '1996-04-18', 123) },
      });
      assert.equal(bound.statusCode, 200, bound.body);
      const applied = await p.call('POST', '/api/v1/applications', {
        token: applicantToken,
        body: {
          type: 'registration_card',
          address: { districtCode: HOME, street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      applicationId = applied.json().id;
      const detail = await p.call('GET', `/api/v1/staff/applications/${applicationId}`, {
        token: await staffToken(`officer-${HOME}`),
      });
      materialId = detail.json().materials[0].id;
      otherResidentToken = await p.residentToken(OTHER_RESIDENT_PHONE);
    });
    after(() => p.close());

    for (const route of staffRoutes) {
      describe(route.name, () => {
        const send = (token: string | undefined) =>
          p.call(route.method, route.path(applicationId), {
            ...(token ? { token } : {}),
            ...(route.body ? { body: route.body(applicationId) } : {}),
          });

        test('no token: 401 UNAUTHENTICATED', async () => {
          assertError(await send(undefined), 401, 'UNAUTHENTICATED');
        });

        test('a token that is no session: 401 UNAUTHENTICATED', async () => {
          assertError(
            await send('bm90LWEtc2Vzc2lvbi10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ'),
            401,
            'UNAUTHENTICATED',
          );
        });

        test("a resident's token, even the applicant's own: 403 FORBIDDEN", async () => {
          assertError(await send(applicantToken), 403, 'FORBIDDEN');
          assertError(await send(otherResidentToken), 403, 'FORBIDDEN');
        });

        for (const role of allRoles.filter((r) => !route.allowed.includes(r))) {
          test(`${username(role, HOME)}, a role the route is not for: 403 FORBIDDEN`, async () => {
            assertError(await send(await staffToken(username(role, HOME))), 403, 'FORBIDDEN');
          });
        }

        for (const role of route.allowed) {
          const outsider = username(role, ELSEWHERE);
          if (route.elsewhere === 'not_found') {
            test(`${outsider}, the right role of another district: 404 NOT_FOUND`, async () => {
              const res = await send(await staffToken(outsider));
              assertError(res, 404, 'NOT_FOUND');
              // The same answer as for an application that does not exist at all.
              const none = await p.call(route.method, route.path('3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f'), {
                token: await staffToken(username(role, HOME)),
                ...(route.body ? { body: route.body(applicationId) } : {}),
              });
              assertError(none, 404, 'NOT_FOUND');
              assert.equal(res.json().error.message, none.json().error.message);
            });
          } else if (route.elsewhere === 'not_listed') {
            test(`${outsider}, the right role of another district: not in their queue`, async () => {
              const token = await staffToken(outsider);
              for (const query of ['', '?status=submitted', '?limit=500']) {
                const res = await p.call('GET', `/api/v1/staff/applications${query}`, { token });
                assert.equal(res.statusCode, 200, res.body);
                assert.ok(!res.json().items.some((a: { id: string }) => a.id === applicationId), query);
                assert.ok(
                  res.json().items.every((a: { districtCode: string }) => a.districtCode === ELSEWHERE),
                );
              }
            });
          } else {
            test(`${outsider} taking an application for an address in ${HOME}: 403 FORBIDDEN`, async () => {
              const queueLength = async (member: Staff) =>
                (
                  await p.call('GET', '/api/v1/staff/applications', { token: await staffToken(member) })
                ).json().total as number;
              const [homeBefore, theirsBefore] = [
                await queueLength(`officer-${HOME}`),
                await queueLength(outsider),
              ];
              assertError(await send(await staffToken(outsider)), 403, 'FORBIDDEN');
              assert.equal(
                await queueLength(`officer-${HOME}`),
                homeBefore,
                'nothing in the queue of the address',
              );
              assert.equal(await queueLength(outsider), theirsBefore, "nor in the clerk's own");
            });
          }
        }
      });
    }

    describe('resident routes: my application and my card are not yours', () => {
      test('another resident gets 404 for my application, and it is not in their list', async () => {
        const seen = await p.call('GET', `/api/v1/applications/${applicationId}`, {
          token: otherResidentToken,
        });
        assertError(seen, 404, 'NOT_FOUND');
        const theirs = await p.call('GET', '/api/v1/applications', { token: otherResidentToken });
        assert.equal(theirs.statusCode, 200);
        assert.ok(!theirs.json().some((a: { id: string }) => a.id === applicationId));
      });

      test('another resident cannot add materials to my application: 404', async () => {
        const res = await p.call('POST', `/api/v1/applications/${applicationId}/materials`, {
          token: otherResidentToken,
          body: { materials: [photo] },
        });
        assertError(res, 404, 'NOT_FOUND');
        const detail = (await officerView()).json();
        assert.deepEqual(
          detail.materials.map((m: { kind: string }) => m.kind).sort(),
          ['photo', 'proof_of_address'],
          'no file was added',
        );
      });

      test('another resident cannot withdraw my application: 404, and it stays submitted', async () => {
        const res = await p.call('POST', `/api/v1/applications/${applicationId}/withdraw`, {
          token: otherResidentToken,
        });
        assertError(res, 404, 'NOT_FOUND');
        const mine = await p.call('GET', `/api/v1/applications/${applicationId}`, { token: applicantToken });
        assert.equal(mine.json().status, 'submitted');
      });

      test('another resident cannot apply for a change or replacement of my card: 404', async () => {
        const holder = await p.residentToken(CARD_HOLDER_PHONE);
        const [card] = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json();
        assert.ok(card, 'the demo holder has a card');
        const change = await p.call('POST', '/api/v1/applications', {
          token: otherResidentToken,
          body: {
            type: 'change',
            cardId: card.id,
            address: { districtCode: HOME, street: '110105004', detail: '三里屯路 19 号院 3 号楼 808' },
            materials: [proofOfAddress],
          },
        });
        assertError(change, 404, 'NOT_FOUND');
        const replacement = await p.call('POST', '/api/v1/applications', {
          token: otherResidentToken,
          body: { type: 'replacement', cardId: card.id, materials: [photo] },
        });
        assertError(replacement, 404, 'NOT_FOUND');
        // Same answer as for a card that does not exist.
        const none = await p.call('POST', '/api/v1/applications', {
          token: otherResidentToken,
          body: { type: 'replacement', cardId: '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f', materials: [photo] },
        });
        assertError(none, 404, 'NOT_FOUND');
        assert.deepEqual(
          (await p.call('GET', '/api/v1/applications', { token: otherResidentToken })).json(),
          [],
        );
        assert.deepEqual(
          (await p.call('GET', '/api/v1/me/cards', { token: otherResidentToken })).json(),
          [],
          "the other resident's wallet does not show the card",
        );
        const wallet = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json();
        assert.deepEqual(
          wallet.map((c: { id: string; version: number }) => [c.id, c.version]),
          [[card.id, card.version]],
          "the holder's card is untouched",
        );
      });

      test('staff tokens and no token are refused on resident routes', async () => {
        const officer = await staffToken(`officer-${HOME}`);
        for (const [method, url] of [
          ['GET', '/api/v1/applications'],
          ['GET', `/api/v1/applications/${applicationId}`],
          ['POST', `/api/v1/applications/${applicationId}/withdraw`],
          ['GET', '/api/v1/me/cards'],
        ] as const) {
          assertError(await p.call(method, url, { token: officer }), 403, 'FORBIDDEN');
          assertError(await p.call(method, url), 401, 'UNAUTHENTICATED');
        }
      });
    });

    describe('after every refusal', () => {
      test('the applicant and the officer of the district still see the application submitted', async () => {
        const mine = await p.call('GET', `/api/v1/applications/${applicationId}`, { token: applicantToken });
        assert.equal(mine.statusCode, 200);
        assert.equal(mine.json().status, 'submitted');
        assert.equal(mine.json().issuedCardId, null);
        const queue = await p.call('GET', '/api/v1/staff/applications?status=submitted', {
          token: await staffToken(`officer-${HOME}`),
        });
        assert.ok(queue.json().items.some((a: { id: string }) => a.id === applicationId));
        assert.deepEqual((await p.call('GET', '/api/v1/me/cards', { token: applicantToken })).json(), []);
      });

      // The positive controls, last: they change the application (the decision issues the card).
      for (const route of staffRoutes) {
        for (const role of route.allowed) {
          test(`${route.name} is open to ${username(role, HOME)}: ${route.okStatus}`, async () => {
            const res = await p.call(route.method, route.path(applicationId), {
              token: await staffToken(username(role, HOME)),
              ...(route.body ? { body: route.body(applicationId) } : {}),
            });
            assert.equal(res.statusCode, route.okStatus, res.body);
          });
        }
      }

      test('the decision the officer of the district took is the one the applicant sees', async () => {
        const mine = await p.call('GET', `/api/v1/applications/${applicationId}`, { token: applicantToken });
        assert.equal(mine.json().status, 'issued');
        const wallet = (await p.call('GET', '/api/v1/me/cards', { token: applicantToken })).json();
        assert.equal(wallet.length, 1);
        assert.equal(wallet[0].districtCode, HOME);
      });

      test('a staff session that has lapsed is refused: 401 SESSION_EXPIRED', async () => {
        const officer = await staffToken(`officer-${HOME}`);
        p.clock.advance(13 * 3600_000); // sessions last 12 hours
        const res = await p.call('GET', '/api/v1/staff/applications', { token: officer });
        assertError(res, 401, 'SESSION_EXPIRED');
      });
    });
  });
}
