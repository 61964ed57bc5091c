import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { BenchSection } from './bench.ts';

// Read from node_modules directly: some packages (hono) hide package.json behind their exports map.
function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function writeBenchReport(sections: BenchSection[], path = 'bench-report.md'): Promise<string> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    '# MianBa benchmark report',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
    `- node ${process.version}; hono ${versionOf('hono')}; hnswlib-node ${versionOf('hnswlib-node')}; @langchain/community ${versionOf('@langchain/community')}; better-sqlite3 ${versionOf('better-sqlite3')}`,
    '',
  ];
  const body = sections.flatMap((s) => [`## ${s.title}`, '', s.markdown, '']);
  await writeFile(path, [...header, ...body].join('\n'));
  return path;
}
