export function buildInputs(): string[];
export function sourceFingerprint(): string;
export function isBuildCurrent(): boolean;
export function ensureBuild(options?: { log?: (message: string) => void; typeCheck?: boolean; quiet?: boolean; background?: boolean; signal?: AbortSignal }): Promise<boolean>;
