// The part of @doyensec/electronegativity's programmatic API the tests use (the package ships
// no types). See node_modules/@doyensec/electronegativity/src/runner.js.
declare module '@doyensec/electronegativity' {
  interface Level {
    value: number;
    name: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'CERTAIN' | 'FIRM' | 'TENTATIVE';
  }

  export interface Issue {
    /** The scanned file, or 'N/A' for a global finding. */
    file: string;
    id: string;
    /** 1-based line, 0-based column; 0:0 for a global finding. */
    location: { line: number; column: number };
    sample?: string;
    description: string;
    severity: Level;
    confidence: Level;
    manualReview: boolean;
  }

  export interface RunOptions {
    input: string;
    output?: string;
    isSarif?: boolean;
    customScan?: string[];
    excludeFromScan?: string[];
    severitySet?: string;
    confidenceSet?: string;
    isRelative?: boolean;
    electronUpgrade?: string;
    /** The Electron version the checks assume (their defaults differ by version). */
    electronVersionOverride?: string;
    parserPlugins?: string[];
  }

  export interface RunResult {
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: Issue[];
  }

  export default function run(options: RunOptions, forCli?: boolean): Promise<RunResult>;
}
