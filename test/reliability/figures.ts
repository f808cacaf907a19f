/**
 * Figures of the reliability suite, gathered across its files and printed as one summary line at the end of the
 * run: faults injected, faults survived, duplicate orders, bad inputs tried, secrets found.
 */
export const figures = {
    faultsInjected: 0,
    faultsSurvived: 0,
    duplicateOrders: 0,
    badInputsTried: 0,
    secretsFound: 0,
};

after(() => {
    console.log(
        `\n  reliability: faults injected ${figures.faultsInjected}, faults survived ${figures.faultsSurvived}, duplicate orders ${figures.duplicateOrders}, bad inputs tried ${figures.badInputsTried}, secrets found ${figures.secretsFound}\n`,
    );
});
