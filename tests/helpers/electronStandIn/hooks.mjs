// Node module-resolution hook (module.register): `import … from 'electron'` in the built main process gets the
// stand-in, as Electron's own loader gives it the built-in module.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
