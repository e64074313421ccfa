export function recordTiming(kind: string, ms: number, detail?: string): void;
