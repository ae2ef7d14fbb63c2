import { localeClause } from './scratch-database';

// The scratch database must sort text as the live one does: its CREATE DATABASE repeats the live locale.
describe('scratch database locale', () => {
  it('repeats a libc locale (PostgreSQL 15+ names the provider)', () => {
    expect(localeClause({ encoding: 'UTF8', datcollate: 'en_US.UTF-8', datctype: 'en_US.UTF-8', datlocprovider: 'c' })).toBe(
      "ENCODING 'UTF8' LC_COLLATE 'en_US.UTF-8' LC_CTYPE 'en_US.UTF-8' LOCALE_PROVIDER libc",
    );
  });

  it('repeats an ICU locale, from datlocale (17+) or daticulocale (15, 16)', () => {
    expect(localeClause({ encoding: 'UTF8', datcollate: 'C', datctype: 'C', datlocprovider: 'i', datlocale: 'und-x-icu' })).toContain("LOCALE_PROVIDER icu ICU_LOCALE 'und-x-icu'");
    expect(localeClause({ encoding: 'UTF8', datcollate: 'C', datctype: 'C', datlocprovider: 'i', daticulocale: 'de-DE' })).toContain("ICU_LOCALE 'de-DE'");
  });

  it('repeats a builtin locale', () => {
    expect(localeClause({ encoding: 'UTF8', datcollate: 'C', datctype: 'C', datlocprovider: 'b', datlocale: 'C.UTF-8' })).toContain("LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'");
  });

  it('names no provider on a server older than 15', () => {
    expect(localeClause({ encoding: 'UTF8', datcollate: 'C', datctype: 'C' })).toBe("ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
  });

  it('quotes what it repeats', () => {
    expect(localeClause({ encoding: 'UTF8', datcollate: "x'y", datctype: 'C' })).toContain("LC_COLLATE 'x''y'");
  });
});
