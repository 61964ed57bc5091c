/**
 * Key points of notes written in Obsidian or exported from Notion/Feishu: the markup the reader never sees (comments,
 * tags, link brackets, pin emoji) is no part of a point, and a closing pointer elsewhere does not drop its claim.
 */
import { describe, expect, it } from 'vitest';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';

const pointsOf = (markdown: string): string[] => extractAllKeyPoints(markdown, 0).map((point) => point.text);

describe('Obsidian and toggle-export markup in key points', () => {
  it('drops comments and closing tags, and reads a link as its name', () => {
    expect(pointsOf('%% 这里以后补图 %%\n跳表是在有序链表上加多级索引，查找的平均复杂度是 O(logN)。\n')).toEqual(['跳表是在有序链表上加多级索引，查找的平均复杂度是 O(logN)。']);
    expect(pointsOf('- RDB 是某一时刻的快照，恢复快 #持久化\n- AOF 记录每条写命令，参考 [[Redis持久化|持久化笔记]]的配置\n')).toEqual([
      'RDB 是某一时刻的快照，恢复快',
      'AOF 记录每条写命令，参考 持久化笔记的配置',
    ]);
  });

  it('keeps a claim that ends by pointing elsewhere, and drops a line of links', () => {
    const points = pointsOf('- RDB 是某一时刻的快照\n- AOF 记录每条写命令\n- 生产上一般两者同时开启，参见 [[Redis持久化#混合持久化]]\n\n相关：[[CDN 调度]]、[[HTTP 请求全过程]]\n');
    expect(points).toContain('生产上一般两者同时开启');
    expect(points.some((point) => /CDN|\[\[/.test(point))).toBe(false);
  });

  it('drops a pin opening a bullet but keeps a cross, which says the bullet is wrong', () => {
    expect(pointsOf('- 📌 叶子节点用链表相连，范围查询只需顺序扫描\n- ❌ 在循环里用 defer 关闭文件\n')).toEqual(['叶子节点用链表相连，范围查询只需顺序扫描', '❌ 在循环里用 defer 关闭文件']);
  });
});
