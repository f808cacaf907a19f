import { Envelope } from "../envelope";
import { TaskRequest } from "../tasks";

/**
 * A transport carries one task to the API and returns the envelope in the JSON API's shape, or throws a typed
 * error (errors.ts). JSON and XML implement it; services never know which one runs.
 */
export interface Transport {
    readonly protocol: "json" | "xml";
    send(request: TaskRequest): Promise<Envelope>;
    close(): Promise<void>;
}

export interface Credentials {
    user: string;
    password: string;
    context: string;
}
