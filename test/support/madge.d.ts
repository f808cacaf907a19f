/** The part of madge's API (its README, "API") that the module-structure tests use; madge ships no types. */
declare module "madge" {
    interface MadgeConfig {
        fileExtensions?: string[];
        tsConfig?: string;
        excludeRegExp?: RegExp[];
    }
    interface MadgeResult {
        circular(): string[][];
        /** Every module reached, with the modules it imports (paths relative to the common folder). */
        obj(): Record<string, string[]>;
    }
    function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
    export default madge;
}
