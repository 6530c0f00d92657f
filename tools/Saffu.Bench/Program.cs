using Saffu.Bench;

// Runtime benchmark (issue 4): a plain Stopwatch loop, not a timed test. See README.md.
return RuntimeBench.Run(args);
