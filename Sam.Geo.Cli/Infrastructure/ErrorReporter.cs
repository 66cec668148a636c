using Sam.Geo.Interop;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Infrastructure;

/// <summary>Turns an exception into one line on stderr and an exit code: 2 for user mistakes, 1 otherwise.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception ex, TextWriter errors)
    {
        var root = ex;
        while (root is CommandRuntimeException or TypeInitializationException && root.InnerException is not null)
            root = root.InnerException!;
        switch (root)
        {
            case SamGeoInputException or GdalNotFoundException or CommandParseException or CommandRuntimeException:
                errors.WriteLine($"samgeo: error: {OneLine(root.Message)}");
                return SamGeoApp.UserErrorExitCode;
            case OperationCanceledException:
                errors.WriteLine("samgeo: cancelled");
                return 130;
            default:
                errors.WriteLine($"samgeo: internal error: {OneLine(root.Message)}");
                if (Environment.GetEnvironmentVariable("SAMGEO_DEBUG") == "1") errors.WriteLine(root);
                return 1;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
