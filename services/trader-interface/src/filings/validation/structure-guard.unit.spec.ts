import { ErrorList, MAX_ERRORS } from './error-list';
import { pointerOfPath } from './json-pointer';
import { guardStructure } from './structure-guard';
import { completeAirF20 } from './validation-fixtures.test-harness';

const guard = (body: unknown) => {
  const errors = new ErrorList();
  return { guarded: guardStructure(body, errors), errors: errors.sorted().map(({ code, pointer }) => ({ code, pointer })) };
};

describe('structure guard (layer a)', () => {
  it('answers a copy of the body, equal to it and sharing no object with it', () => {
    const body = completeAirF20();
    const { guarded } = guard(body);
    expect(guarded?.body).toEqual(body);
    expect(guarded?.body).not.toBe(body);
    expect(guarded?.body.declarant).not.toBe(body.declarant);
  });

  it('drops members whose value is null', () => {
    expect(guard({ a: null, b: 1 }).guarded?.body).toEqual({ b: 1 });
  });

  it('accepts objects of another realm (structuredClone) and without prototype', () => {
    expect(guard(structuredClone({ a: [{ b: 'c' }] })).errors).toEqual([]);
    expect(guard(Object.assign(Object.create(null) as object, { a: 1 })).errors).toEqual([]);
  });

  it('refuses class instances', () => {
    class Filing {
      lrn = 'x';
    }
    expect(guard({ filing: new Filing() }).errors).toEqual([{ code: 'X06', pointer: '/filing' }]);
  });

  it('lists the strings that are not plain ASCII, with their element', () => {
    const { guarded } = guard({ name: 'Müller', city: 'Berlin', marks: ['東京'] });
    expect(guarded?.texts.map((text) => [pointerOfPath(text.path), text.element, text.value])).toEqual([
      ['/name', 'name', 'Müller'],
      ['/marks/0', 'marks', '東京'],
    ]);
  });

  it('survives 1,000,000-deep nesting without recursion', () => {
    let deep: unknown = {};
    for (let i = 0; i < 1_000_000; i += 1) deep = [deep];
    expect(guard({ a: deep }).errors).toEqual([{ code: 'X06', pointer: `/a${'/0'.repeat(11)}` }]);
  });

  it('reports a cycle as nesting too deep', () => {
    const body: Record<string, unknown> = {};
    body.self = body;
    expect(guard(body).errors).toEqual([{ code: 'X06', pointer: `${'/self'.repeat(12)}` }]);
  });

  it('stops at the error cap', () => {
    const body = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, Array.from({ length: 10 }, () => Number.NaN)]));
    expect(guard(body).errors).toHaveLength(MAX_ERRORS);
  });

  it('refuses a proxy whose traps throw, without throwing', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    expect(guard({ a: hostile }).errors).toEqual([{ code: 'X06', pointer: '/a' }]);
  });
});
