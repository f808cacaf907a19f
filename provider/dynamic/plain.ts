/**
 * The dynamic-provider server packs results into protobuf Structs, which reject `undefined`; absent outputs are
 * left out instead.
 */
export function plain<T extends object>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}
