import { describe, expect, it } from 'vitest';
import { quantitiesIn } from '../../src/grading/quantities.ts';
import { profileText } from '../../src/grading/text-analysis.ts';
import { contradicted } from './contradicted.ts';

describe('a quorum sized otherwise (quorum-sizes.ts)', () => {
  const raftQuestion = 'Raft 里 leader 收到一个客户端的写请求之后，什么时候才执行并把结果返回给客户端？';
  const raftNote = ['Leader将客户端请求加入到自己的日志中，然后并行向其他follower发送请求', '当leader接收到超过一半follower已经进行复制，那么这条日志会被标记为commit,接着他会执行这个请求并将执行结果返回给客户端'];
  const zkQuestion = 'ZooKeeper 集群里，一个写请求的数据是怎么同步到各个节点的？';
  const zkNote = ['leader将日志发送给follower', 'follower日志持久化成功以后，返回ACK确认给leader', 'leader收到半数以上的ACK以后，leader更新内存数据'];

  it('reads "all of them" for the note\'s majority as a changed quorum, said in other words around it', () => {
    expect(contradicted(raftQuestion, raftNote, '嗯，然后要等所有的follower，就是全部节点都回复已经复制了，这条日志才标记为commit。')).toEqual([raftNote[1]]);
    expect(contradicted(zkQuestion, zkNote, 'leader 把日志发给 follower，必须所有 follower 都持久化并回 ACK 才能提交。')).toEqual([zkNote[2]]);
  });

  it('reads 超过一半 (normalised 大于一半) and 超过半数 as a majority, not as a half', () => {
    const share = (text: string) => quantitiesIn(profileText(text).text).map((quantity) => quantity.value);
    expect(share('收到超过一半follower的确认')).toEqual([0.75]);
    expect(share('拿到超过半数节点的投票')).toEqual([0.75]);
    expect(share('减去一半')).toEqual([0.5]);
  });

  it('accepts "all" said of whom a request goes to, beside the note\'s majority', () => {
    expect(contradicted(raftQuestion, raftNote, 'leader 把日志发给所有 follower 并等待回复，收到一半以上的确认就提交并返回结果。')).toEqual([]);
    expect(contradicted(zkQuestion, zkNote, 'leader 把提议广播给所有 follower，follower 持久化后回 ACK，leader 收到过半 ACK 就提交。')).toEqual([]);
  });

  it('leaves shares of things other than a group\'s members alone', () => {
    const note = ['新生代中绝大多数对象朝生夕死，每次回收只有少量存活，所以用复制算法，只需复制少量存活对象'];
    expect(contradicted('新生代为什么用复制算法？', note, '每次 GC 把所有存活对象复制到 survivor 区，然后清空 eden。')).toEqual([]);
  });
});
