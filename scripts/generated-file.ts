/** A file a generator owns: its repository-relative path and full content. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Header for generated TypeScript: says where the file comes from and that it is not edited. */
export function generatedHeader(source: string): string {
  return `// Generated from ${source} by \`pnpm generate\`. Do not edit.\n`;
}
