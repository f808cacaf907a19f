import { ApiValidationError, NotFoundError } from "../../errors";

/**
 * "Gone" read back from the list when the refusal alone does not say it. InterNetX publishes no not-found answer for
 * the XML gateway (it answers errors with HTTP 200, and the one code once taken for "not found", EF02022, is a
 * duplicate entry in a real answer: go-acme/lego providers/dns/autodns/internal/fixtures/error.json). So a refused
 * Info or Delete is "gone" only when the object's own list, filtered on its id, counts no object at all.
 *
 * That proof holds whether or not the server honours the filter: a list that ignores it counts every object of the
 * account, so a count of 0 means the account has none at all, this one included. One row of another id is no proof.
 */
export function listProvesGone(list: { total: number; ids: readonly string[] }): boolean {
    return list.total === 0 && list.ids.length === 0;
}

/** The list filtered on one id, with one row at most: enough to tell "none at all" from "some". */
export function idQuery(id: string) {
    return { filters: [{ key: "id", value: id, operator: "EQUAL" as const }], view: { limit: 1 } };
}

/**
 * The error to throw for a failed Info or Delete of `id`: a NotFoundError only when the list proves the object gone.
 * That holds for a plain refusal (an API answer not already classified: ApiValidationError) and for an answer the
 * gone table takes for "gone" (HTTP 404 with an envelope, gone.ts): a wrong base URL or a proxy answers every route
 * with 404, and the list then fails or counts the object, so a live certificate is never dropped from the stack on
 * a 404 alone. A failing list leaves a plain refusal as it was, and turns an unproven "gone" into a refusal that
 * says why it was not taken for gone.
 */
export async function goneOrError(
    error: unknown,
    list: () => Promise<{ total: number; ids: readonly string[] }>,
    listTask: string,
    id: string,
): Promise<unknown> {
    if (!(error instanceof ApiValidationError) && !(error instanceof NotFoundError)) return error;
    const unproven = await whyNotGone(list, listTask, id);
    if (unproven === undefined)
        return error instanceof NotFoundError
            ? error
            : new NotFoundError(`${error.message}; ${listTask} counts no object with id ${id}`, detailsOf(error));
    return error instanceof NotFoundError ? unprovenGone(error, unproven) : error;
}

/** Undefined when the list filtered on the id proves the object gone, else what it showed instead. */
async function whyNotGone(
    list: () => Promise<{ total: number; ids: readonly string[] }>,
    listTask: string,
    id: string,
): Promise<string | undefined> {
    try {
        const answer = await list();
        return listProvesGone(answer)
            ? undefined
            : `${listTask} filtered on id ${id} counts ${answer.total} object${answer.total === 1 ? "" : "s"}`;
    } catch (listError) {
        return `${listTask} filtered on id ${id} failed: ${(listError as Error).message}`;
    }
}

/** A not-found answer the list does not confirm: reported as a refusal, so read and delete keep the object. */
function unprovenGone(error: NotFoundError, why: string): ApiValidationError {
    return new ApiValidationError(`${error.message}; not taken for gone: ${why}`, detailsOf(error));
}

function detailsOf(error: ApiValidationError | NotFoundError) {
    return {
        task: error.task,
        httpStatus: error.httpStatus,
        statusCode: error.statusCode,
        statusType: error.statusType,
        statusText: error.statusText,
        stid: error.stid,
        ctid: error.ctid,
        messages: error.messages,
    };
}
