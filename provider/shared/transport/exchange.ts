/** One HTTP request and what it produced: the words the sender and the error ladder share. */

/** What one HTTP exchange produced, before any interpretation. */
export interface HttpExchange {
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
    /** The body as received, for answers that are files (a BILLmanager certificate download can be a zip). */
    bodyBytes?: Buffer;
}

export interface HttpCall {
    method: "GET" | "POST" | "PUT" | "DELETE";
    url: string;
    headers: Record<string, string>;
    body?: string;
    task: string;
}
