/**
 * A real in-memory knowledge base (parser, chunker, BM25F, lexical embedder, exact vectors) built
 * from small synthetic notes, so grader tests exercise retrieval exactly as the product does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chunkEmbeddingText, chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { ExactVectorStore } from '../../src/retrieval/exact-vector-store.ts';
import { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';

/** A code quiz whose title says only what the code prints: questions about it name its code, not its title. */
export const runnextQuizNote = `# go

### 下面的代码会输出什么，并说明原因

\`\`\`go
func main() {
\truntime.GOMAXPROCS(1)
\twg := sync.WaitGroup{}
\twg.Add(10)
\tfor i := 0; i < 10; i++ {
\t\tgo func(i int) { fmt.Println("i: ", i); wg.Done() }(i)
\t}
\twg.Wait()
}
\`\`\`

创建一个 G 时，会优先放入 P 的 runnext 字段作为下一次优先调度的 G。因此最先输出的是最后创建的 G，也就是 9。
`;

export const sampleNotes: Record<string, string> = {
  'os-notes.md': `# 操作系统

## 进程和线程的区别

- 进程是操作系统资源分配的基本单位，线程是 CPU 调度的基本单位。
- 每个进程有独立的地址空间；同一进程内的线程共享地址空间和文件描述符，但各自有独立的栈和寄存器。
- 进程切换需要切换页表，开销大；线程切换只需保存和恢复寄存器与栈，开销小。

## 进程间通信方式

进程之间的数据交换必须通过内核提供的机制。

### 管道

管道是半双工的，数据只能单向流动，匿名管道只能用于有亲缘关系的进程之间。

### 消息队列

消息队列是内核中的消息链表，按消息为单位收发，克服了管道只能传输无格式字节流的问题。

### 共享内存

共享内存把同一段物理内存映射到多个进程的地址空间，是最快的进程间通信方式，但需要配合信号量做同步。
`,
  'network-notes.md': `# 网络

## TCP 为什么需要三次握手？

- 客户端发送 SYN，服务端回复 SYN+ACK，客户端再回复 ACK。
- 三次握手用来确认双方的发送和接收能力都正常，并同步双方的初始序列号。
- 如果只有两次握手，已经失效的历史连接请求到达服务端时，服务端会误建立连接、浪费资源。
`,
};

export async function buildNotesKnowledgeBase(notes: Record<string, string> = sampleNotes): Promise<HybridKnowledgeBase> {
  const encoder = new TextEncoder();
  const { cards } = buildQuestionBank(Object.entries(notes).map(([path, text]) => ({ path, bytes: encoder.encode(text) })));
  const chunks = chunkItems(cards);
  const embeddings = new LexicalEmbeddings();
  embeddings.setDocumentFrequencies(embeddings.documentFrequencies(chunks.map(chunkEmbeddingText)));
  return HybridKnowledgeBase.build({ cards, chunks, embeddings, vectorStore: new ExactVectorStore(embeddings) });
}

/** The seed notes in corpus/ by file name: the named files, or every note file. */
export function seedNotes(files?: readonly string[]): Record<string, string> {
  const corpus = new URL('../../corpus/', import.meta.url);
  const names = files ?? readdirSync(corpus).filter((file) => file.endsWith('.md'));
  return Object.fromEntries(names.map((file) => [file, readFileSync(new URL(file, corpus), 'utf8')]));
}
