// The words of the console tools, in Chinese and English; merged into messages.ts.
export const zh = {
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
};
