import { main } from './main';

/** Runs the command line of this process and sets its exit code. */
export function run(): void {
  main(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
  }).then(code => {
    process.exitCode = code;
  });
}
