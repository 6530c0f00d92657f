using System.Runtime.InteropServices;

namespace Saffu.Compare;

/// <summary>When and where a run happened, for the report.</summary>
internal sealed record RunInfo(DateTime StartedUtc, string Machine, string Command, int Seed, string LoadAtStart)
{
    public static RunInfo Now(CompareSettings settings) =>
        new(DateTime.UtcNow, Describe(), settings.CommandLine(), settings.Seed, LoadAverage());

    /// <summary>The 1-minute load average (other work on the machine slows every timing), or "n/a".</summary>
    public static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? File.ReadAllText(loadavg).Split(' ')[0] : "n/a";
    }

    static string Describe() =>
        $"{Cpu()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    /// <summary>The CPU model name from /proc/cpuinfo where there is one.</summary>
    static string Cpu()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        string? line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
