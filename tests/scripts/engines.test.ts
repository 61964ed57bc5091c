/**
 * Issue 12, finding 8: `npm ci` prints no EBADENGINE warning on the Node this project supports.
 * npm warns for every installed, non-optional package whose `engines.node` the running Node does
 * not satisfy; the lockfile records each package's engines, so the check needs no install.
 * (@langchain/community pulled @langchain/openai 1.6 and openai 7, both Node ≥ 22; an override
 * pins @langchain/openai 1.5, which uses the openai v6 this project already depends on.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const { satisfies } = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean };
const repoRoot = resolve(import.meta.dirname, '..', '..');

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}

it('every package npm ci installs accepts the running Node, as npm checks it', () => {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const ownRange = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  expect(satisfies(process.version, ownRange), `this project says Node ${ownRange}`).toBe(true);
  const refused = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.optional && !Array.isArray(entry.engines) && entry.engines?.node)
    .filter(([, entry]) => !satisfies(process.version, (entry.engines as { node: string }).node, { includePrerelease: true }))
    .map(([path, entry]) => `${path}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
  expect(refused, `EBADENGINE on ${process.version}`).toEqual([]);
});
