import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';
import { contradictsCore } from '../../src/grading/core-contradictions.ts';
import { quantitiesIn } from '../../src/grading/quantities.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { profiledText } from '../../src/grading/text-analysis.ts';

const flat = Array.from({ length: 8 }, () => ({ weight: 0.125 }));
const read = (text: string) => quantitiesIn(profiledText(text)).map(({ value, family }) => [value, family]);

describe('numbers in English words and round trips by any name', () => {
  it('reads a number word before a unit, and only there', () => {
    expect(read('one round trip before app data')).toEqual([[1, 'round-trips']]);
    expect(read('TLS 1.2 needed 2 RTT')).toEqual([[2, 'round-trips']]);
    expect(read('4096 IDs in a single millisecond')).toEqual([[0.001, 'time']]);
    expect(read('一个往返')).toEqual([[1, 'round-trips']]);
    // "one box", "two maps": a number word before a word that is no unit counts nothing the note quantifies.
    expect(read('one box can issue them, using two maps')).toEqual([]);
  });
});

describe('a value the note gives of another version of the subject', () => {
  const question = 'TLS 1.3 的完整握手要几个往返才能发业务数据？它是怎么比 1.2 少掉一个往返的？';
  const note = ['Result: one round trip before app data (TLS 1.2 needed 2 RTT).', 'If the guessed group is unsupported, the server replies HelloRetryRequest: one extra RTT.'];

  it('does not excuse "TLS 1.3 needs 2 RTT" by the note\'s "TLS 1.2 needed 2 RTT"', () => {
    expect(contradicted(question, note, 'A full TLS 1.3 handshake needs 2 RTT before app data, same as TLS 1.2.')).toEqual([note[0]]);
    expect(contradicted(question, note, 'A full TLS 1.3 handshake needs two round trips before app data.')).toEqual([note[0]]);
  });

  it('accepts each version given its own value, in words or digits', () => {
    expect(contradicted(question, note, 'A full TLS 1.3 handshake needs only one round trip before app data, while TLS 1.2 needed 2 RTT.')).toEqual([]);
    expect(contradicted(question, note, 'TLS 1.3 needs 1 RTT, TLS 1.2 needed two round trips.')).toEqual([]);
  });

  it('takes "needs 2 RTT" as the changed number the question asks for ("几个往返")', () => {
    const said = { point: 6, cue: 'number' as const, said: 'A full TLS 1.3 handshake needs 2 RTT before app data' };
    expect(contradictsCore(question, flat, [said])).toBe(true);
    expect(contradictsCore('TLS 1.3 的握手是怎么加密的？', flat, [said])).toBe(false);
  });

  it('fails the answer that gives 1.3 the 2 RTT of 1.2 (on013 had scored 10)', () => {
    const reference =
      '# TLS 1.3 handshake (full, 1-RTT)\n\n1. ClientHello: supported cipher suites, plus a key_share: the client guesses the group (e.g. X25519) and sends its ephemeral public key right away.\n2. ServerHello: picks the suite and sends its own key_share. Both sides can now derive the handshake keys via (EC)DHE, so everything after ServerHello is encrypted: EncryptedExtensions, Certificate, CertificateVerify, Finished.\n3. Client verifies the cert chain and signature, sends Finished, and can send application data immediately.\n\nResult: one round trip before app data (TLS 1.2 needed 2 RTT).\n- If the guessed group is unsupported, the server replies HelloRetryRequest: one extra RTT.';
    const answer =
      'A full TLS 1.3 handshake needs 2 RTT before app data, same as TLS 1.2: the client sends ClientHello with cipher suites and a key_share, the server answers with ServerHello and its own key_share, and then one more round trip is needed after Finished before the client can send application data.';
    expect(scoreAnswer({ question, answer, references: [reference] }).score).toBeLessThanOrEqual(3);
  });
});
