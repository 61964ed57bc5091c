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

describe('a transfer said the other way round', () => {
  // corpus/image-service-project-qa.md, "mysql主从模式是什么？".
  const replication = '从服务器将主服务器的二进制日志复制到自己的中继日志（Relay Log），然后从该中继日志中重放这些操作，从而保持与主服务器的数据同步。';
  const asked = 'MySQL 主从复制里，从库具体是怎么跟上主库的？中继日志在中间起什么作用？';

  it('reads the relay log copied into the binary log as the note\'s copy reversed, whose log it is left out', () => {
    expect(contradictedIn(asked, replication, '从服务器再把中继日志复制到自己的二进制日志，然后从二进制日志中重放这些操作。')).toHaveLength(1);
  });

  it('leaves the copy in the note\'s direction alone, in fewer words', () => {
    expect(contradictedIn(asked, replication, '从服务器把主库的二进制日志复制到自己的中继日志里，再从中继日志重放。')).toEqual([]);
  });
});
