using System.Diagnostics;
using System.Globalization;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// Runs this samgeo as a child process and measures its peak resident memory: with <c>/usr/bin/time -f %M</c>
/// where there is one, else by sampling the child's VmHWM.
/// </summary>
internal static class ChildRun
{
    private const string TimeTool = "/usr/bin/time";

    /// <summary>What a child run took.</summary>
    /// <param name="PeakMegabytes">Peak resident set size in MiB.</param>
    /// <param name="Seconds">Wall time.</param>
    /// <param name="Stdout">Its standard output.</param>
    public sealed record Measurement(double PeakMegabytes, double Seconds, string Stdout);

    /// <summary>How the peak is measured, for the suite's header line.</summary>
    public static string Method => File.Exists(TimeTool) ? "/usr/bin/time -f %M" : "sampling VmHWM";

    /// <summary>The samgeo command line of the child (its apphost, else <c>dotnet samgeo.dll</c>).</summary>
    public static string[] Samgeo
    {
        get
        {
            string dll = typeof(ChildRun).Assembly.Location;
            string host = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "samgeo.exe" : "samgeo");
            return File.Exists(host) ? [host] : ["dotnet", dll];
        }
    }

    /// <summary>Runs <c>samgeo <paramref name="arguments"/></c> to the end; <paramref name="scratch"/> takes the peak file.</summary>
    /// <exception cref="InvalidOperationException">The child failed.</exception>
    public static Measurement Run(IEnumerable<string> arguments, string scratch, IReadOnlyDictionary<string, string>? environment = null)
    {
        string peakFile = Path.Combine(scratch, "peak.txt");
        bool useTime = File.Exists(TimeTool);
        var args = new List<string>();
        if (useTime) args.AddRange(["-f", "%M", "-o", peakFile]);
        args.AddRange(Samgeo);
        args.AddRange(arguments);
        var start = new ProcessStartInfo(useTime ? TimeTool : args[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in useTime ? args : args.Skip(1)) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long sampledKb = 0;
        while (!process.WaitForExit(50))
            if (!useTime) sampledKb = Math.Max(sampledKb, ReadVmHwmKb(process.Id));
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"samgeo {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        long peakKb = useTime ? long.Parse(File.ReadAllText(peakFile).Trim().Split('\n')[^1], CultureInfo.InvariantCulture) : sampledKb;
        return new Measurement(peakKb / 1024.0, clock.Elapsed.TotalSeconds, stdout.Result);
    }

    /// <summary>The peak resident set (VmHWM) of a live process in kB, or 0 once it is gone.</summary>
    private static long ReadVmHwmKb(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }
}
