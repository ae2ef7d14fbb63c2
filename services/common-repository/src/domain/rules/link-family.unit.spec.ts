import { linkFamilyOf } from './link-family';

describe('link families', () => {
  it('puts partners in one family, whichever side is asked', () => {
    expect(linkFamilyOf('F21')).toBe('F21+F22');
    expect(linkFamilyOf('F22')).toBe('F21+F22');
    expect(linkFamilyOf('F15')).toBe(linkFamilyOf('F12'));
    expect(linkFamilyOf('F16')).toBe(linkFamilyOf('F12'));
  });
  it('keeps PLACI and pre-arrival families apart', () => expect(linkFamilyOf('F23')).not.toBe(linkFamilyOf('F21')));
  it('gives a filing without partners a family of its own', () => expect(linkFamilyOf('F20')).toBe('F20'));
});
