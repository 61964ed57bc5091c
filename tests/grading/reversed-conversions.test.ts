import { describe, expect, it } from 'vitest';
import { contradictedIn } from './contradicted-in.ts';

describe('a conversion said the other way round (reversed-conversions.ts)', () => {
  // corpus/image-service-project-qa.md, "字节流（大小端）".
  const byteOrder = '- htonl 和 htons 将主机字节序转换为网络字节序，ntohl 和 ntohs 将网络字节序转换为主机字节序。';
  const asked = '网络编程里 htonl、htons、ntohl、ntohs 这几个函数是干嘛的？';

  it('reads the same function turning the other way, for the pair or for one of it', () => {
    expect(contradictedIn(asked, byteOrder, 'htonl 和 htons 将网络字节序转换为主机字节序。')).toHaveLength(1);
    expect(contradictedIn(asked, byteOrder, 'ntohl 就是把主机字节序转成网络字节序。')).toHaveLength(1);
  });

  it('leaves each function turning the note\'s way alone', () => {
    expect(contradictedIn(asked, byteOrder, 'htonl 把主机字节序转成网络字节序，ntohl 把网络字节序转成主机字节序。')).toEqual([]);
  });
});
