/**
 * @module
 * The command line: argv → one command of the tree → exit code. The only layer that prints or
 * exits; everything it shows comes from the layers below as values.
 */
export { main } from "./main.ts";
