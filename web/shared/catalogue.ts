// A translation catalogue has the shape of the Chinese one (the reference): the same keys, every
// leaf a string. `const en: Catalogue<typeof zhCN>` does not compile when a key is missing or extra,
// and test/web/catalogues.test.ts checks the same at run time for every page.
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

/** Every key path of a catalogue, e.g. `common.language`. */
export function keyPaths(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
  );
}
