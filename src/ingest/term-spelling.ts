/**
 * Names spelled as they are written in print. Notes are typed fast and in lowercase ("rpc", "mysql",
 * "golang gc"); a question read out or shown by the interviewer spells them the way the industry
 * does ("RPC", "MySQL", "Golang GC"). This is general vocabulary — acronyms and product names any
 * backend interview uses — not a list of one note's phrases. Words that are also ordinary
 * identifiers in code ("cap", "select", "map", "epoll") keep the note's spelling.
 */

const acronyms = [
  'rpc', 'tcp', 'udp', 'http', 'https', 'ip', 'dns', 'ssl', 'tls', 'url', 'api', 'cdn', 'syn', 'ack', 'fin',
  'gc', 'stw', 'cpu', 'gpu', 'io', 'sql', 'nosql', 'acid', 'mvcc', 'aof', 'rdb', 'lsm', 'jwt', 'mq', 'pv', 'qps', 'tps',
  'lfu', 'lru', 'fifo', 'ttl', 'json', 'xml', 'dfs', 'bfs', 'oom', 'cas', 'tlb', 'mmu', 'lvs', 'nat', 'arp', 'icmp',
];

const productNames = [
  'gRPC', 'MySQL', 'Redis', 'Golang', 'Go', 'Kubernetes', 'K8s', 'Linux', 'Java', 'RabbitMQ', 'Kafka', 'WebSocket', 'ZooKeeper',
  'Raft', 'Paxos', 'Ceph', 'MinIO', 'Memcached', 'Gin', 'Nginx', 'Docker', 'Git', 'RESTful', 'Python', 'MongoDB',
  'Elasticsearch', 'PostgreSQL', 'Spark', 'HBase', 'Hive',
];

const spelling = new Map<string, string>([...acronyms.map((word) => [word, word.toUpperCase()] as const), ...productNames.map((name) => [name.toLowerCase(), name] as const)]);

/**
 * A Latin word as a whole: "go-micro", "sync.Map", "c++20" and "top10" are words of their own and
 * keep their spelling; "golang" in "golang基于" is one.
 */
const latinWord = /[A-Za-z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9+#]+)*[+#]*/g;

/** The question with each acronym and product name spelled as printed; a capital the note wrote stays. */
export function withNamesSpelled(question: string): string {
  return question.replace(latinWord, (word) => (word === word.toLowerCase() ? (spelling.get(word) ?? word) : word));
}
