import { visibleDiff } from "../../provider/native/visibleDiff";
import { expect } from "../support/client";

describe("the diff the CLI shows of a native resource", () => {
    const olds = {
        name: "www.example.com",
        subjectAlternativeNames: ["example.com"],
        product: "QUICKSSLPREMIUM",
        orderReference: "psm1-11111111111111111111111111111111",
    };

    it("shows the names that changed and never the order reference the provider renewed", () => {
        const news = {
            ...olds,
            subjectAlternativeNames: ["example.com", "api.example.com"],
            orderReference: "psm1-22222222222222222222222222222222",
        };
        expect(visibleDiff(olds, news)).to.deep.equal({
            diffs: ["subjectAlternativeNames"],
            detailedDiff: { subjectAlternativeNames: { kind: "update", replace: false } },
        });
    });

    it("marks the inputs that replace, and tells added from removed", () => {
        const { orderReference: _reference, ...program } = olds;
        const news = { ...program, product: "RAPIDSSL", onDestroy: "keep", subjectAlternativeNames: undefined };
        expect(visibleDiff(olds, news, ["product"])).to.deep.equal({
            diffs: ["onDestroy", "product", "subjectAlternativeNames"],
            detailedDiff: {
                onDestroy: { kind: "add", replace: false },
                product: { kind: "update", replace: true },
                subjectAlternativeNames: { kind: "delete", replace: false },
            },
        });
    });
});
