import { ensureBuild } from '../../lib/cli/build.mjs';

/** The end-to-end tests run against the production build: make it if the sources changed. */
export default function setup() {
  ensureBuild();
}
