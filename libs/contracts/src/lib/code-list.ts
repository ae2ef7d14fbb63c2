/**
 * Whether a code is one of a code list's own entries (a `{ code: meaning }` table of the published language).
 * `code in LIST` is not that test: it also holds for the names every object inherits ('constructor', 'toString',
 * 'valueOf', '__proto__'...), so a door checking with it took them for codes and recorded them.
 */
export const isCodeOf = <L extends Readonly<Record<string, string>>>(list: L, code: string): code is Extract<keyof L, string> => Object.hasOwn(list, code);
