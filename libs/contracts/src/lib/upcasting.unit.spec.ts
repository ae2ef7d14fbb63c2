import { UpcasterChain } from './upcasting';

describe('upcasting', () => {
  const chain = new UpcasterChain([
    { type: 'EnsFilingRegistered', fromVersion: 1, upcast: (d) => ({ ...(d as object), mode: 'air' }) },
    {
      type: 'EnsFilingRegistered',
      fromVersion: 2,
      upcast: (d) => {
        const { mode, ...rest } = d as { mode: string };
        return { ...rest, modeOfTransport: mode.toUpperCase() };
      },
    },
  ]);

  it('applies every upcaster from the stored version to the current one, in order', () => {
    expect(chain.upcast('EnsFilingRegistered', 1, { lrn: 'L1' })).toEqual({
      data: { lrn: 'L1', modeOfTransport: 'AIR' },
      schemaVersion: 3,
    });
  });
  it('leaves current versions and other types untouched', () => {
    expect(chain.upcast('EnsFilingRegistered', 3, { lrn: 'L1' })).toEqual({ data: { lrn: 'L1' }, schemaVersion: 3 });
    expect(chain.upcast('EnsFilingAmended', 1, { x: 1 })).toEqual({ data: { x: 1 }, schemaVersion: 1 });
  });
  it('refuses two upcasters for the same version of a type', () => {
    const twice = { type: 'T', fromVersion: 1, upcast: (d: unknown) => d };
    expect(() => new UpcasterChain([twice, twice])).toThrow('two upcasters for T@1');
  });
});
