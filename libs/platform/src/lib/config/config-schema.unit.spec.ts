import { boolean, integer, oneOf, optional, port, string, url } from './config-fields';
import { ConfigError, defineConfig, mergeConfig } from './config-schema';

describe('defineConfig', () => {
  const schema = defineConfig({
    GRPC_PORT: port({ default: 50051 }),
    DATABASE_URL: url({ protocols: ['postgres:'], secret: true }),
    MODE: oneOf(['a', 'b'], { default: 'a' }),
    NOTE: optional(string()),
  });
  const good = { DATABASE_URL: 'postgres://u:p@h/db' };

  it('gives typed values and defaults', () => {
    expect(schema.parse(good)).toEqual({ GRPC_PORT: 50051, DATABASE_URL: 'postgres://u:p@h/db', MODE: 'a', NOTE: undefined });
    expect(schema.parse({ ...good, GRPC_PORT: ' 6000 ', MODE: 'b', NOTE: 'x' })).toMatchObject({ GRPC_PORT: 6000, MODE: 'b', NOTE: 'x' });
  });

  it('names the variable, the expectation and the value in one line', () => {
    expect(() => schema.parse({ ...good, GRPC_PORT: 'abc' })).toThrow(
      new ConfigError([{ variable: 'GRPC_PORT', message: 'GRPC_PORT must be an integer 1-65535, got "abc"' }]),
    );
    expect(() => schema.parse({ ...good, GRPC_PORT: 'abc' })).toThrow('config error: GRPC_PORT must be an integer 1-65535, got "abc"');
  });

  it.each([['0'], ['65536'], ['1.5'], ['-3'], ['80x']])('rejects port %s', (raw) => {
    const result = schema.validate({ ...good, GRPC_PORT: raw });
    expect(result.ok ? [] : result.issues.map((i) => i.variable)).toEqual(['GRPC_PORT']);
  });

  it('says when a required variable is missing', () => {
    expect(() => schema.parse({})).toThrow('config error: DATABASE_URL must be a URL starting with postgres://, but it is not set');
  });

  it('never echoes a secret value', () => {
    let line = '';
    try {
      schema.parse({ DATABASE_URL: 'mysql://user:hunter2@h/db' });
    } catch (e) {
      line = (e as Error).message;
    }
    expect(line).toMatch(/^config error: DATABASE_URL must be a URL starting with postgres:\/\//);
    expect(line).not.toContain('hunter2');
  });

  it('lists the other wrong variables on the same line', () => {
    expect(() => schema.parse({ GRPC_PORT: 'x', MODE: 'c' })).toThrow(
      /^config error: GRPC_PORT must be an integer 1-65535, got "x" \(also wrong: DATABASE_URL, MODE\)$/,
    );
  });

  it('shortens long values and keeps the message on one line', () => {
    const result = schema.validate({ ...good, MODE: `${'z'.repeat(100)}\nsecond line` });
    const message = result.ok ? '' : result.issues[0]!.message;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(120);
  });

  it('checks rules across variables once each variable is valid', () => {
    const withRule = defineConfig({ A: optional(integer()), B: optional(integer()) }, (c) =>
      c.A !== undefined && c.B === undefined ? { variable: 'B', message: 'B must be set when A is' } : undefined,
    );
    expect(withRule.validate({ A: '1' })).toEqual({ ok: false, issues: [{ variable: 'B', message: 'B must be set when A is' }] });
    expect(withRule.validate({ A: '1', B: '2' })).toEqual({ ok: true, config: { A: 1, B: 2 } });
  });

  it('merges two definitions and refuses a variable defined twice', () => {
    const merged = mergeConfig(schema, defineConfig({ FLAG: boolean({ default: false }) }));
    expect(merged.parse({ ...good, FLAG: 'yes' })).toMatchObject({ FLAG: true, GRPC_PORT: 50051 });
    expect(() => mergeConfig(schema, defineConfig({ MODE: string() }))).toThrow('MODE is defined twice');
  });
});
