import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { AppDeps, CompileStatus } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { readJsonBody } from '../validation.ts';

/** Where compiling is not possible here, the status says why and how. */
function unavailable(deps: Pick<AppDeps, 'config'>): CompileStatus {
  const reason = deps.config.llm
    ? '这里不能整理题库：请在构建索引的机器上运行 npm run index -- --llm，再部署新的索引'
    : '没有配置 LLM（OPENAI_API_KEY），题库按笔记解析的原样使用';
  return { available: false, reason, running: false, done: 0, total: 0, compiled: 0, refused: 0, failed: 0, cached: 0 };
}

/** GET /compile: the LLM compile's progress; POST /compile `{}`: starts it (a running one is left alone). */
export function compileRoutes(deps: Pick<AppDeps, 'config' | 'compiler'>, bodyBytes: number) {
  return new Hono<AppEnv>()
    .get('/compile', (c) => c.json(deps.compiler?.status() ?? unavailable(deps)))
    .post('/compile', limitBody(bodyBytes), async (c) => {
      await readJsonBody(c, z.object({}).strict());
      if (!deps.compiler) throw new AppError('bad_request', unavailable(deps).reason ?? 'compiling is not available here');
      return c.json(deps.compiler.start(), 202);
    });
}
