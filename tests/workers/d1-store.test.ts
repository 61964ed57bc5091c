import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D1SessionStore } from '../../src/adapters/workers/d1-store.ts';
import { itBehavesLikeASessionStore, sampleSession as session, sampleTurn as turn } from '../support/session-store-contract.ts';
import { openLocalD1, type LocalD1 } from './local-d1.ts';

// One database for the file (wrangler applies the migrations once); each test uses its own ids.
describe('D1SessionStore on a local D1 with the shared migrations', () => {
  let d1: LocalD1;
  let store: D1SessionStore;

  beforeAll(async () => {
    d1 = await openLocalD1();
    store = new D1SessionStore(d1.db);
  });

  afterAll(async () => {
    await d1?.dispose();
  });

  itBehavesLikeASessionStore(() => store);

  it('deletes a session’s turns with it (foreign keys are enforced on D1)', async () => {
    await store.createSession(session('gone', 'alice'), [turn('gone', 0), turn('gone', 1)]);
    await d1.db.prepare('DELETE FROM sessions WHERE id = ?').bind('gone').run();
    expect(await store.listTurns('gone')).toEqual([]);
  });
});
