/** A save/bgsave note (the seed notes' RDB note, abridged) that feedback.test.ts and answer-flags.test.ts grade answers against. */
export const rdbQuestion = 'save 和 bgsave 有什么区别？';
export const rdbNote = `redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程
- save是在主线程中写入RDB文件，会造成阻塞。
- bgsave是创建一个子进程来写入RDB文件，不会造成阻塞。

那么在bgsave中，通过fork函数创建的子进程会和父进程共享同一片内存数据，因为在fork的时候，子进程会复制父进程的页表数据。这样是为了减少创建子进程时的性能损耗，毕竟创建子进程的过程中，是会阻塞主线程的。`;
