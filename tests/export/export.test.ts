import { describe, expect, it } from 'vitest';
import { csvField, seriesToCsv } from '../../src/export/csv.ts';
import { parseNrrd, toNrrd } from '../../src/export/nrrd.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import type { TimeSeries } from '../../src/worker/results-protocol.ts';

const grid: VoxelGrid = { nx: 3, ny: 4, nz: 5, spacing: 0.0008, origin: [-0.012, 0.0304, 0.1] };
const volume = Float32Array.from({ length: 60 }, (_, v) => 37 + Math.sin(v) * 20 + v * 1e-3);
volume[7] = 1e30;
volume[8] = -0;
volume[9] = 3.4e-38;

describe('NRRD export', () => {
  const bytes = toNrrd(volume, grid, { content: 'maximum temperature', unit: 'degC' });
  const text = new TextDecoder().decode(bytes.subarray(0, bytes.length - 4 * 60));

  it('round trip of a small volume is exact', () => {
    const parsed = parseNrrd(bytes);
    expect(parsed.sizes).toEqual([3, 4, 5]);
    expect(parsed.data).toEqual(volume);
    expect(Object.is(parsed.data[8], -0)).toBe(true);
  });

  it('header: NRRD0005, float, 3-D, sizes, mm spacing and origin, little-endian raw, content and unit', () => {
    const { fields, keyValues } = parseNrrd(bytes);
    expect(text.startsWith('NRRD0005\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(true);
    expect(fields.type).toBe('float');
    expect(fields.dimension).toBe('3');
    expect(fields['space dimension']).toBe('3');
    expect(fields.sizes).toBe('3 4 5');
    expect(fields['space directions']).toBe('(0.8,0,0) (0,0.8,0) (0,0,0.8)');
    expect(fields['space origin']).toBe('(-12,30.4,100)');
    expect(fields['space units']).toBe('"mm" "mm" "mm"');
    expect(fields.endian).toBe('little');
    expect(fields.encoding).toBe('raw');
    expect(fields.content).toBe('maximum temperature');
    expect(keyValues.unit).toBe('degC');
    // The data are the last 4·N bytes, little-endian float32.
    const view = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 240, 240);
    expect(view.getFloat32(0, true)).toBe(volume[0]);
    expect(view.getFloat32(4 * 7, true)).toBe(volume[7]);
  });

  it('anatomical space when given; newlines cannot break the header; key/values escaped', () => {
    const b = toNrrd(volume, grid, {
      content: 'dose\nline two',
      unit: 'CEM43 min',
      space: 'right-anterior-superior',
      keyValues: { case: 'femur\\shaft\nleft' },
    });
    const p = parseNrrd(b);
    expect(p.fields.space).toBe('right-anterior-superior');
    expect(p.fields['space dimension']).toBeUndefined();
    expect(p.fields.content).toBe('dose line two');
    expect(p.keyValues.unit).toBe('CEM43 min');
    expect(p.keyValues.case).toBe('femur\\shaft\nleft');
    expect(p.data).toEqual(volume);
  });

  it('a volume of the wrong length is refused', () => {
    expect(() => toNrrd(new Float32Array(59), grid, { content: 'x', unit: 'y' })).toThrow(RangeError);
  });
});

describe('CSV export of a time series', () => {
  const series: TimeSeries = {
    time: Float64Array.of(0, 0.25, 0.5),
    points: [
      [0, 0, 0],
      [0.001, 0, 0],
    ],
    labels: ['focus', 'bone surface'],
    // row-major by point: focus 37, 38.5, 40.25; bone 37, 37.125, NaN
    temperature: Float32Array.of(37, 38.5, 40.25, 37, 37.125, Number.NaN),
    dose: Float32Array.of(0, 0.001953125, 0.75, 0, 0, Number.NaN),
  };

  it('header and rows, checked by hand', () => {
    const csv = seriesToCsv(series);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'time_s,focus temperature_C,focus dose_CEM43min,bone surface temperature_C,bone surface dose_CEM43min',
    );
    expect(lines[1]).toBe('0,37,0,37,0');
    expect(lines[2]).toBe('0.25,38.5,0.001953125,37.125,0');
    expect(lines[3]).toBe('0.5,40.25,0.75,,');
    expect(lines[4]).toBe('');
    expect(lines.length).toBe(5);
  });

  it('Float32 values are written to 7 significant digits, "." decimal', () => {
    const csv = seriesToCsv({
      ...series,
      time: Float64Array.of(20.25),
      labels: ['focus'],
      points: [[0, 0, 0]],
      temperature: Float32Array.of(41.3),
      dose: Float32Array.of(1e30),
    });
    expect(csv.split('\r\n')[1]).toBe('20.25,41.3,1e+30');
  });

  it('labels with a comma or a quote are quoted (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('the "nerve"')).toBe('"the ""nerve"""');
    const csv = seriesToCsv({ ...series, labels: ['focus, deep', 'say "hi"'] });
    expect(csv.split('\r\n')[0]).toBe(
      'time_s,"focus, deep temperature_C","focus, deep dose_CEM43min","say ""hi"" temperature_C","say ""hi"" dose_CEM43min"',
    );
  });
});
