import { settings } from "./settings";

export function poll(done) {
  setTimeout(done, settings.poll);
}
