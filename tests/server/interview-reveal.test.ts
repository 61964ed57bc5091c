import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeHarness, referenceAnswer, removeTempDirs, type Harness } from './app-harness.ts';

let harness: Harness;
afterEach(async () => harness?.close());
afterAll(removeTempDirs);

type Transcript = { reveal: boolean; session: { status: string }; turns: { role: string; grade?: { score: number } | null }[] };

describe('GET /api/sessions/:id?reveal=1', () => {
  it('withholds an active interview’s grades by default and returns them only to the owner who asks', async () => {
    harness = await makeHarness();
    const owner = harness.browser();
    const created = (await (await owner.post('/api/sessions', { mode: 'interview', questions: 2 })).json()) as { id: string };
    const path = `/api/sessions/${created.id}`;
    // Answer lines until one answer carries a grade (the warm-up may be ungraded).
    let graded = 0;
    for (let step = 0; step < 4 && graded === 0; step++) {
      const pending = ((await (await owner.request(path)).json()) as { pending: { questionId?: string } }).pending;
      const answer = pending.questionId ? referenceAnswer(harness.kb, pending.questionId).slice(0, 400) : '我是后端工程师，做过缓存和订单服务。';
      const result = (await (await owner.post(`${path}/answers`, { answer })).json()) as { grade: unknown; reveal: boolean };
      expect(result.reveal).toBe(false);
      if (result.grade) graded++;
    }
    expect(graded).toBe(1);

    const hidden = (await (await owner.request(path)).json()) as Transcript;
    expect(hidden.session.status).toBe('active');
    expect(hidden.reveal).toBe(false);
    expect(hidden.turns.filter((turn) => turn.role === 'candidate').length).toBeGreaterThanOrEqual(1);
    expect(hidden.turns.every((turn) => !('grade' in turn))).toBe(true);
    expect(((await (await owner.request(`${path}?reveal=0`)).json()) as Transcript).turns.every((turn) => !('grade' in turn))).toBe(true);

    const revealed = (await (await owner.request(`${path}?reveal=1`)).json()) as Transcript;
    expect(revealed.reveal).toBe(true);
    expect(revealed.turns.map((turn) => turn.role)).toEqual(hidden.turns.map((turn) => turn.role));
    const grades = revealed.turns.flatMap((turn) => (turn.grade ? [turn.grade] : []));
    expect(grades).toHaveLength(1);
    expect(grades[0]?.score).toEqual(expect.any(Number));
    // Asking to see them changes nothing for later plain reads.
    expect(((await (await owner.request(path)).json()) as Transcript).turns.every((turn) => !('grade' in turn))).toBe(true);

    const invalid = await owner.request(`${path}?reveal=yes`);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('reveal') } });
    const stranger = await harness.browser().request(`${path}?reveal=1`);
    expect(stranger.status).toBe(404);
  });
});
