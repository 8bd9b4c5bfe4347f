// web-ext ships no types; the part of its programmatic API that lint-firefox.ts uses.
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output?: 'json' | 'text' | 'none'; warningsAsErrors?: boolean; selfHosted?: boolean },
        options?: { shouldExitProgram?: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
