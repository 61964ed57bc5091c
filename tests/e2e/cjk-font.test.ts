/**
 * Issue 12, finding 8: Chinese text renders as Chinese in Chromium, not as boxes, so the e2e
 * screenshots are readable. Without a CJK font every character below is drawn as the same
 * "missing glyph" box; `.ci/run` installs fonts-noto-cjk next to Chromium for that reason.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it('draws distinct glyphs for distinct Chinese characters', async () => {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><meta charset="utf-8"><body style="font-family: sans-serif">面霸</body>');
    const drawings = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d')!;
      return ['面', '霸', '试', '题'].map((character) => {
        context.clearRect(0, 0, 48, 48);
        context.font = '40px sans-serif';
        context.fillText(character, 4, 40);
        const pixels = context.getImageData(0, 0, 48, 48).data;
        let inked = 0;
        let signature = 0;
        for (let index = 3; index < pixels.length; index += 4) {
          if (pixels[index]! > 0) inked += 1;
          signature = (signature * 31 + pixels[index]!) >>> 0;
        }
        return { character, inked, signature };
      });
    });
    for (const drawing of drawings) expect(drawing.inked, `${drawing.character} leaves ink`).toBeGreaterThan(20);
    expect(new Set(drawings.map((drawing) => drawing.signature)).size, 'four characters, four different glyphs').toBe(4);
  } finally {
    await page.close();
  }
});
