import { settings } from "./conf";

export function poll(done) {
  setTimeout(done, settings.poll);
}
