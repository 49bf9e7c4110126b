import { fetchAllPages } from './use-all-pages';

describe('fetchAllPages', () => {
  it('follows endCursor until the last page', async () => {
    const asked: (string | null)[] = [];
    const pages: Record<string, { nodes: number[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> = {
      start: { nodes: [1, 2], pageInfo: { hasNextPage: true, endCursor: 'a' } },
      a: { nodes: [3], pageInfo: { hasNextPage: true, endCursor: 'b' } },
      b: { nodes: [4], pageInfo: { hasNextPage: false, endCursor: null } },
    };
    const nodes = await fetchAllPages(async (after) => {
      asked.push(after);
      return pages[after ?? 'start']!;
    });
    expect(nodes).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([null, 'a', 'b']);
  });

  it('stops at maxPages and passes a failed page on', async () => {
    const endless = async () => ({ nodes: [0], pageInfo: { hasNextPage: true, endCursor: 'x' } });
    expect(await fetchAllPages(endless, 3)).toHaveLength(3);
    await expect(fetchAllPages(async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });
});
