/**
 * Issue 12, finding 8: `--help` works for every CLI command (the list comes from the CLI itself,
 * so a new command is covered as soon as it is in the table), and a wrong option is one line of
 * error plus the usage, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((settle) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'cli.ts'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => settle({ code, stdout, stderr }));
  });
}

const stackTrace = /\n\s+at [\w.<]/;

describe('npm run cli', () => {
  it('answers --help for the CLI and for every command, with exit code 0', async () => {
    const overview = await cli(['--help']);
    expect(overview.code, overview.stderr).toBe(0);
    const names = /<([a-z|-]+)>/.exec(overview.stdout)?.[1]?.split('|') ?? [];
    expect(names).toEqual(expect.arrayContaining(['index', 'search', 'questions', 'grade']));
    const helps = await Promise.all(names.map((name) => cli([name, '--help'])));
    helps.forEach((help, index) => {
      const name = names[index]!;
      expect(help.code, `${name}: ${help.stderr}`).toBe(0);
      expect(help.stdout, name).toMatch(new RegExp(`^usage: npm run (cli -- )?${name}\\b`));
      expect(help.stderr + help.stdout, name).not.toMatch(stackTrace);
    });
  }, 120_000);

  it('takes -h for --help, and reports an unknown option in one line with the usage, exit code 2, and no stack trace', async () => {
    const short = await cli(['questions', '-h']);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^usage: npm run cli -- questions/);
    const wrong = await cli(['questions', '--bogus']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(wrong.stderr).toContain('usage: npm run cli -- questions');
    expect(wrong.stderr).not.toMatch(stackTrace);
    const unknown = await cli(['karaoke']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown command "karaoke"/);
  }, 60_000);
});
