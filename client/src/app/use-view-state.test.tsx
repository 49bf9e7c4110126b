import { act, renderHook } from '@testing-library/react';
import { useViewState } from './use-view-state';

beforeEach(() => window.history.replaceState(null, '', '/?indikator=sgb2_rate'));

describe('useViewState', () => {
  it('makes a chosen area a new history entry, so Back returns to the previous view', async () => {
    const { result } = renderHook(() => useViewState());
    const before = window.history.length;
    act(() => result.current[1]({ area: '62' }));
    expect(window.location.search).toBe('?indikator=sgb2_rate&gebiet=62');
    expect(window.history.length).toBe(before + 1);
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    expect(result.current[0].area).toBeNull();
  });

  it('only replaces the entry when the map is panned', () => {
    const { result } = renderHook(() => useViewState());
    const before = window.history.length;
    act(() => result.current[1]({ camera: [12.37, 51.34, 11] }));
    expect(window.location.search).toContain('karte=');
    expect(window.history.length).toBe(before);
  });

  it('keeps a hash out of the address it writes', () => {
    window.history.replaceState(null, '', '/?indikator=sgb2_rate#table');
    const { result } = renderHook(() => useViewState());
    act(() => result.current[1]({ year: 2020 }));
    expect(window.location.hash).toBe('');
  });
});
