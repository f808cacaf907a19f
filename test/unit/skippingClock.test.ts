import { clockFrom, skippingClock } from "../support/clock";
import { expect } from "../support/client";

const minute = 60_000;

describe("the clock of lifecycle tests that skips waits", () => {
    it("wakes concurrent sleepers earliest first and moves now forward by the longest sleep", async () => {
        const clock = skippingClock();
        const before = clock.now().getTime();
        const woken: number[] = [];
        await Promise.all([30, 10, 20].map((minutes) => clock.sleep(minutes * minute).then(() => woken.push(minutes))));
        expect(woken).to.deep.equal([10, 20, 30]);
        expect(clock.now().getTime() - before).to.be.at.least(30 * minute);
    });

    it("never runs behind the system clock and never goes back", async () => {
        const clock = skippingClock();
        const first = clock.now().getTime();
        await clock.sleep(5 * minute);
        const second = clock.now().getTime();
        expect(second).to.be.at.least(first + 5 * minute);
        expect(second).to.be.at.least(Date.now());
    });

    it("rejects an aborted sleep with the signal's reason and skips nothing for it", async () => {
        const clock = skippingClock();
        const controller = new AbortController();
        const sleeping = clock.sleep(60 * minute, controller.signal);
        controller.abort(new Error("cancelled by the engine"));
        await expect(sleeping).to.be.rejectedWith("cancelled by the engine");
        await clock.sleep(0);
        expect(clock.skippedMs()).to.equal(0);
    });

    it("moved to another date, runs on from there with the waits of the clock it was moved from", async () => {
        const clock = skippingClock();
        const before = clock.now().getTime();
        const at = new Date("2030-01-01T00:00:00.000Z");
        const moved = clockFrom(clock, at);
        expect(moved.now().getTime()).to.be.at.least(at.getTime());
        await moved.sleep(10 * minute);
        expect(moved.now().getTime()).to.be.at.least(at.getTime() + 10 * minute);
        expect(clock.now().getTime() - before).to.be.at.least(10 * minute);
    });
});
