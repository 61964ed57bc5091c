import { describe, expect, it } from 'vitest';
import { makeHarness } from '../support/interview-harness.ts';

const answer = '嗯，就是说，GMP 里 P 持有本地运行队列，M 要绑定 P 才能运行 G，那个，空闲的 P 会去别的 P 偷 G。';

describe('a spoken answer in the engine', () => {
  it('is graded and answered exactly as the same text typed: the grader never sees how it was given', async () => {
    const typed = makeHarness({ seed: 11 });
    const spoken = makeHarness({ seed: 11 });
    const startedTyped = await typed.service.start('owner', { mode: 'practice', questions: 2 });
    const startedSpoken = await spoken.service.start('owner', { mode: 'practice', questions: 2 });
    expect(startedSpoken.message).toEqual(startedTyped.message);

    const typedResult = await typed.service.submit(startedTyped.session.id, 'owner', { answer, turn: startedTyped.message.turn });
    const spokenResult = await spoken.service.submit(startedSpoken.session.id, 'owner', {
      answer,
      turn: startedSpoken.message.turn,
      spoken: true,
      speech: { engine: 'browser', speakingMs: 21_000 },
    });
    expect(spokenResult).toEqual(typedResult);
    expect(spoken.grader.requests).toEqual(typed.grader.requests);

    const spokenTurns = await spoken.store.listTurns(startedSpoken.session.id);
    const typedTurns = await typed.store.listTurns(startedTyped.session.id);
    expect(spokenTurns.find((turn) => turn.role === 'candidate')).toMatchObject({
      spoken: true,
      speech: { engine: 'browser', speakingMs: 21_000, fillers: { 嗯: 1, 就是: 1, 那个: 1 } },
    });
    expect(typedTurns.find((turn) => turn.role === 'candidate')).not.toHaveProperty('spoken');
  });

  it('puts each spoken answer’s time, pace and fillers in the report, and none for typed ones', async () => {
    const { service } = makeHarness({ seed: 5 });
    const started = await service.start('owner', { mode: 'practice', questions: 3 });
    const first = await service.submit(started.session.id, 'owner', { answer, turn: started.message.turn, spoken: true, speech: { engine: 'server', speakingMs: 30_000 } });
    // 40 characters were spoken in 12 s; the sentence typed after them does not count towards the pace.
    const second = await service.submit(started.session.id, 'owner', {
      answer: `${'说'.repeat(40)}然后我又打字补充了很长的一段话作为补充说明。`,
      turn: first.next.turn,
      spoken: true,
      speech: { engine: 'browser', speakingMs: 12_000, spokenChars: 40 },
    });
    await service.submit(started.session.id, 'owner', { answer: '打字的回答', turn: second.next.turn });
    const report = await service.report(started.session.id, 'owner');
    expect(report.spoken).toHaveLength(2);
    const characters = [...answer.replace(/\s+/g, '')].length;
    expect(report.spoken[0]).toMatchObject({ speakingMs: 30_000, fillers: { 嗯: 1, 就是: 1, 那个: 1 }, charsPerMinute: Math.round(characters * 2) });
    expect(report.spoken[1]).toMatchObject({ speakingMs: 12_000, fillers: {}, charsPerMinute: 200 });
    expect(report.spoken[0]?.question.length).toBeGreaterThan(2);
  });
});
