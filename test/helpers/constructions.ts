/**
 * How many times `owner[name]` is constructed (`new URL(…)`, `new Intl.NumberFormat(…)`)
 * while `act` runs: work counted, not timed. The constructor is put back afterwards.
 */
export async function constructionsDuring<Owner extends object>(owner: Owner, name: keyof Owner & string, act: () => unknown): Promise<number> {
  const real = owner[name] as unknown as new (...args: unknown[]) => object;
  let built = 0;
  (owner as Record<string, unknown>)[name] = new Proxy(real, {
    construct(target, args) {
      built++;
      return Reflect.construct(target, args);
    },
  });
  try {
    await act();
  } finally {
    (owner as Record<string, unknown>)[name] = real;
  }
  return built;
}
