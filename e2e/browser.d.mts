export declare function chromiumExecutable(): string | undefined;
export declare const chromiumArgs: readonly string[];
