/** The part of madge's API (its README, "API") that the module-structure test uses; madge ships no types. */
declare module "madge" {
    interface MadgeConfig {
        fileExtensions?: string[];
        tsConfig?: string;
        excludeRegExp?: RegExp[];
    }
    interface MadgeResult {
        circular(): string[][];
    }
    function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
    export default madge;
}
