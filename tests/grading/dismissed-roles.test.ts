import { describe, expect, it } from 'vitest';
import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { profileText } from '../../src/grading/text-analysis.ts';
import { contradictedIn } from './contradicted-in.ts';

// corpus/image-service-project-qa.md, exchange交换机.
const note = '- 决定消息按什么规则，路由到哪个队列\n\nqueue需要绑定exchange\n\n- 消息载体\n\nrouting key：路由关键字，exchange根据这个关键字来投递消息\n\nchannel：消息通道，需要和生产者和消费者之间建立';
const question = '说说你对exchange交换机的了解。';

describe('a labelled thing said to do nothing (dismissed-roles.ts)', () => {
  it('reads 「routing key 没什么用」 against the job the note gives it, quoted with its name', () => {
    expect(contradictedIn(question, note, 'exchange 就是存消息的地方，routing key 没什么用。')).toEqual(['routing key：路由关键字，exchange根据这个关键字来投递消息']);
    const points = extractAllKeyPoints(note, 0);
    const [found] = findContradictions(question, points, 'routing key 其实没啥用', new Set(profileText(question).units.keys()), note);
    expect(found?.notes).toBe('routing key 路由关键字，exchange根据这个关键字来投递消息');
  });

  it('leaves a thing the note labels said to matter, a dismissal of another thing, and a clause that says more', () => {
    expect(contradictedIn(question, note, 'routing key 很重要，exchange 靠它投递。')).toEqual([]);
    expect(contradictedIn(question, note, 'headers 模式基本没什么用。')).toEqual([]);
    expect(contradictedIn(question, note, 'fanout 模式下 routing key 没什么用，消息会广播给所有绑定的队列。')).toEqual([]);
  });
});
