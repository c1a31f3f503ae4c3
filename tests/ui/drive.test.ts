import { describe, expect, it } from 'vitest';
import { driveOfPower, parseDrive } from '../../src/ui/drive.ts';
import { RULES } from '../../src/ui/plan-helpers.ts';

// The sonication's drive typed as a power, a surface pressure or a velocity (issue 8: media and sources as the
// peers' users set them), one convention W = ½·ρc·u²·A.
const drive = { area: 208 * Math.PI * 0.003 ** 2, impedance: 1000 * 1500 };

describe('the drive field', () => {
  it('takes a power as it is', () => {
    expect(parseDrive('50 W', RULES.power, drive)).toEqual({ ok: true, value: 50 });
    expect(parseDrive('50', RULES.power, drive)).toEqual({ ok: true, value: 50 });
  });

  it('turns a surface pressure into W = p²·A/(2ρc)', () => {
    const parsed = parseDrive('0.2 MPa', RULES.power, drive);
    expect(parsed.ok && parsed.value).toBeCloseTo((0.2e6 ** 2 * drive.area) / (2 * drive.impedance), 9);
  });

  it('turns a normal velocity into W = ½·ρc·u²·A, and back', () => {
    const parsed = parseDrive('0.1 m/s', RULES.power, drive);
    const watts = 0.5 * drive.impedance * 0.01 * drive.area;
    expect(parsed.ok && parsed.value).toBeCloseTo(watts, 9);
    const back = driveOfPower(watts, drive);
    expect(back.velocity).toBeCloseTo(0.1, 12);
    expect(back.pressure).toBeCloseTo(0.1 * drive.impedance, 6);
  });

  it('refuses a pressure whose power is out of range, saying what it comes to, and what is no drive at all', () => {
    const high = parseDrive('5 MPa', RULES.power, drive);
    expect(!high.ok && high.error).toMatch(
      /^That is [\d.]+ (×\s10\S+ )?W \(W = ½·ρc·u²·A.*the power must be between 0.1 and 500 W\.$/,
    );
    const wrong = parseDrive('3 s', RULES.power, drive);
    expect(!wrong.ok && wrong.error).toBe('"3 s" is not a power (W), a surface pressure (Pa) or a velocity (m/s).');
  });
});
