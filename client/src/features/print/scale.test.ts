import { metresPerPixel, scaleBar } from './scale';

describe('scale bar of printed maps', () => {
  it('Web Mercator: at the equator and zoom 0 one pixel of 512 is a 512th of the circumference', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(40075016.686 / 512, 3);
    // Leipzig (51.34° N) at zoom 11: by hand 40075016.686 × cos(51.34°) / (512 × 2048) ≈ 23.89 m
    expect(metresPerPixel(51.34, 11)).toBeCloseTo(23.89, 1);
  });

  it('takes the longest round distance that fits, in km from 1000 m', () => {
    // 23.89 m/px × 120 px = 2867 m → 2 km, 83.7 px
    const bar = scaleBar(23.89, 120);
    expect(bar.metres).toBe(2000);
    expect(bar.label).toBe('2 km');
    expect(bar.px).toBeCloseTo(2000 / 23.89, 5);
    expect(scaleBar(3, 120).label).toBe('200 m');
    expect(scaleBar(100, 120, 'en').label).toBe('10 km');
    expect(scaleBar(4.2, 120).metres).toBe(500);
  });
});
