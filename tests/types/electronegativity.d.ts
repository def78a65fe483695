declare module '@doyensec/electronegativity' {
  /** Programmatic entry of Doyensec's Electronegativity (dist/runner.js); untyped upstream. */
  const run: (options: { input: string; electronVersionOverride?: string; isRelative?: boolean }) => Promise<{
    issues: { id: string; severity: { value: number; name?: string }; file: string; location: { line: number } }[];
    errors: unknown[];
    atomicChecks: number;
  }>;
  export default run;
}
