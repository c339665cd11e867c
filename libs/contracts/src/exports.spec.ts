import { describe, expect, it } from 'vitest';
import { exportFileName, exportQuerySchema } from './exports';

describe('exportFileName', () => {
  const at = new Date('2026-12-01T10:30:45.123Z');

  it('names the exercise first, the operation, the marking (colon made safe) and the minute', () => {
    expect(exportFileName({ operationCode: 'EX-SADAO-SHIELD', exercise: true, marking: 'TLP:AMBER+STRICT', format: 'kml', at })).toBe(
      'EXERCISE_EX-SADAO-SHIELD_TLP-AMBER+STRICT_20261201T1030Z.kml',
    );
    expect(exportFileName({ operationCode: 'OP-MEKONG-GATE', exercise: false, marking: 'TLP:CLEAR', format: 'tak', at })).toBe('OP-MEKONG-GATE_TLP-CLEAR_20261201T1030Z.zip');
  });

  it('keeps path characters out of the name', () => {
    expect(exportFileName({ operationCode: '../x y', exercise: false, marking: 'TLP:RED', format: 'csv', at })).toBe('___x_y_TLP-RED_20261201T1030Z.csv');
  });
});

describe('exportQuerySchema', () => {
  it('takes the format and the map filters as comma-separated lists', () => {
    expect(exportQuerySchema.parse({ format: 'geojson', layers: 'teams,reports', kind: 'alert', agency: 'KH-GDI,VN-BGC' })).toEqual({
      format: 'geojson',
      layers: ['teams', 'reports'],
      kind: ['alert'],
      agency: ['KH-GDI', 'VN-BGC'],
    });
  });

  it('refuses an unknown format, layer or agency code', () => {
    expect(exportQuerySchema.safeParse({ format: 'shp' }).success).toBe(false);
    expect(exportQuerySchema.safeParse({ format: 'csv', layers: 'heatmap' }).success).toBe(false);
    expect(exportQuerySchema.safeParse({ format: 'csv', agency: 'kh gdi' }).success).toBe(false);
    expect(exportQuerySchema.safeParse({ format: 'csv', extra: '1' }).success).toBe(false);
  });
});
