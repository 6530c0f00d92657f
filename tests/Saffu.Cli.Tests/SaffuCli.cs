using System.CommandLine;
using Saffu.Cli;

namespace Saffu.Cli.Tests;

/// <summary>Runs the `saffu` command as the tool does (parse, then invoke), capturing stdout and stderr.</summary>
internal static class SaffuCli
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = SaffuCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The same parse-then-invoke path as SaffuCommand.Run for one command built by the test (e.g. with stdin from a string).</summary>
    public static (int Code, string Output, string Error) Run(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0) return (SaffuCommand.Usage, "", string.Join('\n', parsed.Errors.Select(e => e.Message)));
        int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
