import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateFacts } from "../../provider/doctor/facts";
import { loadTranscript, serializeTranscript } from "../../provider/doctor/transcript";
import { expect } from "../support/client";

/**
 * Transcripts of `pulumi-sslmanager doctor --demo-order` (test/doctor/fixtures, the sources: compiled tests run from
 * bin/). A recording against the real demo system goes here; a fact of docs/wire-format.md it contradicts fails the
 * test below, naming the fact and the transcript line.
 */
const fixtures = join(__dirname, "..", "..", "..", "test", "doctor", "fixtures");
const transcriptFiles = readdirSync(fixtures).filter((file) => file.endsWith(".jsonl"));

describe("doctor transcripts as fixtures", () => {
    it("finds the recorded transcripts", () => {
        expect(transcriptFiles).to.include.members(["simulator-json.jsonl", "simulator-xml.jsonl"]);
    });

    for (const file of transcriptFiles) {
        it(`${file} contradicts no inferred fact of docs/wire-format.md`, () => {
            const verdicts = evaluateFacts(loadTranscript(readFileSync(join(fixtures, file), "utf8")));
            expect(
                verdicts
                    .filter((verdict) => verdict.verdict === "contradicted")
                    .map((verdict) => `${verdict.fact}: ${verdict.evidence}`),
            ).to.deep.equal([]);
        });
    }

    it("turns an answer that drops the comment into a contradiction naming the fact and the line", () => {
        const transcript = loadTranscript(readFileSync(join(fixtures, "simulator-json.jsonl"), "utf8"));
        const info = transcript.exchanges.find((exchange) => exchange.task === "CertificateInfo")!;
        const answer = JSON.parse(info.response!.body) as { data: { comment?: string }[] };
        delete answer.data[0].comment;
        info.response!.body = JSON.stringify(answer);
        const reloaded = loadTranscript(serializeTranscript(transcript));
        const verdict = evaluateFacts(reloaded).find((candidate) => candidate.fact === "comment-kept-at-create")!;
        expect([verdict.verdict, verdict.evidence]).to.deep.equal([
            "contradicted",
            "sent on line 4; CertificateInfo on line 9 carries null",
        ]);
    });

    it("turns a list row asked for the comment key but answered without it into a contradiction naming the fact and the line", () => {
        const transcript = loadTranscript(readFileSync(join(fixtures, "simulator-json.jsonl"), "utf8"));
        const asked = transcript.exchanges.find(
            (exchange) => exchange.task === "CertificateList" && exchange.request.url.includes("keys[]=comment"),
        )!;
        const answer = JSON.parse(asked.response!.body) as { data: { comment?: string }[] };
        delete answer.data[0].comment;
        asked.response!.body = JSON.stringify(answer);
        const verdict = evaluateFacts(loadTranscript(serializeTranscript(transcript))).find(
            (candidate) => candidate.fact === "list-rows-carry-comment-when-asked",
        )!;
        expect([verdict.verdict, verdict.evidence]).to.deep.equal([
            "contradicted",
            "line 10 answers certificate 1000 without comment although asked",
        ]);
    });

    it("does not take a condition on comment in an XML list for a request of the comment key", () => {
        const transcript = loadTranscript(readFileSync(join(fixtures, "simulator-xml.jsonl"), "utf8"));
        const asked = transcript.exchanges.find(
            (exchange) =>
                exchange.task === "CertificateList" && /<\/view><key>comment<\/key>/.test(exchange.request.body ?? ""),
        )!;
        asked.request.body = asked.request.body!.replace("</view><key>comment</key>", "</view>");
        const verdict = evaluateFacts(loadTranscript(serializeTranscript(transcript))).find(
            (candidate) => candidate.fact === "list-rows-carry-comment-when-asked",
        )!;
        expect([verdict.verdict, verdict.evidence]).to.deep.equal([
            "not seen",
            "no Certificate List asked for the comment key answered the order's certificate",
        ]);
    });

    it("refuses a file that is not a transcript, naming the line", () => {
        expect(() =>
            loadTranscript(
                '{"transcript":"pulumi-sslmanager-transcript/1","backend":"internetx"}\n{"task":"JobInfo"}\n',
            ),
        ).to.throw("transcript line 2: not an exchange (task and request are required)");
        expect(() => loadTranscript("not json\n")).to.throw("transcript line 1 is not JSON");
    });
});
