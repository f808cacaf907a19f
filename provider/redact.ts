/**
 * Removal of credentials from anything that may be logged, thrown or stored.
 *
 * Three shapes carry secrets on these APIs: the XML gateway's `<auth>` block (user, password, context in
 * the body, InterNetX help "Ordering SSL Certificates"), HTTP basic auth headers (JSON API), and BILLmanager's `authinfo=EMAIL:PASSWORD`
 * query parameter (ispmanager help "Reselling SSL certificates"). Known secret values are also replaced wherever they occur verbatim.
 */

export const REDACTED = "[REDACTED]";

const xmlPasswordElement = /<password>[\s\S]*?<\/password>/gi;
const authorizationHeader = /(authorization\s*[:=]\s*)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi;
const authinfoParameter = /(authinfo=)[^&\s"']*/gi;

/** Replaces every known secret value and every credential-shaped fragment in `text`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
    let result = text
        .replace(xmlPasswordElement, `<password>${REDACTED}</password>`)
        .replace(authorizationHeader, `$1$2 ${REDACTED}`)
        .replace(authinfoParameter, `$1${REDACTED}`);
    for (const secret of secrets) {
        if (secret && secret.length >= 3) {
            result = result.split(secret).join(REDACTED);
            const encoded = encodeURIComponent(secret);
            if (encoded !== secret) result = result.split(encoded).join(REDACTED);
        }
    }
    return result;
}

/** Keeps at most `limit` characters of a (redacted) body so errors stay readable. */
export function truncate(text: string, limit = 4000): string {
    return text.length <= limit ? text : `${text.slice(0, limit)}... [${text.length - limit} more characters]`;
}

interface MessageLike {
    text?: string;
    objects?: Array<{ type?: string; value?: string } | string>;
}

/** An object the API names as a password (`request.auth.password`): its value is never kept, whatever it holds. */
const passwordObject = /password/i;

/**
 * API messages with every secret removed from their texts and from the values of the objects they name. The gateway
 * quotes the refused value back (acmesh-official/acme.sh issue 5317: `<object><type>request.auth.context</type>
 * <value>"4"</value></object>`), so a refused password would come back the same way.
 */
export function redactMessages<T extends MessageLike>(
    messages: readonly T[],
    secrets: ReadonlyArray<string | undefined> = [],
): T[] {
    return messages.map((message) => ({
        ...message,
        ...(message.text !== undefined ? { text: redact(message.text, secrets) } : {}),
        ...(message.objects !== undefined
            ? {
                  objects: message.objects.map((object) => {
                      if (typeof object === "string") return redact(object, secrets);
                      if (object.value === undefined) return object;
                      return {
                          ...object,
                          value: passwordObject.test(object.type ?? "") ? REDACTED : redact(object.value, secrets),
                      };
                  }),
              }
            : {}),
    }));
}
