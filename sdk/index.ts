import * as internetx from "./internetx";
export { internetx };
