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
}
