import * as internetx from "./internetx";
import * as ispmanager from "./ispmanager";
export { internetx, ispmanager };
